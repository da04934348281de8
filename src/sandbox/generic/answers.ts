import { joinPointer } from '../../json/index.ts';
import { isObject, type Json, type OpenApiDocument } from './document.ts';
import type { DocumentedResponse } from './operations.ts';
import { sampleSchema } from './sample.ts';

/** A documented response rendered once, at start: every request for it gets these same bytes. */
export interface RenderedResponse {
  key: string;
  /** Absent when the response documents no content. */
  contentType?: string;
  headers: Record<string, string>;
  body: string;
}

/** What the sandbox answers with: the status sent and the documented response it renders. */
export interface Answer {
  status: number;
  rendered: RenderedResponse | undefined;
}

/**
 * The documented response for `status`: its exact code, else its range (`4XX`), else `default`;
 * a faithful sandbox answers with a status the document names wherever it can.
 */
export function answerFor(rendered: ReadonlyMap<string, RenderedResponse>, status: number): Answer {
  return { status, rendered: rendered.get(String(status)) ?? rendered.get(`${String(status).charAt(0)}XX`) ?? rendered.get('default') };
}

/** The success answer: the lowest documented 2xx code, else `2XX` or `default` as 200. */
export function successFor(rendered: ReadonlyMap<string, RenderedResponse>): Answer {
  const exact = [...rendered.keys()].filter((key) => /^2\d\d$/.test(key)).sort()[0];
  return exact ? { status: Number(exact), rendered: rendered.get(exact) } : answerFor(rendered, 200);
}

/** True when the document names this status for the operation, exactly or by its range (not by `default`). */
export function documents(rendered: ReadonlyMap<string, RenderedResponse>, status: number): boolean {
  return rendered.has(String(status)) || rendered.has(`${String(status).charAt(0)}XX`);
}

export function renderResponses(document: OpenApiDocument, responses: readonly DocumentedResponse[]): Map<string, RenderedResponse> {
  return new Map(responses.map((documented) => [documented.key, renderResponse(document, documented)]));
}

function renderResponse(document: OpenApiDocument, { key, pointer, response }: DocumentedResponse): RenderedResponse {
  const headers = requiredHeaders(document, response, pointer);
  const content = document.deref(response.content);
  const mediaTypes = isObject(content) ? Object.keys(content) : [];
  const mediaType = mediaTypes.find(isJsonMediaType) ?? mediaTypes[0];
  if (mediaType === undefined) return { key, headers, body: '' };
  const media = document.deref((content as Json)[mediaType]);
  const mediaPointer = joinPointer(pointer, 'content', mediaType);
  const json = isJsonMediaType(mediaType);
  const value = isObject(media) ? exampleOf(document, media, mediaPointer, json) : undefined;
  return { key, contentType: concreteMediaType(mediaType, json), headers, body: serialise(document, value, json, mediaPointer) };
}

/** The media type's `example`, else its first `examples` entry's value, else (JSON only) a sample of its schema. */
function exampleOf(document: OpenApiDocument, media: Json, pointer: string, json: boolean): unknown {
  if (media.example !== undefined) return media.example;
  const examples = document.deref(media.examples);
  for (const example of isObject(examples) ? Object.values(examples) : []) {
    const resolved = document.deref(example);
    if (isObject(resolved) && resolved.value !== undefined) return resolved.value;
  }
  return json && media.schema !== undefined ? sampleSchema(document, media.schema, joinPointer(pointer, 'schema')) : undefined;
}

function serialise(document: OpenApiDocument, value: unknown, json: boolean, pointer: string): string {
  if (!json && typeof value === 'string') return value;
  try {
    return JSON.stringify(value ?? (json ? {} : '')); // a JSON media type with nothing to show: any JSON fits it
  } catch (error) {
    return document.fail(pointer, `cannot serialise the example: ${(error as Error).message}`);
  }
}

/** Headers the response declares required, with a value from their example or schema (the checker looks for them). */
function requiredHeaders(document: OpenApiDocument, response: Json, pointer: string): Record<string, string> {
  const declared = document.deref(response.headers);
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(isObject(declared) ? declared : {})) {
    const header = document.deref(raw);
    if (!isObject(header) || header.required !== true || !HEADER_NAME.test(name) || name.toLowerCase() === 'content-type') continue;
    const value = header.example ?? sampleSchema(document, header.schema ?? { type: 'string' }, joinPointer(pointer, 'headers', name, 'schema'));
    const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
    headers[name] = HEADER_VALUE.test(text) ? text : encodeURIComponent(text); // what node:http would refuse to send
  }
  return headers;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

function isJsonMediaType(mediaType: string): boolean {
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || essence.endsWith('+json') || essence === '*/*' || essence === 'application/*';
}

/** A documented range (`application/*`, `*\/*`) is answered with a concrete type within it; so is a type no header can carry. */
function concreteMediaType(mediaType: string, json: boolean): string {
  if (!mediaType.includes('*') && HEADER_VALUE.test(mediaType)) return mediaType;
  return json ? 'application/json' : 'text/plain';
}
