import type { Finding, FindingId } from '../findings/index.ts';
import type { CaseResult } from './case-result.ts';
import { statusMeets } from './expected-status.ts';

// Why an answered case verified nothing: known as soon as the case is answered, so the run's case line
// and the judge's outcome say the same.

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
  const finding = notCheckedFinding(result.findings);
  return finding ? `check could not run: ${finding.id}` : null;
}

/** The first finding that says a check could not run (the body cut at the cap is one), else undefined. */
export function notCheckedFinding<F extends Pick<Finding, 'id'>>(findings: readonly F[]): F | undefined {
  return findings.find((f) => NOT_CHECKED.has(f.id));
}

/** An unverified case's reason in its report: what was not checked, and for a cut body the variable that sets the cap. */
export function notCheckedReason(cause: string): string {
  return cause === 'body cut at the size cap' ? 'body cut at the size cap (CONFORM_MAX_BODY_BYTES): not checked' : `${cause}: not checked`;
}
