/**
 * Reports, as the pipeline and the commands see them: the report data built from case results,
 * judged against baselines and waivers into verdicts and the run's exit code, rendered in every
 * format (formats/, pure), and written through the one writer.
 */
export type { ReportedFinding, RunSummary, VendorReport } from './types.ts';
export { buildSummary, buildVendorReport } from './vendor-report.ts';
export { countBySeverity, renderFindingsText } from './findings-text.ts';
export { inconclusiveThresholdFrom, runExitCode, verdictFor, type VendorVerdict } from './verdict.ts';
export { baselinesDirFrom, buildBaseline, hasVerifiedAnswers, judgeAgainstBaseline, readBaseline, writeBaseline, type Baseline } from './baseline/index.ts';
export { applyWaivers, describeWaiver, loadWaivers, waiversFileFrom, waiversFor, type Waiver } from './waivers/index.ts';
export { historyRunsFrom, pruneRuns, readHistory, runIdFor } from './history.ts';
export { REPORT_FORMATS, renderAnnotations, renderReportFiles, type ReportFormat } from './formats/index.ts';
export { addContractFindings, contractFindings } from './contract-findings.ts';
export { jsonFile, publishRun, recoverLatest } from './writer.ts';
