export { createHttpClient } from './client.ts';
export { isUnavailableStatus } from './retry-policy.ts';
export type { Exchange, HttpClient, HttpClientOptions, HttpRequest, TransportErrorCode } from './types.ts';
