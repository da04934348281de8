export { createHttpClient } from './client.ts';
export type { Exchange, HttpClient, HttpClientOptions, HttpRequest, TransportErrorCode } from './types.ts';
