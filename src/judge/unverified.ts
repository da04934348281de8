import type { FindingId } from '../findings/index.ts';
import type { TransportErrorCode } from '../http/index.ts';
import { statusMeets, type CaseResult } from '../results/index.ts';

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

/** Findings that say a check could not run on the answer, so the body went (partly) unchecked. */
const NOT_CHECKED: ReadonlySet<FindingId> = new Set<FindingId>(['response-body-too-large', 'response-body-too-deep', 'spec-schema-invalid']);

/**
 * Why an answered case's findings say nothing about the contract: a transport-class status (408, 429,
 * 5xx) the case did not ask for means the vendor was unavailable. Null for any other case.
 */
export function unavailableAnswer(result: CaseResult): string | null {
  const status = result.response?.status;
  if (result.outcome !== 'answered' || status === undefined || statusMeets(result.expectedStatus, status)) return null;
  return status === 408 || status === 429 || status >= 500 ? `answered ${status}` : null;
}

/** Why an answered case's body was not (wholly) checked, in a few words: cut at the size cap, or a check that could not run. Null when it was. */
export function notChecked(result: CaseResult): string | null {
  if (result.outcome !== 'answered') return null;
  if (result.response?.truncated) return 'body cut at the size cap';
  const finding = result.findings.find((f) => NOT_CHECKED.has(f.id));
  return finding ? `check could not run: ${finding.id}` : null;
}

/** An unverified case's reason in its report: what was not checked, and for a cut body the variable that sets the cap. */
export function notCheckedReason(cause: string): string {
  return cause === 'body cut at the size cap' ? 'body cut at the size cap (CONFORM_MAX_BODY_BYTES): not checked' : `${cause}: not checked`;
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
