import type { HttpRequest } from './types.ts';

/** An OpenAPI security scheme conform can send a credential for, read from the document's securitySchemes. */
export type AuthScheme =
  | { type: 'http-bearer' }
  | { type: 'http-basic' }
  /** `parameter` is the header, query parameter or cookie name (the scheme's own `name`). */
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameter: string }
  /** The credential placed is the access token a TokenSource obtained (oauth2.ts). */
  | { type: 'oauth2-client-credentials'; tokenUrl: string; scopes: readonly string[] };

/** Where a credential goes. Query parameters are for the URL sent, never for what a case result stores. */
export interface CredentialPlacement {
  /** Lower-case names, so they replace a same-named header whatever its case. */
  headers: Record<string, string>;
  query: Record<string, string>;
  cookies: Record<string, string>;
}

// RFC 9110 §5.6.2 token: what a header or cookie name may be.
const TOKEN_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A securitySchemes entry as conform will use it, or why it cannot: the vendor document is input, so
 * every field is checked. Unsupported: openIdConnect, mutualTLS, http schemes other than basic and
 * bearer, oauth2 without a clientCredentials flow.
 */
export function authSchemeOf(value: unknown): { scheme: AuthScheme } | { problem: string } {
  if (!isObject(value) || typeof value.type !== 'string') return { problem: 'not a security scheme object (no type)' };
  if (value.type === 'http') {
    const scheme = typeof value.scheme === 'string' ? value.scheme.toLowerCase() : null;
    if (scheme === 'bearer') return { scheme: { type: 'http-bearer' } };
    if (scheme === 'basic') return { scheme: { type: 'http-basic' } };
    return { problem: `http scheme ${JSON.stringify(value.scheme ?? null)} is not supported (basic and bearer are)` };
  }
  if (value.type === 'apiKey') {
    const where = value.in;
    if (where !== 'header' && where !== 'query' && where !== 'cookie') return { problem: 'an apiKey scheme needs in: header, query or cookie' };
    if (typeof value.name !== 'string' || value.name === '') return { problem: 'an apiKey scheme needs a name' };
    if (where !== 'query' && !TOKEN_NAME.test(value.name)) return { problem: `${JSON.stringify(value.name.slice(0, 60))} cannot name a ${where}` };
    return { scheme: { type: 'apiKey', in: where, parameter: where === 'header' ? value.name.toLowerCase() : value.name } };
  }
  if (value.type === 'oauth2') {
    const flow = isObject(value.flows) ? value.flows.clientCredentials : undefined;
    if (!isObject(flow)) return { problem: 'only the oauth2 clientCredentials flow is supported' };
    if (typeof flow.tokenUrl !== 'string' || flow.tokenUrl === '') return { problem: 'the clientCredentials flow has no tokenUrl' };
    return { scheme: { type: 'oauth2-client-credentials', tokenUrl: flow.tokenUrl, scopes: Object.keys(isObject(flow.scopes) ? flow.scopes : {}) } };
  }
  return { problem: `security scheme type ${JSON.stringify(value.type.slice(0, 40))} is not supported` };
}

/**
 * Where `credential` goes under `scheme`. For http basic it is `user:password`, or a key alone, sent as
 * the user name with an empty password (Xendit); for oauth2 it is the access token.
 */
export function placeCredential(scheme: AuthScheme, credential: string): CredentialPlacement {
  const placement: CredentialPlacement = { headers: {}, query: {}, cookies: {} };
  switch (scheme.type) {
    case 'http-bearer':
    case 'oauth2-client-credentials':
      placement.headers.authorization = `Bearer ${credential}`;
      break;
    case 'http-basic': {
      // RFC 7617: the user id cannot hold a colon, so a credential without one is a user id alone.
      const userPass = credential.includes(':') ? credential : `${credential}:`;
      placement.headers.authorization = `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
      break;
    }
    case 'apiKey':
      placement[scheme.in === 'header' ? 'headers' : scheme.in === 'query' ? 'query' : 'cookies'][scheme.parameter] = credential;
      break;
  }
  return placement;
}

/**
 * The request as it is sent: the placement's headers over the request's own, its query parameters
 * appended to the URL, its cookies added to any Cookie header. The caller records the request it had
 * before this, so a query-parameter key never reaches a case result's path or query.
 */
export function withCredential(request: HttpRequest, placement: CredentialPlacement): HttpRequest {
  const headers = { ...request.headers, ...placement.headers };
  const cookies = Object.entries(placement.cookies).map(([name, value]) => `${name}=${value}`);
  if (cookies.length > 0) headers.cookie = [headers.cookie, ...cookies].filter(Boolean).join('; ');
  const query = Object.entries(placement.query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  // Appended as text: re-serialising through URLSearchParams would re-encode the case's own parameters.
  const url = query.length === 0 ? request.url : `${request.url}${request.url.includes('?') ? '&' : '?'}${query.join('&')}`;
  return { ...request, url, headers };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
