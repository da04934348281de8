import { displayFinding, type Finding } from '../findings/index.ts';
import { judgeVendor, runExitCode, verdictProblems, type Baseline, type CaseFinding, type JudgementPolicy, type SeenLedger } from '../judge/index.ts';
import { buildSummary, buildVendorReport, jsonFile, readHistory, renderReportFiles, type OperationCoverage, type ReportedTarget, type RunSummary, type SpecChangedUpstream, type VendorReport } from '../report/index.ts';
import type { CaseResult } from '../results/index.ts';

/** One vendor of a run, as facts: where it ran, what its cases found, what was found about them later, its documents' defects. */
export interface VendorRun {
  target: ReportedTarget;
  baseline: Baseline | null;
  /** The vendor's ledger of first sightings in this mode (reports/seen/); absent or null when there is none (an audit keeps none). */
  seen?: SeenLedger | null;
  results: readonly CaseResult[];
  laterFindings?: readonly CaseFinding[];
  specDefects: readonly Finding[];
  /** Every operation and what became of it, for a vendor whose cases were derived; absent or null otherwise. */
  coverage?: readonly OperationCoverage[] | null;
  /** The vendor's published document against its newest checked-in version, when the run compared them; absent or null otherwise. */
  specChangedUpstream?: SpecChangedUpstream | null;
}

export interface JudgedRun {
  reports: VendorReport[];
  summary: RunSummary;
  exitCode: number;
  /** Baselines made by vendors' first runs that verified something and were not inconclusive, to be written by a run (never by a re-judgement). */
  createdBaselines: Baseline[];
  /** Each vendor's ledger of first sightings with this run recorded, to be written after the reports. */
  seenLedgers: SeenLedger[];
  /** The vendors whose verdict is pass: what `conform run` records contracts for. */
  passing: string[];
}

/**
 * Every vendor judged by the one judge (src/judge), its report built, and the run's exit code: what
 * `conform run` does with a fresh run and `conform verify` with the stored one plus its contract
 * findings. Findings are redacted before they get here; the judge's shape findings are made from
 * redacted evidence, and everything is cut to what reports show only now.
 */
export function judgeRun(vendors: readonly VendorRun[], policy: JudgementPolicy, run: { startedAt: string; problems: string[] }): JudgedRun {
  const judged = vendors.map((vendor) => {
    const judgement = judgeVendor(
      { vendor: vendor.target.vendor, mode: vendor.target.mode, results: vendor.results, laterFindings: vendor.laterFindings, specDefects: vendor.specDefects },
      { baseline: vendor.baseline, seen: vendor.seen ?? null, waivers: policy.waivers, inconclusiveThreshold: policy.inconclusiveThreshold, severity: policy.severity, startedAt: run.startedAt },
    );
    const shown = { ...judgement, findings: judgement.findings.map(displayFinding), specDefects: judgement.specDefects.map(displayFinding) };
    return { judgement, report: buildVendorReport(vendor.target, shown, run.startedAt, vendor.coverage ?? null, vendor.specChangedUpstream ?? null) };
  });
  const reports = judged.map((j) => j.report);
  // The code comes from the run's own problems and the verdicts; only then do the verdicts' reasons join
  // the problems, so that whatever the code, the summary and the terminal say why.
  const exitCode = runExitCode(
    judged.map((j) => j.judgement.verdict),
    run.problems,
  );
  const problems = [...run.problems, ...verdictProblems(judged.map((j) => ({ vendor: j.report.vendor, baseUrl: j.report.baseUrl, verdict: j.judgement.verdict })))];
  return {
    reports,
    summary: buildSummary(reports, { startedAt: run.startedAt, finishedAt: new Date().toISOString(), exitCode, problems }),
    exitCode,
    // A first run that verified nothing, or too little, would record an outage as the vendor's shape: the
    // baseline waits for a run that is not inconclusive (the judge already makes none without a verified answer).
    createdBaselines: judged.flatMap((j) => (j.judgement.createdBaseline && j.judgement.verdict.verdict !== 'inconclusive' ? [j.judgement.createdBaseline] : [])),
    seenLedgers: judged.map((j) => j.judgement.seen),
    passing: judged.filter((j) => j.judgement.verdict.verdict === 'pass').map((j) => j.report.vendor),
  };
}

/** Every file of a judged run's report set: the JSON reports, summary, the case results, and every rendered format. */
export async function reportSetFiles(judged: JudgedRun, results: readonly CaseResult[], reportsDir: string): Promise<Record<string, string>> {
  return {
    ...Object.fromEntries(judged.reports.map((r) => [`${r.vendor}.json`, jsonFile(r)])),
    'summary.json': jsonFile(judged.summary),
    'results.json': jsonFile(results),
    ...renderReportFiles(judged.reports, judged.summary, await readHistory(reportsDir)),
  };
}
