/**
 * Reports, as the pipeline and the commands see them: the report data built from judged case
 * results (messages rendered here), rendered in every format (formats/, pure), and the report set's
 * store: history of runs and the writer that publishes a set (the only I/O of this stage).
 */
export type { MissingFixture, OperationCoverage, ReportedFinding, RunSummary, SpecChangedUpstream, VendorReport } from './types.ts';
export { buildSummary, buildVendorReport, type ReportedTarget } from './vendor-report.ts';
export { renderFindingsText, withMessages } from './findings-text.ts';
export { groupFindings, type FindingGroup, type Occurrence } from './groups.ts';
export { historyRunsFrom, pruneRuns, readHistory, runIdFor } from './history.ts';
export { mixedRunNote, outcomeCounts, REPORT_FORMATS, renderAnnotations, renderReportFiles, renderVendorLines, type ReportFormat } from './formats/index.ts';
export { jsonFile, publishRun, recoverLatest, writeReportSet } from './writer.ts';
export { auditHtml, auditMarkdown, buildAudit, comparisonHtml, comparisonMarkdown, type AuditInput, type AuditReport, type Scorecard } from './audit/index.ts';
export { renderSpecDiffJson } from './formats/spec-diff-json.ts';
export { renderSpecDiffMarkdown } from './formats/spec-diff-markdown.ts';
export { renderSpecDiffText } from './formats/spec-diff-text.ts';
export type { SpecDiffContext } from './formats/spec-diff-groups.ts';
