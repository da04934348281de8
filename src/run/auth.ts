import {
  createTokenSource,
  mayCarryCredential,
  OAuth2TokenError,
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
import { ConfigError, type CredentialUse, type VendorTarget } from '../vendors/index.ts';

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

/**
 * Throws ConfigError at once, before any request, for an oauth2 credential that is not
 * client_id:client_secret or a token URL that cannot be used (not http(s), plain http to production).
 */
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
      if (!credentials) throw new ConfigError(target.vendor, `the ${use} credential for oauth2 scheme ${auth.name} must be client_id:client_secret`);
      // Relative to the base URL as a folder: "oauth/token" under https://api.acme.test/v1 is /v1/oauth/token.
      const baseUrl = target.baseUrl.endsWith('/') ? target.baseUrl : `${target.baseUrl}/`;
      try {
        tokens.set(use, createTokenSource({ vendor: target.vendor, tokenUrl: auth.tokenUrl, baseUrl, credentials, scopes: auth.scopes, http: { ...http, production: target.production } }));
      } catch (error) {
        if (error instanceof OAuth2TokenError) throw new ConfigError(target.vendor, error.message.replace(`${target.vendor}: `, ''));
        throw error;
      }
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
 * contain. An oauth2 client secret is also sought alone, as it travels to the token endpoint, and so
 * is the value of an extra header whose name says it carries one (X-Acme-Secret).
 */
export function targetSecretForms(targets: readonly VendorTarget[]): string[] {
  return secretForms(
    targets.flatMap((target) => {
      const given = [target.credentials.valid, target.credentials.limited];
      const clientSecrets = target.auth.type === 'oauth2-client-credentials' ? given.map((value) => (value ? parseClientCredentials(value)?.clientSecret : null)) : [];
      const headers = Object.entries(target.headers).filter(([name]) => mayCarryCredential(name)).map(([, value]) => value);
      return [...given, ...clientSecrets, ...headers, target.invalidCredential];
    }),
  );
}
