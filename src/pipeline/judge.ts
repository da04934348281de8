import type { SeverityOverrides } from '../findings/finding.ts';
import { countBySeverity, judgeAgainstBaseline, type Baseline, type VendorReport, verdictFor, type VendorVerdict, applyWaivers, describeWaiver, waiversFor, type Waiver } from '../report/index.ts';
import type { CaseResult } from '../results/index.ts';

export interface JudgeInputs {
  baseline: Baseline | null;
  waivers: readonly Waiver[];
  inconclusiveThreshold: number;
  severity: SeverityOverrides;
  /** The run's start: baselines are stamped with it and waivers expire against it. */
  startedAt: string;
}

export interface Judgement {
  report: VendorReport;
  verdict: VendorVerdict;
  /** A baseline made by this, the vendor's first run, to be written; null when one existed. */
  createdBaseline: Baseline | null;
}

/**
 * A vendor's report judged: findings marked new or known against its baseline (plus the shape changes
 * the document does not catch), waivers applied, and the verdict. Pure: the caller reads and writes.
 */
export function judgeVendor(report: VendorReport, results: readonly CaseResult[], inputs: JudgeInputs): Judgement {
  const { comparison, created } = judgeAgainstBaseline(inputs.baseline, results, {
    vendor: report.vendor,
    mode: report.mode,
    updatedAt: inputs.startedAt,
    severity: inputs.severity,
  });
  const marked = [...report.findings, ...comparison.shapeFindings].map((finding) => ({ ...finding, state: comparison.states.get(finding.fingerprint) ?? 'new' }));
  const waived = applyWaivers(marked, waiversFor(inputs.waivers, report.vendor), new Date(inputs.startedAt));
  const verdict = verdictFor(results, waived.findings, { inconclusiveThreshold: inputs.inconclusiveThreshold });
  return {
    report: {
      ...report,
      findings: waived.findings,
      counts: countBySeverity(waived.findings),
      verdict: verdict.verdict,
      resolved: comparison.resolved,
      staleWaivers: waived.stale.map(describeWaiver),
      expiredWaivers: waived.expired.map(describeWaiver),
    },
    verdict,
    createdBaseline: created,
  };
}
