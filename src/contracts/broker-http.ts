import { request } from 'undici';
import { redactText } from '../redaction/index.ts';
import { displayUrl } from '../vendors/index.ts';
import type { BrokerSettings } from './broker.ts';

/** What the broker answered, redacted of the credentials it was sent. */
export interface BrokerAnswer {
  status: number;
  /** The parsed JSON body; null for an empty one. */
  json: unknown;
}

/**
 * A broker call that did not give a usable answer: unreachable, refused (4xx, 5xx) or not JSON. The
 * message says which call, what came back and the broker's own messages, credentials redacted.
 */
export class BrokerError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or null when nothing came back. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'BrokerError';
  }
}

/** A broker answer larger than this (a matrix of thousands of rows) is not read further. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

/** One HAL call with the broker's credentials; any answer but a 2xx with JSON (or nothing) is a BrokerError. */
export async function askBroker(broker: BrokerSettings, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<BrokerAnswer> {
  const call = `${method} ${displayUrl(url)}`;
  let status: number;
  let text: string;
  try {
    const response = await request(url, {
      method,
      headers: { accept: 'application/hal+json, application/json', authorization: broker.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
    status = response.statusCode;
    text = await readCapped(response.body, call);
  } catch (error) {
    if (error instanceof BrokerError) throw error;
    throw new BrokerError(redactText(`cannot reach the Pact Broker at ${displayUrl(broker.baseUrl)} (${call}): ${(error as Error).message}`, broker.secretForms), null);
  }
  // Redacted before anything is parsed or cut: a broker may echo the credentials it was sent, in any form.
  const said = redactText(text, broker.secretForms);
  const json = parseJson(said);
  if (status < 200 || status >= 300) {
    const messages = brokerMessages(said, json);
    throw new BrokerError(`the Pact Broker answered ${call} with HTTP ${status}${messages.length > 0 ? `: ${messages.join('; ')}` : ''}`, status);
  }
  if (json === undefined) throw new BrokerError(`the Pact Broker answered ${call} with something that is not JSON: ${shortened(said)}`, status);
  return { status, json };
}

/** A HAL link's href, its {placeholders} filled and percent-encoded; null when the resource lacks the link. */
export function linkOf(resource: unknown, relation: string, values: Record<string, string> = {}): string | null {
  const link = (resource as { _links?: Record<string, unknown> } | null)?._links?.[relation];
  const href = (Array.isArray(link) ? link[0] : link) as { href?: unknown } | undefined;
  if (typeof href?.href !== 'string') return null;
  return href.href.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name]!) : whole));
}

/** The broker's notices ({notices: [{text}]}) and errors ({errors: {field: [message]}} or [message]), else the text cut short. */
export function brokerMessages(text: string, json: unknown = parseJson(text)): string[] {
  if (json === undefined || json === null || typeof json !== 'object') return text.trim() ? [shortened(text)] : [];
  const answer = json as { notices?: unknown; errors?: unknown; error?: unknown; title?: unknown; detail?: unknown };
  const notices = (Array.isArray(answer.notices) ? answer.notices : []).map((notice) => String((notice as { text?: unknown }).text ?? '')).filter(Boolean);
  const errors = Array.isArray(answer.errors)
    ? answer.errors.map(String)
    : Object.entries((answer.errors ?? {}) as Record<string, unknown>).map(([field, messages]) => `${field}: ${[messages].flat().join('; ')}`);
  // {error: text}, or application/problem+json as newer brokers answer errors.
  const problem = [answer.error, answer.detail ?? answer.title].filter((text): text is string => typeof text === 'string');
  return [...notices, ...errors, ...(notices.length + errors.length === 0 ? problem : [])];
}

/** undefined when the text is not JSON; null when it is empty. */
function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function shortened(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** A broker's answer, read up to MAX_ANSWER_BYTES: a broken or hostile broker holds no unbounded memory. */
export async function readCapped(body: AsyncIterable<Buffer>, call: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    // Leaving the loop destroys the body, which aborts the request.
    if (size > MAX_ANSWER_BYTES) throw new BrokerError(`the Pact Broker's answer to ${call} is larger than ${MAX_ANSWER_BYTES} bytes: not read`, null);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The broker's index resource, where every HAL navigation starts. */
export async function brokerIndex(broker: BrokerSettings): Promise<unknown> {
  return (await askBroker(broker, 'GET', `${broker.baseUrl}/`)).json;
}
