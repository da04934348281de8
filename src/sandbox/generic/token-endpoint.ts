import type { IncomingHttpHeaders } from 'node:http';
import type { GenericReply } from './app.ts';
import { basicUserPass, CLIENTS, TOKENS } from './auth.ts';
import type { OpenApiDocument } from './document.ts';
import { joinPointer } from '../../json/index.ts';

// An OAuth 2.0 client-credentials token endpoint (RFC 6749 §4.4), so an oauth2 vendor runs offline:
// the run exchanges CLIENTS for TOKENS here, then calls the API with the token.

/** A token request is a few short form fields; the body is read up to this and refused beyond it. */
export const TOKEN_FORM_LIMIT = 8 * 1024;

/** The body of a token request: its text, or 'too-large' when it passed TOKEN_FORM_LIMIT (and was not read on). */
export type TokenForm = string | 'too-large';

const EXPIRES_IN_S = 3600;
const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Pragma: 'no-cache' };
/** RFC 6749 §3.2: a parameter sent twice makes the request invalid. */
const SINGLE_PARAMETERS = ['grant_type', 'client_id', 'client_secret', 'scope'];

/**
 * Per oauth2 scheme, the path (and query) the sandbox serves its token endpoint at: the document's tokenUrl
 * resolved against the sandbox URL (origin + base path + '/'), and of an absolute one on another host only
 * the path, served on the sandbox's own origin. Throws GenericSandboxError for a tokenUrl that is no http(s) URL.
 */
export function tokenPaths(document: OpenApiDocument, tokenUrls: Record<string, string>, basePath: string): Record<string, string> {
  const base = `http://sandbox.invalid${basePath}/`;
  return Object.fromEntries(
    Object.entries(tokenUrls).map(([scheme, tokenUrl]) => {
      const pointer = joinPointer('/components/securitySchemes', scheme, 'flows', 'clientCredentials', 'tokenUrl');
      if (!URL.canParse(tokenUrl, base)) return document.fail(pointer, 'tokenUrl is not a URL, nor one relative to the server URL');
      const url = new URL(tokenUrl, base);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return document.fail(pointer, 'tokenUrl is not an http(s) URL');
      return [scheme, `${url.pathname}${url.search}`];
    }),
  );
}

/** The token endpoint's answer; `form` is undefined for a method other than POST, whose body is not read. */
export function answerTokenRequest(method: string, headers: IncomingHttpHeaders, form: TokenForm | undefined): GenericReply {
  if (method !== 'POST' || form === undefined) return { status: 405, headers: { Allow: 'POST' }, body: '' };
  if (form === 'too-large') return { ...oauthError(413, 'invalid_request'), headers: { ...JSON_HEADERS, Connection: 'close' } };
  const mediaType = String(headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') return oauthError(400, 'invalid_request');
  const fields = new URLSearchParams(form);
  if (SINGLE_PARAMETERS.some((name) => fields.getAll(name).length > 1)) return oauthError(400, 'invalid_request');
  if (fields.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
  const basic = basicUserPass(headers);
  const posted = fields.get('client_id') ?? fields.get('client_secret');
  // RFC 6749 §2.3: a client uses one authentication method per request.
  if (basic !== undefined && posted !== null) return oauthError(400, 'invalid_request');
  const client = basic === undefined ? { id: fields.get('client_id'), secret: fields.get('client_secret') } : formDecodedPair(basic);
  const token = isClient(client, CLIENTS.valid) ? TOKENS.valid : isClient(client, CLIENTS.limited) ? TOKENS.limited : undefined;
  if (token === undefined) {
    const refused = oauthError(401, 'invalid_client');
    return { ...refused, headers: { ...refused.headers, 'WWW-Authenticate': 'Basic' } };
  }
  return { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: EXPIRES_IN_S }) };
}

function oauthError(status: number, error: string): GenericReply {
  return { status, headers: JSON_HEADERS, body: JSON.stringify({ error }) };
}

interface PresentedClient {
  id: string | null;
  secret: string | null;
}

/** Compared part by part: an id holding a colon must not pass for part of another client's secret. */
function isClient(client: PresentedClient, idColonSecret: string): boolean {
  const colon = idColonSecret.indexOf(':');
  return client.id === idColonSecret.slice(0, colon) && client.secret === idColonSecret.slice(colon + 1);
}

/** RFC 6749 §2.3.1: the id and the secret inside Basic are each form-encoded. */
function formDecodedPair(userPass: string): PresentedClient {
  const colon = userPass.indexOf(':');
  const decode = (part: string): string | null => {
    try {
      return decodeURIComponent(part.replaceAll('+', ' '));
    } catch {
      return null; // a malformed escape: no client's
    }
  };
  return colon < 0 ? { id: null, secret: null } : { id: decode(userPass.slice(0, colon)), secret: decode(userPass.slice(colon + 1)) };
}
