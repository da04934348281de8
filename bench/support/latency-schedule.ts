import { mulberry32 } from '../../test/support/seeded-random.ts';

/** A vendor's injected answer times: `meanMs` ± `jitterMs`, uniform, the same for the same seed; the n-th request to arrive gets the n-th. */
export function injectedLatencies(seed: number, count: number, meanMs: number, jitterMs: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => meanMs - jitterMs + 2 * jitterMs * random());
}

export interface VendorSchedule {
  /** Each request's answer time, in the order the requests start. */
  latenciesMs: readonly number[];
  concurrency: number;
  /** Requests per second, or null for none. */
  rateLimit: number | null;
}

/**
 * How long a vendor's requests take at best: each starts as soon as one of `concurrency` slots is free
 * and its rate allows (starts 1/rate apart, as src/http/pacer.ts keeps them), then takes its latency.
 * Nothing else costs time here: the length a run bound only by the vendor's latency and limits would have.
 */
export function latencyBoundMs({ latenciesMs, concurrency, rateLimit }: VendorSchedule): number {
  const interval = rateLimit === null ? 0 : 1000 / rateLimit;
  const slotsFreeAt = Array.from({ length: concurrency }, () => 0);
  let nextStart = 0;
  let end = 0;
  for (const latency of latenciesMs) {
    const slot = slotsFreeAt.indexOf(Math.min(...slotsFreeAt));
    const start = Math.max(slotsFreeAt[slot]!, nextStart);
    nextStart = start + interval;
    slotsFreeAt[slot] = start + latency;
    end = Math.max(end, start + latency);
  }
  return end;
}
