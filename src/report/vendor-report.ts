import type { Finding } from '../findings/finding.ts';
import type { CaseOutcome, CaseResult } from '../results/index.ts';
import type { VendorTarget } from '../vendors/index.ts';
import { countBySeverity } from './findings-text.ts';
import type { RunSummary, VendorReport } from './types.ts';

/** A vendor's report from its case results: pure, so `conform report` can rebuild it from stored results. */
export function buildVendorReport(target: VendorTarget, results: readonly CaseResult[], specDefects: Finding[], runStartedAt: string): VendorReport {
  const ordered = [...results].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.case.localeCompare(b.case));
  const findings = ordered.flatMap((result) => result.findings.map((finding) => ({ ...finding, case: result.case })));
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
    findings,
    counts: countBySeverity(findings),
    outcomes: countOutcomes(ordered),
    specDefects,
  };
}

export function countOutcomes(results: readonly CaseResult[]): Record<CaseOutcome, number> {
  const counts: Record<CaseOutcome, number> = { passed: 0, failed: 0, skipped: 0, 'transport-error': 0 };
  for (const result of results) counts[result.outcome]++;
  return counts;
}

export function buildSummary(reports: readonly VendorReport[], run: { startedAt: string; finishedAt: string; exitCode: number; problems: string[] }): RunSummary {
  return {
    ...run,
    vendors: reports.map(({ vendor, mode, scenario, baseUrl, counts, outcomes, verdict }) => ({ vendor, mode, scenario, baseUrl, verdict, counts, outcomes, report: `${vendor}.json` })),
  };
}
