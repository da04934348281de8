import { countBySeverity, type JudgedCase, type Judgement } from '../judge/index.ts';
import type { JudgedOutcome } from '../results/index.ts';
import type { VendorTarget } from '../vendors/index.ts';
import { withMessages } from './findings-text.ts';
import type { OperationCoverage, RunSummary, SpecChangedUpstream, VendorReport } from './types.ts';

/** What a report says about where the vendor ran: from the target, or from a stored report for a re-judged run. */
export type ReportedTarget = Pick<VendorTarget, 'mode' | 'scenario' | 'baseUrl'> & { vendor: string };

/**
 * A vendor's report from its judgement: pure, so `conform verify` can rebuild it from stored results.
 * Messages are rendered here. Coverage is null for a vendor whose file lists its cases: its report has none;
 * likewise the upstream comparison for a run that made none.
 */
export function buildVendorReport(
  target: ReportedTarget,
  judgement: Judgement,
  runStartedAt: string,
  coverage: readonly OperationCoverage[] | null = null,
  upstream: SpecChangedUpstream | null = null,
): VendorReport {
  const ordered = judgement.results;
  const spec = new Map(ordered.map((r) => [r.spec.file, r.spec]));
  const ends = ordered.map((r) => Date.parse(r.startedAt) + r.durationMs);
  return {
    vendor: target.vendor,
    mode: target.mode,
    scenario: target.scenario,
    baseUrl: target.baseUrl,
    spec: [...spec.values()],
    startedAt: ordered[0]?.startedAt ?? runStartedAt,
    finishedAt: new Date(Math.max(Date.parse(runStartedAt), ...ends)).toISOString(),
    interactions: ordered.map((r) => ({
      method: r.request.method,
      path: r.request.path,
      operation: r.operation,
      case: r.case,
      status: r.response?.status ?? null,
      durationMs: r.durationMs,
      outcome: r.outcome,
      reason: r.reason,
    })),
    findings: withMessages(judgement.findings),
    counts: countBySeverity(judgement.findings),
    outcomes: countOutcomes(ordered),
    specDefects: withMessages(judgement.specDefects),
    verdict: judgement.verdict.verdict,
    resolved: judgement.resolved,
    staleWaivers: judgement.staleWaivers,
    expiredWaivers: judgement.expiredWaivers,
    ...(coverage ? { coverage: [...coverage] } : {}),
    ...(upstream ? { specChangedUpstream: upstream } : {}),
  };
}

function countOutcomes(results: readonly JudgedCase[]): Record<JudgedOutcome, number> {
  const counts: Record<JudgedOutcome, number> = { passed: 0, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 };
  for (const result of results) counts[result.outcome]++;
  return counts;
}

export function buildSummary(reports: readonly VendorReport[], run: { startedAt: string; finishedAt: string; exitCode: number; problems: string[] }): RunSummary {
  return {
    ...run,
    vendors: reports.map(({ vendor, mode, scenario, baseUrl, counts, outcomes, verdict }) => ({ vendor, mode, scenario, baseUrl, verdict, counts, outcomes, report: `${vendor}.json` })),
  };
}
