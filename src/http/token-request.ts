import { Agent, request } from 'undici';
import { resetAwareConnector } from './connector.ts';
import { safeMessage, transportCodeOf } from './errors.ts';
import { readBody } from './read-body.ts';
import type { HttpSettings } from './settings.ts';

/** Stable: the run branches on these (every one of them means no token, so nothing authenticated can be tried). */
export type OAuth2ErrorCode =
  | 'TOKEN_URL_INVALID'
  | 'TOKEN_ENDPOINT_UNREACHABLE'
  | 'CREDENTIALS_REFUSED'
  | 'TOKEN_ENDPOINT_FAILED'
  | 'TOKEN_RESPONSE_INVALID';

/** No token could be had. The message names the vendor and the token URL, never a credential. */
export class OAuth2TokenError extends Error {
  readonly code: OAuth2ErrorCode;
  readonly vendor: string;
  readonly tokenUrl: string;

  constructor(code: OAuth2ErrorCode, vendor: string, tokenUrl: string, detail: string) {
    super(`${vendor}: no OAuth 2.0 token from ${tokenUrl}: ${detail}`);
    this.name = 'OAuth2TokenError';
    this.code = code;
    this.vendor = vendor;
    this.tokenUrl = tokenUrl;
  }
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** Where and how to ask for a token: the resolved token URL and everything that goes into the request. */
export interface TokenEndpoint {
  vendor: string;
  url: URL;
  credentials: ClientCredentials;
  scopes: readonly string[];
  /** RFC 6749 §2.3.1: HTTP Basic (what every server must accept), or the credentials in the form body. */
  clientAuthentication: 'basic' | 'post';
}

export interface IssuedToken {
  accessToken: string;
  /** `expires_in` in seconds; null when the server did not say (the token is then kept for the run). */
  expiresInS: number | null;
}

// A token response is a few hundred bytes; anything near this is not one.
const TOKEN_BODY_LIMIT = 64 * 1024;
const DESCRIPTION_LIMIT = 200;
// RFC 6749 §5.2: `error` is printable ASCII without '"' and '\'.
const OAUTH_ERROR_CODE = /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,64}$/;
// A token goes into a header: visible ASCII only (RFC 6750's b64token is a subset).
const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;

/**
 * One client-credentials token request (RFC 6749 §4.4.2), on an agent of its own with the run's timeouts
 * and connector, closed when the answer is read. Redirects are not followed: the client secret would go
 * with them. Throws OAuth2TokenError.
 */
export async function requestToken(endpoint: TokenEndpoint, settings: HttpSettings): Promise<IssuedToken> {
  const { headers, body } = tokenRequest(endpoint);
  const hidden = { ...headers, ...secretValues(endpoint.credentials) };
  const fail = (code: OAuth2ErrorCode, detail: string) => new OAuth2TokenError(code, endpoint.vendor, displayTokenUrl(endpoint.url), safeMessage(detail, hidden));
  const unreachable = (error: unknown): never => {
    throw fail('TOKEN_ENDPOINT_UNREACHABLE', `${transportCodeOf(error)}: ${safeMessage(error)}`);
  };
  const agent = new Agent({
    connect: resetAwareConnector(settings.connectTimeoutMs),
    headersTimeout: settings.headersTimeoutMs,
    bodyTimeout: settings.bodyTimeoutMs,
  });
  try {
    const response = await request(endpoint.url, { dispatcher: agent, method: 'POST', headers, body }).catch(unreachable);
    const limit = Math.min(settings.maxBodyBytes, TOKEN_BODY_LIMIT);
    const read = await readBody(response.body, flat(response.headers['content-encoding']), limit).catch(unreachable);
    if (read.truncated) throw fail('TOKEN_RESPONSE_INVALID', `the answer (${response.statusCode}) is larger than ${limit} bytes`);
    const json = parseJson(Buffer.from(read.bytes).toString('utf8'));
    const status = response.statusCode;
    if (status === 400 || status === 401) throw fail('CREDENTIALS_REFUSED', `the client credentials were refused (${status}${oauthError(json, hidden)})`);
    if (status < 200 || status > 299) throw fail('TOKEN_ENDPOINT_FAILED', `the token endpoint answered ${status}${oauthError(json, hidden)}`);
    return issuedToken(json, (detail) => fail('TOKEN_RESPONSE_INVALID', detail));
  } finally {
    // Also what aborts a body cut at the limit.
    await agent.destroy();
  }
}

/** The URL as messages show it: no query, which a document may use for anything. */
export function displayTokenUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The secret as it travels: itself, and form-encoded (inside Basic, RFC 6749 §2.3.1, and in a form body). */
export function clientSecretForms(credentials: ClientCredentials): string[] {
  const encoded = formEncode(credentials.clientSecret);
  return encoded === credentials.clientSecret ? [credentials.clientSecret] : [credentials.clientSecret, encoded];
}

function tokenRequest({ credentials, scopes, clientAuthentication }: TokenEndpoint): { headers: Record<string, string>; body: string } {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scopes.length > 0) form.set('scope', scopes.join(' '));
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
  if (clientAuthentication === 'post') {
    form.set('client_id', credentials.clientId);
    form.set('client_secret', credentials.clientSecret);
  } else {
    // RFC 6749 §2.3.1: each part form-encoded before it is joined and base64-encoded.
    const userPass = `${formEncode(credentials.clientId)}:${formEncode(credentials.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
  }
  return { headers, body: form.toString() };
}

function issuedToken(json: unknown, fail: (detail: string) => OAuth2TokenError): IssuedToken {
  if (!isObject(json)) throw fail('the answer is not a JSON object');
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = json;
  if (typeof accessToken !== 'string' || accessToken === '') throw fail('the answer has no access_token');
  if (!HEADER_SAFE_TOKEN.test(accessToken)) throw fail('the access_token holds characters a header cannot carry');
  // RFC 6749 requires token_type; servers that leave it out mean Bearer.
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) {
    throw fail(`token_type ${JSON.stringify(String(tokenType)).slice(0, 40)} is not Bearer`);
  }
  return { accessToken, expiresInS: lifetimeOf(expiresIn) };
}

/** expires_in as a number of seconds, or a string of digits as some servers send it; anything else is ignored. */
function lifetimeOf(value: unknown): number | null {
  const seconds = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/**
 * ": invalid_client (description)" from an RFC 6749 §5.2 error body, or nothing when it is not one. The
 * description is redacted (`hidden`: the secret, the request's headers) before it is cut, never after:
 * a cut could split an echoed secret and hide it from the search.
 */
function oauthError(json: unknown, hidden: Record<string, string>): string {
  if (!isObject(json) || typeof json.error !== 'string' || !OAUTH_ERROR_CODE.test(json.error)) return '';
  const description = typeof json.error_description === 'string' ? printable(safeMessage(json.error_description, hidden)) : '';
  return `: ${json.error}${description ? ` (${description})` : ''}`;
}

function printable(text: string): string {
  const kept = text.slice(0, DESCRIPTION_LIMIT).replace(/[^\x20-\x7e]/g, '?');
  return text.length > DESCRIPTION_LIMIT ? `${kept}...` : kept;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function secretValues(credentials: ClientCredentials): Record<string, string> {
  return Object.fromEntries(clientSecretForms(credentials).map((form, i) => [`secret${i}`, form]));
}

function formEncode(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice(2);
}

function flat(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
