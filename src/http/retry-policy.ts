import type { RetrySettings } from './settings.ts';
import type { TransportErrorCode } from './types.ts';

const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);
// Answers that say the vendor (or a proxy before it) could not serve the request now, not what the
// API does: left after the retries, they are inconclusive. A 500 is the API's own answer.
const unavailableStatuses = new Set([408, 429, 502, 503, 504]);
// Failures where the vendor cannot have acted on a complete request; timeouts are not among them.
const retryableFailures = new Set<TransportErrorCode>(['CONNECTION_REFUSED', 'CONNECTION_RESET', 'SOCKET_CLOSED']);

/** One failed try: either a response with a status, or a transport failure. */
export type FailedTry =
  | { kind: 'status'; method: string; status: number; retryAfter: string | undefined }
  | { kind: 'transport'; method: string; code: TransportErrorCode; responseDelivered: boolean };

/**
 * How long to wait before trying again, or null to give up and report this try. Deterministic: the
 * delay doubles from minDelayMs up to maxDelayMs, with no jitter, unless the vendor sent Retry-After.
 */
export function retryDelayMs(failed: FailedTry, retriesSoFar: number, settings: RetrySettings, nowMs: number): number | null {
  if (!mayRetry(failed.method, retriesSoFar, settings)) return null;
  const backoffMs = Math.min(settings.maxDelayMs, settings.minDelayMs * 2 ** retriesSoFar);
  if (failed.kind === 'transport') {
    // After the response was passed on, undici would retry with a Range header: a request the caller never asked for.
    return retryableFailures.has(failed.code) && !failed.responseDelivered ? backoffMs : null;
  }
  if (!retryableStatuses.has(failed.status)) return null;
  const askedMs = failed.retryAfter === undefined ? null : parseRetryAfterMs(failed.retryAfter, nowMs);
  if (askedMs === null) return backoffMs;
  return askedMs <= settings.maxRetryAfterMs ? askedMs : null;
}

function mayRetry(method: string, retriesSoFar: number, settings: RetrySettings): boolean {
  return retriesSoFar < settings.maxRetries && idempotentMethods.has(method);
}

/** False when retryDelayMs is null for this status whatever its Retry-After: the answer is final as it is. */
export function mayRetryStatus(method: string, status: number, retriesSoFar: number, settings: RetrySettings): boolean {
  return retryableStatuses.has(status) && mayRetry(method, retriesSoFar, settings);
}

/** A final status that leaves the exchange unverified: the request timed out, was throttled, or no server answered it. */
export function isUnavailableStatus(status: number): boolean {
  return unavailableStatuses.has(status);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when it is neither. */
export function parseRetryAfterMs(value: string, nowMs: number): number | null {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // All three HTTP date forms open with the day name; Date.parse alone would take "-5" for a year.
  if (!/^[A-Za-z]{3,9},? /.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
