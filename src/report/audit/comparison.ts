import { html } from '../formats/html-template.ts';
import { mdTable, mdText } from '../formats/markdown-escape.ts';
import { VERDICT_LABEL } from '../formats/outcome-labels.ts';
import { htmlPage } from '../formats/html-page.ts';
import { DIMENSIONS, exitText, figuresText, gradeText, scoreText } from './labels.ts';
import type { AuditReport } from './types.ts';

/** The onboarding decision: one column per vendor, one row per scorecard dimension, grade, verdict and counts. Cells are plain text, escaped by each format. */
function comparisonRows(audits: readonly AuditReport[]): Array<{ label: string; cells: string[] }> {
  const row = (label: string, cell: (audit: AuditReport) => string) => ({ label, cells: audits.map(cell) });
  return [
    row('Grade', (a) => gradeText(a.scorecard)),
    row('Verdict', (a) => (a.verdict === null ? 'no verdict' : VERDICT_LABEL[a.verdict])),
    row('Exit code', (a) => exitText(a.exitCode)),
    ...DIMENSIONS.map(({ name, label }) => row(label, (a) => `${scoreText(a.scorecard[name].score)} (${figuresText(a.scorecard, name)})`)),
    row('Breaking findings', (a) => String(a.counts.findings.breaking)),
    row('Warning findings', (a) => String(a.counts.findings.warning)),
    row('Info findings', (a) => String(a.counts.findings.info)),
    row('Spec defects', (a) => String(a.specDefects.length)),
  ];
}

export function comparisonMarkdown(audits: readonly AuditReport[]): string {
  const rows = comparisonRows(audits).map(({ label, cells }) => [label, ...cells.map(mdText)]);
  const table = mdTable(['', ...audits.map((a) => mdText(a.vendor))], rows);
  return `# Onboarding audits compared\n\n${table}\n\nScores are 0-100 with their figures in brackets; n/a: nothing to measure. docs/audit.md explains each dimension.\n`;
}

export function comparisonHtml(audits: readonly AuditReport[]): string {
  const rows = comparisonRows(audits).map(({ label, cells }) => html`<tr><th scope="row">${label}</th>${cells.map((cell) => html`<td>${cell}</td>`)}</tr>`);
  const body = html`<header><h1>Onboarding audits compared</h1></header>
<main>
<table class="comparison"><thead><tr><th scope="col"></th>${audits.map((a) => html`<th scope="col">${a.vendor}</th>`)}</tr></thead><tbody>${rows}</tbody></table>
<p class="message">Scores are 0-100 with their figures in brackets; n/a: nothing to measure.</p>
</main>`;
  return htmlPage('Onboarding audits compared', body);
}
