import { Readable } from 'node:stream';
import type { ObservedResponse } from '../checks/index.ts';
import { readBody } from '../http/index.ts';

/** A fetch (or undici.fetch) Response. */
export interface FetchResponseLike {
  status: number;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  body: ReadableStream<Uint8Array> | null;
  bodyUsed: boolean;
}

/** What undici.request() resolves to. */
export interface UndiciResponseLike {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Uint8Array>;
}

/**
 * A response already read. `body` as bytes or text; any other value is taken as parsed JSON and
 * written back with JSON.stringify (duplicate keys and the exact digits of numbers are then lost).
 */
export interface PlainResponse {
  status: number;
  headers?: Record<string, string | string[] | number | undefined> | Headers;
  body?: unknown;
}

export type ResponseLike = FetchResponseLike | UndiciResponseLike | PlainResponse;

/** A body still to be read (a stream) is read up to this many bytes, as runs read them (CONFORM_MAX_BODY_BYTES' default); beyond it, it is cut and not checked. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The response as the checks see it: lower-case header names, the body's bytes (decoded; a stream cut at MAX_BODY_BYTES). */
export async function observedResponse(response: ResponseLike): Promise<ObservedResponse> {
  if (response === null || typeof response !== 'object') throw new TypeError('conform: expected a response (fetch Response, undici response or {status, headers, body})');
  if ('statusCode' in response) {
    const headers = headerRecord(response.headers);
    // undici.request() hands the body as sent, still encoded.
    const read = await readBody(Readable.from(response.body), headers['content-encoding'], MAX_BODY_BYTES);
    return { status: response.statusCode, headers, body: read.bytes, truncated: read.truncated };
  }
  if (isFetchResponse(response)) {
    if (response.bodyUsed) throw new TypeError('conform: the response body was already read; pass {status, headers, body} with the body you read');
    const headers = headerRecord(response.headers);
    // fetch has decoded the body already, whatever Content-Encoding says.
    const read = response.body === null ? null : await readBody(Readable.fromWeb(response.body as never), undefined, MAX_BODY_BYTES);
    return { status: response.status, headers, body: read?.bytes ?? new Uint8Array(), truncated: read?.truncated ?? false };
  }
  // Already in the caller's memory: checked whole, as `conform check` checks a saved body.
  return { status: response.status, headers: headerRecord(response.headers ?? {}), body: bodyBytes(response.body) };
}

function isFetchResponse(response: FetchResponseLike | PlainResponse): response is FetchResponseLike {
  return 'bodyUsed' in response && typeof response.headers?.forEach === 'function';
}

function headerRecord(headers: PlainResponse['headers'] | FetchResponseLike['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (typeof (headers as Headers).forEach === 'function') {
    (headers as Headers).forEach((value, name) => (record[name.toLowerCase()] = value));
    return record;
  }
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined) continue;
    record[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return record;
}

function bodyBytes(body: unknown): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
}
