import { resolveSettings } from './settings.ts';
import {
  clientSecretForms,
  displayTokenUrl,
  OAuth2TokenError,
  requestToken,
  type ClientCredentials,
  type TokenEndpoint,
} from './token-request.ts';
import type { Exchange, HttpClient, HttpClientOptions, HttpRequest } from './types.ts';

export { OAuth2TokenError, type ClientCredentials, type OAuth2ErrorCode } from './token-request.ts';

export interface TokenSourceOptions {
  /** Named in every error. */
  vendor: string;
  /** The scheme's flows.clientCredentials.tokenUrl; a relative one is resolved against baseUrl (RFC 3986). */
  tokenUrl: string;
  baseUrl: string;
  credentials: ClientCredentials;
  scopes?: readonly string[];
  /** Default 'basic' (RFC 6749 §2.3.1); 'post' sends client_id and client_secret in the form body. */
  clientAuthentication?: 'basic' | 'post';
  /** The vendor client's options: the same timeouts and body cap; `production` demands an https token URL. */
  http?: HttpClientOptions;
  /** Milliseconds since the epoch; injectable so tests can move time. Default Date.now. */
  now?: () => number;
}

/**
 * An OAuth 2.0 client-credentials token source (RFC 6749 §4.4) for one run: one token at a time,
 * kept until shortly before `expires_in` runs out (for the run when the server gives none), fetched
 * once for all callers that want it at the same moment. It writes nothing anywhere: what it holds is
 * given to redaction through `secrets()`.
 */
export interface TokenSource {
  /** The token URL as messages show it. */
  readonly tokenUrl: string;
  /** A token to send. Throws OAuth2TokenError when none can be had. */
  token(): Promise<string>;
  /**
   * A request sent with `rejected` was answered 401: the token to try once more with, or null when the
   * 401 is the vendor's answer (the token refused was itself fetched after a 401). Throws OAuth2TokenError.
   */
  refreshAfter401(rejected: string): Promise<string | null>;
  /** The client secret, as it travels, and every token obtained so far: add them to the run's redaction. */
  secrets(): string[];
}

/** A token is renewed this long before it expires, at most half its life, so it does not expire in flight. */
const EXPIRY_MARGIN_MS = 30_000;

interface HeldToken {
  value: string;
  /** When it stops being handed out (ms since the epoch). */
  renewAt: number;
  /** Fetched because the previous token was answered 401: a 401 on this one is not retried. */
  afterRefusal: boolean;
}

/** Throws OAuth2TokenError (TOKEN_URL_INVALID) at once for a token URL that cannot be used: before any request. */
export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const settings = resolveSettings(options.http);
  const endpoint: TokenEndpoint = {
    vendor: options.vendor,
    url: resolveTokenUrl(options.vendor, options.tokenUrl, options.baseUrl, settings.production),
    credentials: options.credentials,
    scopes: options.scopes ?? [],
    clientAuthentication: options.clientAuthentication ?? 'basic',
  };
  const now = options.now ?? Date.now;
  const obtained: string[] = [];
  let held: HeldToken | null = null;
  let inFlight: Promise<HeldToken> | null = null;

  const fetchToken = (afterRefusal: boolean): Promise<HeldToken> => {
    inFlight ??= (async () => {
      const askedAt = now();
      const issued = await requestToken(endpoint, settings);
      obtained.push(issued.accessToken);
      const lifeMs = issued.expiresInS === null ? Infinity : issued.expiresInS * 1000;
      held = { value: issued.accessToken, renewAt: askedAt + lifeMs - Math.min(EXPIRY_MARGIN_MS, lifeMs / 2), afterRefusal };
      return held;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return {
    tokenUrl: displayTokenUrl(endpoint.url),
    async token() {
      if (held && now() < held.renewAt) return held.value;
      return (await fetchToken(false)).value;
    },
    async refreshAfter401(rejected) {
      // Another request's 401 already got a new token: use that one.
      if (held && held.value !== rejected) return held.value;
      if (held?.afterRefusal) return null;
      // Refused tokens are not handed out while the new one is on its way; every caller waits for it.
      held = null;
      return (await fetchToken(true)).value;
    },
    secrets: () => [...clientSecretForms(options.credentials), ...obtained],
  };
}

/**
 * Sends `request` with a Bearer token from the source; a 401 is retried once with a new token, and a
 * 401 to that is the vendor's answer. The exchange returned counts the attempts and time of both sends.
 * Throws OAuth2TokenError when no token can be had.
 */
export async function sendWithToken(client: HttpClient, source: TokenSource, request: HttpRequest): Promise<Exchange> {
  const token = await source.token();
  const first = await client.send(withBearer(request, token));
  if (first.outcome !== 'response' || first.status !== 401) return first;
  const fresh = await source.refreshAfter401(token);
  if (fresh === null) return first;
  const second = await client.send(withBearer(request, fresh));
  return { ...second, attempts: first.attempts + second.attempts, durationMs: first.durationMs + second.durationMs };
}

/** "client_id:client_secret" (conform audit's --auth value) split at its first colon; null without one. */
export function parseClientCredentials(value: string): ClientCredentials | null {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) return null;
  return { clientId: value.slice(0, colon), clientSecret: value.slice(colon + 1) };
}

function withBearer(request: HttpRequest, token: string): HttpRequest {
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function resolveTokenUrl(vendor: string, tokenUrl: string, baseUrl: string, production: boolean): URL {
  if (!URL.canParse(tokenUrl, baseUrl)) {
    throw new OAuth2TokenError('TOKEN_URL_INVALID', vendor, JSON.stringify(tokenUrl.slice(0, 200)), `not a URL, nor one relative to ${baseUrl}`);
  }
  const url = new URL(tokenUrl, baseUrl);
  const invalid = (detail: string) => new OAuth2TokenError('TOKEN_URL_INVALID', vendor, displayTokenUrl(url), detail);
  url.hash = '';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('not an http(s) URL');
  if (url.username || url.password) throw invalid('a token URL must not hold credentials');
  // RFC 6749 §3.2: the token endpoint requires TLS. Plain http is left to sandboxes and local servers.
  if (production && url.protocol !== 'https:') throw invalid('a production target sends its client secret over https only');
  // A document can name any token URL: the secret never crosses the network in clear to a host the user did not name.
  if (url.protocol !== 'https:' && url.origin !== new URL(baseUrl).origin && !LOOPBACK.has(url.hostname)) throw invalid('a token URL on another origin than the base URL takes the client secret over https only');
  return url;
}
