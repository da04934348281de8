import type { Dispatcher } from 'undici';

type DispatchHeaders = Dispatcher.DispatchOptions['headers'];

const credentialNames = new Set(['authorization', 'proxy-authorization', 'cookie']);
// Vendors name their API keys freely (x-api-key, x-auth-token, client-secret): match on the words.
const credentialWords = /key|token|secret/;

export function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return credentialNames.has(lower) || credentialWords.test(lower);
}

/** The headers minus credentials, in undici's flat [name, value, ...] form. */
export function withoutCredentials(headers: DispatchHeaders): DispatchHeaders {
  if (headers == null) return headers;
  const kept: string[] = [];
  for (const [name, value] of headerPairs(headers)) {
    if (value === undefined || isCredentialHeader(name)) continue;
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
