import { describe, expect, test } from 'vitest';
import { mayRetryStatus, parseRetryAfterMs, retryDelayMs, type FailedTry } from '../../src/http/retry-policy.ts';
import type { RetrySettings } from '../../src/http/settings.ts';

const settings: RetrySettings = { maxRetries: 5, minDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 30_000 };
const now = Date.parse('2026-11-22T12:00:00Z');
const status = (code: number, method = 'GET', retryAfter?: string): FailedTry => ({
  kind: 'status',
  method,
  status: code,
  retryAfter,
});
const refused: FailedTry = { kind: 'transport', method: 'GET', code: 'CONNECTION_REFUSED', responseDelivered: false };

describe('retryDelayMs', () => {
  test('the delay doubles from minDelayMs and stops at maxDelayMs, the same every time', () => {
    const delays = [0, 1, 2, 3, 4].map((retries) => retryDelayMs(refused, retries, settings, now));
    expect(delays).toEqual([100, 200, 400, 800, 1_000]);
  });

  test('there is no retry once maxRetries retries have been made', () => {
    expect(retryDelayMs(refused, 5, settings, now)).toBeNull();
  });

  test('408, 429, 500, 502, 503 and 504 are retried; other statuses are not', () => {
    const retried = [400, 401, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504, 505].filter(
      (code) => retryDelayMs(status(code), 0, settings, now) !== null,
    );
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });

  test('only idempotent methods are retried', () => {
    const methods = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'];
    const retried = methods.filter((method) => retryDelayMs(status(503, method), 0, settings, now) !== null);
    expect(retried).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
  });

  test('connection failures are retried; timeouts are not', () => {
    const codes = ['CONNECTION_REFUSED', 'CONNECTION_RESET', 'SOCKET_CLOSED', 'HEADERS_TIMEOUT', 'BODY_TIMEOUT', 'DNS'] as const;
    const retried = codes.filter(
      (code) => retryDelayMs({ kind: 'transport', method: 'GET', code, responseDelivered: false }, 0, settings, now) !== null,
    );
    expect(retried).toEqual(['CONNECTION_REFUSED', 'CONNECTION_RESET', 'SOCKET_CLOSED']);
  });

  test('a connection failure after the response was passed on is not retried', () => {
    const reset: FailedTry = { kind: 'transport', method: 'GET', code: 'CONNECTION_RESET', responseDelivered: true };
    expect(retryDelayMs(reset, 0, settings, now)).toBeNull();
  });

  test('Retry-After replaces the backoff, up to maxRetryAfterMs', () => {
    expect(retryDelayMs(status(429, 'GET', '0'), 3, settings, now)).toBe(0);
    expect(retryDelayMs(status(429, 'GET', '20'), 0, settings, now)).toBe(20_000);
    expect(retryDelayMs(status(503, 'GET', '31'), 0, settings, now)).toBeNull();
  });

  test('an unreadable Retry-After falls back to the backoff', () => {
    expect(retryDelayMs(status(429, 'GET', 'soon'), 1, settings, now)).toBe(200);
  });
});

describe('mayRetryStatus', () => {
  // The retry layer hands on at once, unretried, every answer for which this is false.
  test('is false exactly where retryDelayMs gives up on a status whatever its Retry-After', () => {
    const methods = ['GET', 'PUT', 'POST'];
    const codes = [200, 301, 404, 408, 429, 500, 501, 503, 504];
    for (const method of methods) {
      for (const code of codes) {
        for (const retries of [0, 4, 5, 6]) {
          const retried = [undefined, '0', 'soon'].some((after) => retryDelayMs(status(code, method, after), retries, settings, now) !== null);
          expect(mayRetryStatus(method, code, retries, settings), `${method} ${code} after ${retries}`).toBe(retried);
        }
      }
    }
  });
});

describe('parseRetryAfterMs', () => {
  test('delta-seconds are read as seconds', () => {
    expect(parseRetryAfterMs(' 120 ', now)).toBe(120_000);
  });

  test('an HTTP date is measured from now, and a past date means now', () => {
    expect(parseRetryAfterMs('Sun, 22 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sunday, 22-Nov-26 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sun, 22 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  test('anything else is unreadable', () => {
    expect(parseRetryAfterMs('-5', now)).toBeNull();
    expect(parseRetryAfterMs('later', now)).toBeNull();
  });
});
