import { stringPlaceholder } from './placeholder.ts';

/**
 * Response headers whose values describe the message, never a person: kept. Every other header's
 * value (cookies, echoes, a vendor's own x-* headers) is replaced by its placeholder; names stay.
 */
const KNOWN_HEADERS = new Set([
  'age',
  'cache-control',
  'connection',
  'content-encoding',
  'content-length',
  'content-type',
  'date',
  'etag',
  'expires',
  'keep-alive',
  'last-modified',
  'request-id',
  'retry-after',
  'traceparent',
  'transfer-encoding',
  'vary',
  'x-correlation-id',
  'x-request-id',
]);
const RATE_LIMIT = /^(x-)?ratelimit(-[a-z]+)*$/;

export function maskHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    masked[name] = KNOWN_HEADERS.has(name) || RATE_LIMIT.test(name) ? value : stringPlaceholder(value);
  }
  return masked;
}
