export { createHttpClient } from './client.ts';
export { createSemaphore, type Semaphore } from './semaphore.ts';
export { resolveSettings } from './settings.ts';
export { isUnavailableStatus } from './retry-policy.ts';
export type { Exchange, HttpClient, HttpClientOptions, HttpRequest, TransportErrorCode } from './types.ts';
export { authSchemeOf, placeCredential, withCredential, type AuthScheme, type CredentialPlacement } from './auth.ts';
export {
  createTokenSource,
  OAuth2TokenError,
  parseClientCredentials,
  sendWithToken,
  type ClientCredentials,
  type OAuth2ErrorCode,
  type TokenSource,
  type TokenSourceOptions,
} from './oauth2.ts';
export { mayCarryCredential } from './credentials.ts';
export { readBody } from './read-body.ts';
