import type { TransportErrorCode } from '../http/index.ts';
import { EXIT, unavailableAnswer, type ExitCode, type CaseResult } from '../results/index.ts';
import { ConfigError, displayUrl, type Env, optional } from '../vendors/index.ts';
import type { JudgedFinding, SeverityCounts, Verdict } from './types.ts';
import { describeConnectFailure, isConnectFailure, unverifiedCause } from './unverified.ts';

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
  /** Attempted cases that verified nothing: transport errors, a 5xx or 429 the case did not expect, bodies not checked (see unverified.ts). */
  unverified: number;
  /** When every case sent to the base URL failed before connecting (nothing listening, no such host): the first one's transport code, which says how. */
  unreachableCode: TransportErrorCode | null;
  /** Breaking findings, not waived, of cases whose answer counts (not of transport errors or unavailable answers). */
  failing: number;
  /** One line for the summary: why this verdict. */
  reason: string;
}

/**
 * A vendor's verdict. `fail` when a case whose answer counts has a breaking finding no waiver accepts:
 * that is evidence, however many other cases went unverified. Else `inconclusive` when more than the
 * threshold share of attempted cases went unverified, or none was attempted. Else `pass`. A 5xx or 429
 * says the vendor was unavailable, not that its contract changed, so findings on those answers fail nothing.
 */
export function verdictFor(vendorResults: readonly CaseResult[], findings: readonly JudgedFinding[], options: { inconclusiveThreshold: number }): VendorVerdict {
  const attempted = vendorResults.filter((r) => r.outcome !== 'skipped');
  const discounted = new Set(attempted.filter((r) => r.outcome === 'transport-error' || unavailableAnswer(r) !== null).map((r) => r.case));
  const failing = findings.filter((f) => f.severity === 'breaking' && f.state !== 'waived' && !discounted.has(f.case)).length;
  const causes = attempted.flatMap((r) => {
    const cause = unverifiedCause(r);
    return cause === null ? [] : [cause];
  });
  const unreachable = attempted.filter(isConnectFailure);
  const sent = attempted.filter((r) => !isNeverSent(r));
  const unreachableCode = sent.length > 0 && unreachable.length === sent.length ? (unreachable[0]!.transportCode ?? null) : null;
  const counts = { attempted: attempted.length, unverified: causes.length, unreachableCode, failing };
  if (failing > 0) return { verdict: 'fail', ...counts, reason: `${failing} breaking finding(s) not waived` };
  if (attempted.length === 0) return { verdict: 'inconclusive', ...counts, reason: 'no case was attempted (all skipped)' };
  const share = causes.length / attempted.length;
  if (share > options.inconclusiveThreshold) {
    return {
      verdict: 'inconclusive',
      ...counts,
      reason: `${causes.length} of ${attempted.length} attempted cases unverified (${[...new Set(causes)].join(', ')}): ${percent(share)} > ${percent(options.inconclusiveThreshold)}`,
    };
  }
  return { verdict: 'pass', ...counts, reason: 'no breaking finding left unwaived' };
}

/**
 * The run's exit code, decided here and nowhere else: 2 when it could not run (a problem loading
 * configuration, documents or suites, or no vendor reached at all: nothing listening, no such host),
 * 1 when any vendor fails, 3 when any is inconclusive (the vendors, not the configuration, were the
 * trouble), else 0. `problems` are the run's own, never the verdicts' reasons (see verdictProblems).
 */
export function runExitCode(verdicts: readonly VendorVerdict[], problems: readonly string[]): ExitCode {
  if (problems.length > 0) return EXIT.cannotRun;
  if (verdicts.length > 0 && verdicts.every((v) => v.unreachableCode !== null)) return EXIT.cannotRun;
  if (verdicts.some((v) => v.verdict === 'fail')) return EXIT.fail;
  if (verdicts.some((v) => v.verdict === 'inconclusive')) return EXIT.inconclusive;
  return EXIT.pass;
}

/**
 * What the run says about vendors it could not judge, for stderr and summary.json `problems`: a vendor
 * not reached at all ("whop unreachable: nothing listening at http://127.0.0.1:9 (connection refused)"),
 * and every other inconclusive vendor with its reason. Empty when every vendor passed or failed.
 */
export function verdictProblems(vendors: ReadonlyArray<{ vendor: string; baseUrl: string; verdict: VendorVerdict }>): string[] {
  return vendors.flatMap(({ vendor, baseUrl, verdict }) => {
    if (verdict.unreachableCode !== null) return [`${vendor} unreachable: ${describeConnectFailure(verdict.unreachableCode, displayUrl(baseUrl))}`];
    return verdict.verdict === 'inconclusive' ? [`${vendor} inconclusive: ${verdict.reason}`] : [];
  });
}

/** Whether a line of summary.json `problems` is one verdictProblems made: `conform verify` judges again and makes it anew. */
export function isVerdictProblem(problem: string, vendors: readonly string[]): boolean {
  return vendors.some((vendor) => problem.startsWith(`${vendor} unreachable: `) || problem.startsWith(`${vendor} inconclusive: `));
}

/** A case that never went to the base URL (no OAuth 2.0 token for it, an unsafe method to production) says nothing about what listens there. */
function isNeverSent(result: CaseResult): boolean {
  return result.outcome === 'transport-error' && (result.transportCode === 'NO_TOKEN' || result.transportCode === 'PRODUCTION_REFUSED');
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function countBySeverity(findings: ReadonlyArray<{ severity: keyof SeverityCounts }>): SeverityCounts {
  const counts = { breaking: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
