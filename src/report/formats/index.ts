import type { RunSummary, SeverityCounts, VendorReport } from '../types.ts';
import { chartLabel, type ChartRun } from './html-chart.ts';
import { SUMMARY_PAGE } from './html-parts.ts';
import { renderSummaryHtml } from './html-summary.ts';
import { renderVendorHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { renderVendorMarkdown } from './markdown.ts';
import { renderSummaryMarkdown } from './summary-markdown.ts';

/** GitHub Actions workflow commands, one per root cause: printed to stdout in a workflow step, GitHub shows them as annotations. */
export { renderAnnotations } from './github-annotations.ts';
export { mixedRunNote } from './mixed-run.ts';
/** What `conform run` prints per vendor after its cases. */
export { renderVendorLines } from './terminal.ts';
export { outcomeCounts } from './cases.ts';

/** One earlier run of one vendor, for the HTML report's chart of findings per run. */
export interface HistoryPoint {
  runId: string;
  startedAt: string;
  vendor: string;
  mode: 'sandbox' | 'live';
  counts: SeverityCounts;
}

/** The formats `conform report --format` names; each renders one or more files of reports/latest/. */
export const REPORT_FORMATS = ['md', 'html', 'junit', 'summary'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The chart shows this many runs at most: the current one and the most recent before it. */
const CHART_RUNS = 20;

/**
 * Every report file of one run, file name -> text: VENDOR.md and VENDOR.html per vendor, summary.html
 * (with the html format: the page that joins the vendor pages, which link back to it), junit.xml and
 * summary.md. Pure: the same stored results always render the same files. History points from
 * this run itself (or later) are ignored, since the chart draws the current run from the report.
 */
export function renderReportFiles(
  reports: readonly VendorReport[],
  summary: RunSummary,
  history: readonly HistoryPoint[] = [],
  formats: readonly ReportFormat[] = REPORT_FORMATS,
): Record<string, string> {
  const files: Record<string, string> = {};
  const vendors = reports.map((r) => r.vendor);
  for (const report of reports) {
    if (formats.includes('md')) files[`${report.vendor}.md`] = renderVendorMarkdown(report);
    if (formats.includes('html')) files[`${report.vendor}.html`] = renderVendorHtml(report, { earlierRuns: earlierRuns(history, report, summary.startedAt), vendors });
  }
  if (formats.includes('html')) files[SUMMARY_PAGE] = renderSummaryHtml(summary, reports);
  if (formats.includes('junit')) files['junit.xml'] = renderJunit(reports);
  if (formats.includes('summary')) files['summary.md'] = renderSummaryMarkdown(summary, reports);
  return files;
}

/** The vendor's earlier runs in the same mode (live and sandbox trends are not mixed), oldest first. */
function earlierRuns(history: readonly HistoryPoint[], run: Pick<VendorReport, 'vendor' | 'mode'>, runStartedAt: string): ChartRun[] {
  // ISO 8601 UTC timestamps compare as strings in time order.
  return history
    .filter((p) => p.vendor === run.vendor && p.mode === run.mode && p.startedAt < runStartedAt)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .slice(-(CHART_RUNS - 1))
    .map((p) => ({ label: chartLabel(p.startedAt), startedAt: p.startedAt, counts: p.counts }));
}
