import { RESET_CODE } from './connector.ts';
import type { TransportErrorCode } from './types.ts';

/** Failures this layer raises itself. Coded like undici's own errors, so one table maps them all. */
export class HttpLayerError extends Error {
  readonly code: 'CONFORM_REDIRECT_LIMIT' | 'CONFORM_DECODING';

  constructor(code: HttpLayerError['code'], message: string) {
    super(message);
    this.name = 'HttpLayerError';
    this.code = code;
  }
}

// Branch on the error's code, never on its class: undici, node:net and node:dns all set stable codes.
const transportCodes: Record<string, TransportErrorCode> = {
  UND_ERR_CONNECT_TIMEOUT: 'CONNECT_TIMEOUT',
  ETIMEDOUT: 'CONNECT_TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'HEADERS_TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'BODY_TIMEOUT',
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ECONNRESET: 'CONNECTION_RESET',
  [RESET_CODE]: 'CONNECTION_RESET',
  EPIPE: 'CONNECTION_RESET',
  UND_ERR_SOCKET: 'SOCKET_CLOSED',
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  EAI_FAIL: 'DNS',
  CERT_HAS_EXPIRED: 'TLS',
  CERT_NOT_YET_VALID: 'TLS',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS',
  ERR_INVALID_URL: 'INVALID_URL',
  CONFORM_REDIRECT_LIMIT: 'REDIRECT_LIMIT',
  CONFORM_DECODING: 'DECODING',
};

export function transportCodeOf(error: unknown): TransportErrorCode {
  const code = errorCode(error);
  if (code === undefined) return 'UNKNOWN';
  // Node prefixes its own TLS failures (ERR_TLS_CERT_ALTNAME_INVALID, ERR_SSL_WRONG_VERSION_NUMBER, ...).
  if (code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) return 'TLS';
  return transportCodes[code] ?? 'UNKNOWN';
}

/**
 * The error's message with every request header value longer than three characters cut out, so a
 * credential never reaches a report through an error message. Shorter values carry no secret and
 * removing them would garble the text.
 */
export function safeMessage(error: unknown, requestHeaders: Record<string, string> = {}): string {
  let message = error instanceof Error ? error.message : String(error);
  for (const value of Object.values(requestHeaders)) {
    if (value.length > 3) message = message.split(value).join('[redacted]');
  }
  return message;
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}
