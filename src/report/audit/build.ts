import { countBySeverity } from '../../judge/index.ts';
import { buildScorecard } from './scorecard.ts';
import type { AuditInput, AuditReport } from './types.ts';

/** audit.json from a judged audit run: only the fields docs/audit.md lists, in that order, and the scorecard. */
export function buildAudit(input: AuditInput): AuditReport {
  const { report } = input;
  return {
    vendor: report.vendor,
    baseUrl: report.baseUrl,
    spec: report.spec[0]?.file ?? null,
    specs: report.spec.map(({ file, version }) => ({ file, version })),
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    verdict: report.verdict ?? null,
    exitCode: input.exitCode,
    findings: report.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      pointer: f.pointer,
      operation: f.operation,
      status: f.status,
      fingerprint: f.fingerprint,
      expected: f.expected,
      observed: f.observed,
      case: f.case,
      message: f.message,
    })),
    interactions: report.interactions.map(({ method, path, operation, case: name, status, outcome }) => ({ method, path, operation, case: name, status, outcome })),
    coverage: input.coverage,
    specDefects: report.specDefects.map((d) => ({
      id: d.id,
      severity: d.severity,
      file: d.location?.file ?? null,
      pointer: d.location?.pointer ?? d.pointer,
      message: d.message,
    })),
    recognitions: input.money.recognitions,
    counts: { findings: report.counts, specDefects: countBySeverity(report.specDefects), outcomes: report.outcomes },
    scorecard: buildScorecard(input),
  };
}
