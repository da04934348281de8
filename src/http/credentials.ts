import type { Dispatcher } from 'undici';

type DispatchHeaders = Dispatcher.DispatchOptions['headers'];

// What may follow a redirect to another origin: a vendor file can name any header for its API key
// (X-Acme-Auth), so headers cross only when known to carry no credential.
const SAFE_ACROSS_ORIGINS = new Set(['accept', 'accept-encoding', 'accept-language', 'user-agent', 'content-type', 'content-length']);

// Header names that say they carry a credential (X-Acme-Key, X-Session-Token, Cookie, ...).
const CREDENTIAL_NAME = /^(authorization|proxy-authorization|cookie)$|key|token|secret|password|signature|session/i;

/** Whether a header of this name may carry a credential: never recorded, and its value redacted wherever it appears. */
export function mayCarryCredential(name: string): boolean {
  return CREDENTIAL_NAME.test(name);
}

/** The headers another origin may see, in undici's flat [name, value, ...] form: everything else is dropped. */
export function withoutCredentials(headers: DispatchHeaders): DispatchHeaders {
  if (headers == null) return headers;
  const kept: string[] = [];
  for (const [name, value] of headerPairs(headers)) {
    if (value === undefined || !SAFE_ACROSS_ORIGINS.has(name.toLowerCase())) continue;
    for (const one of Array.isArray(value) ? value : [value]) kept.push(name, one);
  }
  return kept;
}

// undici takes headers as a flat [name, value, ...] list (its redirect handler rewrites them into one),
// as [name, value] pairs, or as a record.
function headerPairs(headers: NonNullable<DispatchHeaders>): Array<[string, string | string[] | undefined]> {
  if (isFlatList(headers)) {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]), String(headers[i + 1])]);
    return pairs;
  }
  if (Symbol.iterator in headers) return [...(headers as Iterable<[string, string | string[] | undefined]>)];
  return Object.entries(headers);
}

function isFlatList(headers: NonNullable<DispatchHeaders>): headers is string[] {
  return Array.isArray(headers) && !Array.isArray(headers[0]);
}
