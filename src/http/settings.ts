import type { HttpClientOptions } from './types.ts';

/** HttpClientOptions with every default filled in. */
export interface HttpSettings {
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxBodyBytes: number;
  retry: RetrySettings;
  concurrency: number;
  ratePerSecond: number | null;
  maxRedirects: number;
  production: boolean;
}

export interface RetrySettings {
  maxRetries: number;
  minDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export function resolveSettings(options: HttpClientOptions = {}): HttpSettings {
  const retry = options.retry ?? {};
  return {
    connectTimeoutMs: count('connectTimeoutMs', options.connectTimeoutMs ?? 5_000),
    headersTimeoutMs: count('headersTimeoutMs', options.headersTimeoutMs ?? 15_000),
    bodyTimeoutMs: count('bodyTimeoutMs', options.bodyTimeoutMs ?? 15_000),
    maxBodyBytes: count('maxBodyBytes', options.maxBodyBytes ?? 10 * 1024 * 1024),
    retry: {
      maxRetries: count('retry.maxRetries', retry.maxRetries ?? 2),
      minDelayMs: count('retry.minDelayMs', retry.minDelayMs ?? 200),
      maxDelayMs: count('retry.maxDelayMs', retry.maxDelayMs ?? 5_000),
      maxRetryAfterMs: count('retry.maxRetryAfterMs', retry.maxRetryAfterMs ?? 30_000),
    },
    // At least one slot, or every send would wait for ever.
    concurrency: count('concurrency', options.concurrency ?? 8, 1),
    ratePerSecond: options.ratePerSecond === undefined ? null : rate(options.ratePerSecond),
    maxRedirects: count('maxRedirects', options.maxRedirects ?? 3),
    production: options.production ?? false,
  };
}

function count(name: string, value: number, min = 0): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`HttpClientOptions.${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

function rate(value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`HttpClientOptions.ratePerSecond must be a number > 0, got ${value}`);
  return value;
}
