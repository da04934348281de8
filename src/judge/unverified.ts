import type { TransportErrorCode } from '../http/index.ts';
import { notChecked, unavailableAnswer, type CaseResult } from '../results/index.ts';

/**
 * Failures before any connection to the base URL: nothing listening, no such host, no usable URL.
 * TLS counts here too: the handshake fails before a request is sent, and what it says (an expired,
 * self-signed or mismatched certificate, https to a plain-http port) is a wrong base URL or a host to
 * fix before anything can be tested, not a vendor having a bad night that the next run may not see.
 */
const CONNECT_FAILURES: Partial<Record<TransportErrorCode, (url: string) => string>> = {
  CONNECTION_REFUSED: (url) => `nothing listening at ${url} (connection refused)`,
  DNS: (url) => `no such host at ${url} (DNS lookup failed)`,
  CONNECT_TIMEOUT: (url) => `nothing answered at ${url} (connect timeout)`,
  INVALID_URL: (url) => `${url} is not a valid URL`,
  TLS: (url) => `no TLS connection to ${url} (certificate or protocol refused)`,
};

/** Whether a transport error came before any connection: the vendor was not reached at all. */
export function isConnectFailure(result: CaseResult): boolean {
  return result.outcome === 'transport-error' && result.transportCode !== undefined && result.transportCode in CONNECT_FAILURES;
}

/** A connect failure said for people, with the base URL: "nothing listening at http://127.0.0.1:9 (connection refused)". */
export function describeConnectFailure(code: TransportErrorCode, baseUrl: string): string {
  return CONNECT_FAILURES[code]?.(baseUrl) ?? `${baseUrl} could not be reached (${cause(code)})`;
}

/** Why an attempted case verified nothing, in a few words; null for a skipped or verified case. */
export function unverifiedCause(result: CaseResult): string | null {
  if (result.outcome === 'transport-error') return cause(result.transportCode ?? 'UNKNOWN');
  return unavailableAnswer(result) ?? notChecked(result);
}

/** CONNECTION_RESET reads "connection reset". */
function cause(code: TransportErrorCode): string {
  return code.toLowerCase().replace(/_/g, ' ');
}
