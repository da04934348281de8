import type { IncomingHttpHeaders } from 'node:http';
import { isObject, type Json, type OpenApiDocument } from './document.ts';

/**
 * The two credentials the sandbox gives out for one security scheme, in the form a vendor file or
 * `conform audit --auth SCHEME=VALUE` gives them: a bearer token, `client_id:client_secret` for oauth2
 * with a client-credentials flow (exchanged at the sandbox's token endpoint), `user:password` for http
 * basic, the key for apiKey. `limited` authenticates but lacks the operation's permissions.
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
  /** What is read is compared with these: the credentials given out, or for oauth2 the tokens issued for them. */
  accepted: SchemeCredentials;
  credentials: SchemeCredentials;
  /** oauth2's flows.clientCredentials.tokenUrl, as the document writes it. */
  tokenUrl?: string;
}

export interface AuthRequest {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
}

/** Also what the token endpoint issues: the token of the valid client passes, the limited client's is limited. */
export const TOKENS: SchemeCredentials = { valid: 'conform-sandbox-valid-token', limited: 'conform-sandbox-limited-token' };
/** The token endpoint's clients, `client_id:client_secret`. */
export const CLIENTS: SchemeCredentials = { valid: 'conform-sandbox-client:conform-sandbox-secret', limited: 'conform-sandbox-limited-client:conform-sandbox-limited-secret' };
const BASIC: SchemeCredentials = { valid: 'conform-sandbox-user:valid', limited: 'conform-sandbox-user:limited' };
const KEYS: SchemeCredentials = { valid: 'conform-sandbox-valid-key', limited: 'conform-sandbox-limited-key' };

export interface SecurityGate {
  /** Per securitySchemes name, the credentials the sandbox accepts (schemes it cannot check are left out). */
  credentials: Record<string, SchemeCredentials>;
  /** Per oauth2 scheme with a client-credentials flow, its tokenUrl as the document writes it. */
  tokenUrls: Record<string, string>;
  check(security: ReadonlyArray<Record<string, unknown>>, request: AuthRequest): AuthOutcome;
}

export function securityGate(document: OpenApiDocument): SecurityGate {
  const components = document.deref(document.root.components);
  const declared = document.deref(isObject(components) ? components.securitySchemes : undefined);
  const schemes = new Map<string, Scheme>();
  for (const [name, raw] of Object.entries(isObject(declared) ? declared : {})) {
    const scheme = document.deref(raw);
    if (isObject(scheme)) schemes.set(name, schemeOf(document, scheme));
  }
  const presented = (name: string, request: AuthRequest): Presented => {
    const scheme = schemes.get(name);
    if (!scheme?.read) return 'unchecked'; // undeclared or uncheckable: imposes nothing the sandbox could enforce
    const value = scheme.read(request);
    return value === scheme.accepted.valid ? 'valid' : value === scheme.accepted.limited ? 'limited' : 'refused';
  };
  return {
    credentials: Object.fromEntries([...schemes].filter(([, scheme]) => scheme.read).map(([name, scheme]) => [name, { ...scheme.credentials }])),
    tokenUrls: Object.fromEntries([...schemes].flatMap(([name, scheme]) => (scheme.tokenUrl === undefined ? [] : [[name, scheme.tokenUrl]]))),
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

function schemeOf(document: OpenApiDocument, scheme: Json): Scheme {
  const type = String(scheme.type ?? '').toLowerCase();
  const httpScheme = String(scheme.scheme ?? '').toLowerCase();
  const bearer = (request: AuthRequest) => authorization(request.headers, 'bearer');
  const tokenUrl = type === 'oauth2' ? clientCredentialsTokenUrl(document, scheme) : undefined;
  if (tokenUrl !== undefined) return { read: bearer, accepted: TOKENS, credentials: CLIENTS, tokenUrl };
  if ((type === 'http' && httpScheme === 'bearer') || type === 'oauth2' || type === 'openidconnect') {
    return { read: bearer, accepted: TOKENS, credentials: TOKENS };
  }
  if (type === 'http' && httpScheme === 'basic') {
    return { read: (request) => basicUserPass(request.headers), accepted: BASIC, credentials: BASIC };
  }
  if (type === 'apikey' && typeof scheme.name === 'string') {
    const name = scheme.name;
    if (scheme.in === 'header') return { read: (request) => firstHeader(request.headers, name), accepted: KEYS, credentials: KEYS };
    if (scheme.in === 'query') return { read: (request) => request.query.get(name) ?? undefined, accepted: KEYS, credentials: KEYS };
    if (scheme.in === 'cookie') return { read: (request) => cookie(request.headers, name), accepted: KEYS, credentials: KEYS };
  }
  return { accepted: TOKENS, credentials: TOKENS };
}

function clientCredentialsTokenUrl(document: OpenApiDocument, scheme: Json): string | undefined {
  const flows = document.deref(scheme.flows);
  const flow = isObject(flows) ? document.deref(flows.clientCredentials) : undefined;
  return isObject(flow) && typeof flow.tokenUrl === 'string' ? flow.tokenUrl : undefined;
}

/** The credential after `Authorization: <scheme> `, compared case-insensitively on the scheme as RFC 9110 says. */
function authorization(headers: IncomingHttpHeaders, scheme: string): string | undefined {
  const value = firstHeader(headers, 'authorization')?.trim();
  const space = value?.indexOf(' ') ?? -1;
  if (value === undefined || space < 0 || value.slice(0, space).toLowerCase() !== scheme) return undefined;
  return value.slice(space + 1).trim();
}

/** `user:password` from `Authorization: Basic`, base64-decoded and nothing more. */
export function basicUserPass(headers: IncomingHttpHeaders): string | undefined {
  const encoded = authorization(headers, 'basic');
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
