import type { IncomingHttpHeaders } from 'node:http';
import { isObject, type Json, type OpenApiDocument } from './document.ts';

/**
 * The two credentials the sandbox accepts for one security scheme, in the form a vendor file or
 * `conform audit --auth SCHEME=VALUE` gives them: a bearer or oauth2 access token, `user:password`
 * for http basic, the key for apiKey. `limited` authenticates but lacks the operation's permissions.
 */
export interface SchemeCredentials {
  valid: string;
  limited: string;
}

/** How a request stands with an operation's security: let through, refused (401), or not permitted (403). */
export type AuthOutcome = 'allowed' | 'unauthenticated' | 'forbidden';

type Presented = 'valid' | 'limited' | 'refused' | 'unchecked';

interface Scheme {
  /** Where the credential travels; undefined for a scheme the sandbox cannot check (mutualTLS, http digest). */
  read?: (request: AuthRequest) => string | undefined;
  credentials: SchemeCredentials;
}

export interface AuthRequest {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
}

const TOKENS: SchemeCredentials = { valid: 'conform-sandbox-valid-token', limited: 'conform-sandbox-limited-token' };
const BASIC: SchemeCredentials = { valid: 'conform-sandbox-user:valid', limited: 'conform-sandbox-user:limited' };
const KEYS: SchemeCredentials = { valid: 'conform-sandbox-valid-key', limited: 'conform-sandbox-limited-key' };

export interface SecurityGate {
  /** Per securitySchemes name, the credentials the sandbox accepts (schemes it cannot check are left out). */
  credentials: Record<string, SchemeCredentials>;
  check(security: ReadonlyArray<Record<string, unknown>>, request: AuthRequest): AuthOutcome;
}

export function securityGate(document: OpenApiDocument): SecurityGate {
  const components = document.deref(document.root.components);
  const declared = document.deref(isObject(components) ? components.securitySchemes : undefined);
  const schemes = new Map<string, Scheme>();
  for (const [name, raw] of Object.entries(isObject(declared) ? declared : {})) {
    const scheme = document.deref(raw);
    if (isObject(scheme)) schemes.set(name, schemeOf(scheme));
  }
  const presented = (name: string, request: AuthRequest): Presented => {
    const scheme = schemes.get(name);
    if (!scheme?.read) return 'unchecked'; // undeclared or uncheckable: imposes nothing the sandbox could enforce
    const value = scheme.read(request);
    return value === scheme.credentials.valid ? 'valid' : value === scheme.credentials.limited ? 'limited' : 'refused';
  };
  return {
    credentials: Object.fromEntries([...schemes].filter(([, scheme]) => scheme.read).map(([name, scheme]) => [name, { ...scheme.credentials }])),
    check(security, request) {
      if (security.length === 0) return 'allowed';
      let limited = false;
      for (const alternative of security) {
        const standing = Object.keys(alternative).map((name) => presented(name, request));
        if (standing.every((s) => s === 'valid' || s === 'unchecked')) return 'allowed';
        if (standing.every((s) => s !== 'refused')) limited = true;
      }
      return limited ? 'forbidden' : 'unauthenticated';
    },
  };
}

function schemeOf(scheme: Json): Scheme {
  const type = String(scheme.type ?? '').toLowerCase();
  const httpScheme = String(scheme.scheme ?? '').toLowerCase();
  if ((type === 'http' && httpScheme === 'bearer') || type === 'oauth2' || type === 'openidconnect') {
    return { read: (request) => authorization(request, 'bearer'), credentials: TOKENS };
  }
  if (type === 'http' && httpScheme === 'basic') {
    return { read: (request) => decodeBasic(authorization(request, 'basic')), credentials: BASIC };
  }
  if (type === 'apikey' && typeof scheme.name === 'string') {
    const name = scheme.name;
    if (scheme.in === 'header') return { read: (request) => firstHeader(request.headers, name), credentials: KEYS };
    if (scheme.in === 'query') return { read: (request) => request.query.get(name) ?? undefined, credentials: KEYS };
    if (scheme.in === 'cookie') return { read: (request) => cookie(request.headers, name), credentials: KEYS };
  }
  return { credentials: TOKENS };
}

/** The credential after `Authorization: <scheme> `, compared case-insensitively on the scheme as RFC 9110 says. */
function authorization(request: AuthRequest, scheme: string): string | undefined {
  const value = firstHeader(request.headers, 'authorization')?.trim();
  const space = value?.indexOf(' ') ?? -1;
  if (value === undefined || space < 0 || value.slice(0, space).toLowerCase() !== scheme) return undefined;
  return value.slice(space + 1).trim();
}

function decodeBasic(encoded: string | undefined): string | undefined {
  return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
}

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function cookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const pair of (firstHeader(headers, 'cookie') ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return undefined;
}
