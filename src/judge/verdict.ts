import { EXIT, statusMeets, type ExitCode, type CaseResult } from '../results/index.ts';
import { ConfigError, type Env, optional } from '../vendors/index.ts';
import type { JudgedFinding, SeverityCounts, Verdict } from './types.ts';

export const DEFAULT_INCONCLUSIVE_THRESHOLD = 0.25;

/** CONFORM_INCONCLUSIVE_THRESHOLD: the share (0 to 1) of a vendor's attempted cases that may go unverified. */
export function inconclusiveThresholdFrom(env: Env): number {
  const raw = optional(env, 'CONFORM_INCONCLUSIVE_THRESHOLD');
  if (raw === null) return DEFAULT_INCONCLUSIVE_THRESHOLD;
  const share = Number(raw);
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new ConfigError('CONFORM_INCONCLUSIVE_THRESHOLD', `must be a share from 0 to 1 (e.g. 0.25), got "${raw}"`);
  return share;
}

export interface VendorVerdict {
  verdict: Verdict;
  /** Cases not skipped. */
  attempted: number;
  /** Attempted cases that ended in a transport error, or a 5xx or 429 the case did not expect (after retries). */
  unverified: number;
  /** Of those, the transport errors before any answer: a vendor whose every attempted case is one was not reachable at all. */
  unreachable: number;
  /** Breaking findings, not waived, of verified cases. */
  failing: number;
  /** One line for the summary: why this verdict. */
  reason: string;
}

/**
 * A vendor's verdict. `fail` when a verified case has a breaking finding no waiver accepts: that is
 * evidence, however many other cases went unanswered. Else `inconclusive` when more than the threshold
 * share of attempted cases went unverified, or none was attempted. Else `pass`. A 5xx or 429 says the
 * vendor was unavailable, not that its contract changed, so findings on those answers fail nothing.
 */
export function verdictFor(vendorResults: readonly CaseResult[], findings: readonly JudgedFinding[], options: { inconclusiveThreshold: number }): VendorVerdict {
  const attempted = vendorResults.filter((r) => r.outcome !== 'skipped');
  const unverifiedCases = new Set(attempted.filter(isUnverified).map((r) => r.case));
  // A vendor that answered 503 (UNAVAILABLE after retries) was reached: it is down, not misconfigured.
  const unreachable = attempted.filter((r) => r.outcome === 'transport-error' && r.transportCode !== 'UNAVAILABLE').length;
  const failing = findings.filter((f) => f.severity === 'breaking' && f.state !== 'waived' && !unverifiedCases.has(f.case)).length;
  const counts = { attempted: attempted.length, unverified: unverifiedCases.size, unreachable, failing };
  if (failing > 0) return { verdict: 'fail', ...counts, reason: `${failing} breaking finding(s) not waived` };
  if (attempted.length === 0) return { verdict: 'inconclusive', ...counts, reason: 'no case was attempted (all skipped)' };
  const share = unverifiedCases.size / attempted.length;
  if (share > options.inconclusiveThreshold) {
    return {
      verdict: 'inconclusive',
      ...counts,
      reason: `${unverifiedCases.size} of ${attempted.length} attempted cases unverified (transport errors, 5xx or 429): ${percent(share)} > ${percent(options.inconclusiveThreshold)}`,
    };
  }
  return { verdict: 'pass', ...counts, reason: 'no breaking finding left unwaived' };
}

/**
 * The run's exit code, decided here and nowhere else: 2 when it could not run (a problem, or no vendor
 * reachable at all), 1 when any vendor fails, 3 when any is inconclusive, else 0.
 */
export function runExitCode(verdicts: readonly VendorVerdict[], problems: readonly string[]): ExitCode {
  if (problems.length > 0) return EXIT.cannotRun;
  const reachedNone = verdicts.length > 0 && verdicts.every((v) => v.attempted > 0 && v.unreachable === v.attempted);
  if (reachedNone) return EXIT.cannotRun;
  if (verdicts.some((v) => v.verdict === 'fail')) return EXIT.fail;
  if (verdicts.some((v) => v.verdict === 'inconclusive')) return EXIT.inconclusive;
  return EXIT.pass;
}

function isUnverified(result: CaseResult): boolean {
  if (result.outcome === 'transport-error') return true;
  const status = result.response?.status;
  return status !== undefined && !statusMeets(result.expectedStatus, status) && (status >= 500 || status === 429);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function countBySeverity(findings: ReadonlyArray<{ severity: keyof SeverityCounts }>): SeverityCounts {
  const counts = { breaking: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
