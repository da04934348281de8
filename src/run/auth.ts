import {
  createTokenSource,
  parseClientCredentials,
  placeCredential,
  sendWithToken,
  withCredential,
  type CredentialPlacement,
  type Exchange,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type TokenSource,
} from '../http/index.ts';
import { secretForms } from '../redaction/index.ts';
import type { CredentialUse, VendorTarget } from '../vendors/index.ts';

/**
 * How one target's cases authenticate, whatever its scheme: the credential each kind of case sends,
 * and for oauth2 client credentials the token each credential is exchanged for (cached for the run,
 * refreshed once on a 401). Everything it obtains is handed to redaction through `secrets()`.
 */
export interface TargetAuth {
  /** Sends `request` with the credential of `use`. Throws OAuth2TokenError when no token can be had. */
  send(client: HttpClient, request: HttpRequest, use: CredentialUse): Promise<Exchange>;
  /** The headers `use` sends (for the Pact Verifier, which sets headers only). Throws OAuth2TokenError. */
  headers(use: CredentialUse): Promise<Record<string, string>>;
  /** Tokens obtained so far and the client secrets as they travel. */
  secrets(): string[];
}

/** Throws OAuth2TokenError at once for a token URL that cannot be used, before any request. */
export function targetAuth(target: VendorTarget, http: HttpClientOptions = {}): TargetAuth {
  const { auth } = target;
  const secretOf = (use: CredentialUse): string | null =>
    use === 'valid' ? target.credentials.valid : use === 'limited' ? target.credentials.limited : use === 'invalid' ? target.invalidCredential : null;
  const tokens = new Map<CredentialUse, TokenSource>();
  if (auth.type === 'oauth2-client-credentials') {
    for (const use of ['valid', 'limited'] as const) {
      const secret = secretOf(use);
      if (secret === null) continue;
      const credentials = parseClientCredentials(secret);
      if (!credentials) throw new Error(`${target.vendor}: the ${use} oauth2 credential must be client_id:client_secret`);
      // Relative to the base URL as a folder: "oauth/token" under https://api.acme.test/v1 is /v1/oauth/token.
      const baseUrl = target.baseUrl.endsWith('/') ? target.baseUrl : `${target.baseUrl}/`;
      tokens.set(use, createTokenSource({ vendor: target.vendor, tokenUrl: auth.tokenUrl, baseUrl, credentials, scopes: auth.scopes, http: { ...http, production: target.production } }));
    }
  }
  // The invalid credential of an oauth2 vendor is a token it never issued: it is sent as one, not exchanged.
  const placement = (credential: string | null): CredentialPlacement =>
    credential === null ? { headers: {}, query: {}, cookies: {} } : placeCredential(auth, credential);
  return {
    async send(client, request, use) {
      const source = tokens.get(use);
      if (source) return sendWithToken(client, source, request);
      return client.send(withCredential(request, placement(secretOf(use))));
    },
    async headers(use) {
      const source = tokens.get(use);
      const credential = source ? await source.token() : secretOf(use);
      return withCredential({ method: 'GET', url: target.baseUrl, headers: {} }, placement(credential)).headers ?? {};
    },
    secrets: () => [...tokens.values()].flatMap((source) => source.secrets()),
  };
}

/** Why a target cannot send what a case asks for; null when it can. */
export function missingCredential(target: VendorTarget, use: CredentialUse): string | null {
  if (use === 'limited' && !target.credentials.limited) return 'no limited credential is configured';
  if ((use === 'none' || use === 'invalid') && !target.credentials.valid) return `${target.vendor} runs without credentials`;
  return null;
}

/**
 * Every credential the targets could send, in every wire form: what no report, contract or log may
 * contain. An oauth2 client secret is also sought alone, as it travels to the token endpoint.
 */
export function targetSecretForms(targets: readonly VendorTarget[]): string[] {
  return secretForms(
    targets.flatMap((target) => {
      const given = [target.credentials.valid, target.credentials.limited];
      const clientSecrets = target.auth.type === 'oauth2-client-credentials' ? given.map((value) => (value ? parseClientCredentials(value)?.clientSecret : null)) : [];
      return [...given, ...clientSecrets, target.invalidCredential];
    }),
  );
}
