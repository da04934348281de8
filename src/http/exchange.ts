import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import { safeMessage, transportCodeOf } from './errors.ts';
import { readBody } from './read-body.ts';
import { isUnavailableStatus } from './retry-policy.ts';
import type { HttpSettings } from './settings.ts';
import { kTrace, newTrace, type Traced } from './trace.ts';
import type { Exchange, HttpRequest } from './types.ts';

// Methods that only read: all a production target is ever sent.
const productionMethods = new Set(['GET', 'HEAD']);

/** One request through the composed dispatcher, turned into an Exchange. Never throws. */
export async function exchange(dispatcher: Dispatcher, call: HttpRequest, settings: HttpSettings): Promise<Exchange> {
  const startedAt = performance.now();
  const durationMs = () => Math.round(performance.now() - startedAt);
  const url = httpUrl(call.url);
  if (url === null) {
    const message = 'not an absolute http(s) URL';
    return { outcome: 'transport-error', code: 'INVALID_URL', message, attempts: 0, durationMs: durationMs() };
  }
  const method = call.method.toUpperCase();
  if (settings.production && !productionMethods.has(method)) {
    const message = `${method} is never sent to a production target`;
    return { outcome: 'transport-error', code: 'PRODUCTION_REFUSED', message, attempts: 0, durationMs: durationMs() };
  }
  const trace = newTrace();
  // Straight to the dispatcher: undici's request(url) would check and copy these options once more.
  const options: Dispatcher.RequestOptions & Traced = {
    origin: url.origin,
    path: url.pathname + url.search,
    method,
    headers: call.headers ?? {},
    [kTrace]: trace,
  };
  try {
    const response = await dispatcher.request(options);
    const attempts = trace.retries + 1;
    if (isUnavailableStatus(response.statusCode)) {
      await response.body.dump();
      const status = [response.statusCode, STATUS_CODES[response.statusCode]].filter(Boolean).join(' ');
      const message = `the vendor answered ${status} (${attempts} attempt${attempts === 1 ? '' : 's'})`;
      return { outcome: 'transport-error', code: 'UNAVAILABLE', message, attempts, durationMs: durationMs() };
    }
    const headers = flatHeaders(response.headers);
    const body = await readBody(response.body, headers['content-encoding'], settings.maxBodyBytes);
    return {
      outcome: 'response',
      status: response.statusCode,
      headers,
      body: body.bytes,
      truncated: body.truncated,
      decodedFrom: body.decodedFrom,
      attempts,
      durationMs: durationMs(),
      redirects: trace.urls.slice(1),
    };
  } catch (error) {
    return {
      outcome: 'transport-error',
      code: transportCodeOf(error),
      message: safeMessage(error, call.headers),
      attempts: trace.retries + 1,
      durationMs: durationMs(),
    };
  }
}

// One parse: canParse() and then new URL() parsed every request's URL twice.
function httpUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
