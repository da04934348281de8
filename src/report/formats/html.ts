import type { OperationCoverage, ReportedDefect, VendorReport } from '../types.ts';
import { COVERAGE_LABEL, whyNotExercised } from './coverage.ts';
import { casesByOperation, glossary, plural, shownPointer, type ReportedCase } from './cases.ts';
import { findingsChart, type ChartRun } from './html-chart.ts';
import { anchoredGroups, findingGroups, groupLinks, groupsOfCase, type AnchoredGroup } from './html-findings.ts';
import { htmlPage } from './html-page.ts';
import { pageOf, pathCode, severity, SUMMARY_PAGE } from './html-parts.ts';
import { html, type Html } from './html-template.ts';
import { OUTCOME_LABEL, VERDICT_LABEL } from './outcome-labels.ts';

export interface HtmlPageContext {
  /** Earlier runs of this vendor, oldest first, for the chart (this run is drawn from the report itself). */
  earlierRuns: readonly ChartRun[];
  /** Every vendor of the run, for the links between their pages. */
  vendors: readonly string[];
}

/**
 * reports/latest/VENDOR.html: one self-contained page (inline CSS and SVG, no script, nothing
 * fetched; its Content-Security-Policy forbids both). Every report string goes through `html`, which
 * escapes it: vendor bodies are hostile.
 */
export function renderVendorHtml(report: VendorReport, context: HtmlPageContext): string {
  const thisRun: ChartRun = { label: 'this run', startedAt: report.startedAt, counts: report.counts };
  const groups = anchoredGroups(report.findings);
  return htmlPage(
    `${report.vendor}: conformance report`,
    html`${vendorLinks(report.vendor, context.vendors)}
<header>
${header(report)}
</header>
<main>
<section aria-labelledby="cases">
<h2 id="cases">Cases</h2>
${caseGrid(report, groups)}
</section>
${coverage(report)}
<section aria-labelledby="trend">
<h2 id="trend">Findings per run</h2>
${findingsChart([...context.earlierRuns, thisRun])}
</section>
<section aria-labelledby="findings">
<h2 id="findings">Findings</h2>
${findingGroups(groups)}
</section>
${specDefects(report.specDefects)}
${resolved(report)}
${waivers(report)}
${ids(report)}
</main>
<footer>Rendered by conform from ${report.vendor}.json. Run started ${report.startedAt}, finished ${report.finishedAt}.</footer>`,
  );
}

/** The run's summary page, then every vendor's page of the run. */
function vendorLinks(current: string, vendors: readonly string[]): Html {
  const links = vendors.map((v) => (v === current ? html`<a href="${pageOf(v)}" aria-current="page">${v}</a>` : html`<a href="${pageOf(v)}">${v}</a>`));
  return html`<nav class="vendors" aria-label="Vendors in this run"><a href="${SUMMARY_PAGE}">Run summary</a>${links}</nav>`;
}

function header(report: VendorReport): Html {
  const verdict = report.verdict
    ? html`<span class="badge verdict-${report.verdict}">verdict: ${VERDICT_LABEL[report.verdict]}</span>`
    : html`<span class="badge verdict-none">no verdict recorded</span>`;
  const mode = report.mode === 'sandbox' ? html`embedded sandbox, scenario <code>${report.scenario ?? 'none'}</code>` : html`live`;
  const specs = report.spec.map((s, i) => html`${i > 0 ? ', ' : ''}<code>${s.file}</code> (${s.version})`);
  const o = report.outcomes;
  const c = report.counts;
  const stat = (kind: string, n: number, label: string) => html`<li class="${kind}"><span class="n">${n}</span>${label}</li>`;
  return html`<h1>${report.vendor} ${verdict}</h1>
<dl class="facts">
<dt>Target</dt><dd>${mode}</dd>
<dt>Base URL</dt><dd><code>${report.baseUrl}</code></dd>
<dt>Spec</dt><dd>${specs.length > 0 ? specs : 'none'}</dd>
<dt>Run</dt><dd>${report.startedAt} to ${report.finishedAt}</dd>
</dl>
<ul class="stats" aria-label="Counts">
${stat('passed', o.passed, 'passed')}${stat('failed', o.failed, 'failed')}${stat('unverified', o.unverified, 'unverified')}${stat('skipped', o.skipped, 'skipped')}${stat('transport-error', o['transport-error'], 'transport errors')}
${stat('breaking', c.breaking, 'breaking')}${stat('warning', c.warning, 'warning')}${stat('info', c.info, 'info')}
</ul>`;
}

function caseGrid(report: VendorReport, groups: readonly AnchoredGroup[]): Html {
  const operations = casesByOperation(report);
  if (operations.length === 0) return html`<p class="empty">No case ran.</p>`;
  const rows = operations.map(
    ({ operation, cases }) => html`<tr><th scope="row">${pathCode(operation, 'operation')}<br><span class="message">${plural(cases.length, 'case')}</span></th><td><ul class="cases">${cases.map((c) => caseCell(c, groups))}</ul></td></tr>`,
  );
  return html`<table class="grid"><thead><tr><th scope="col">Operation</th><th scope="col">Cases and their outcomes</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A case's tile: its outcome, the operation it exercised (the concrete request in its title) and links to its findings' groups. */
function caseCell({ interaction: i, findings: found }: ReportedCase, groups: readonly AnchoredGroup[]): Html {
  const status = i.status === null ? 'no response' : `HTTP ${i.status}`;
  return html`<li class="case ${i.outcome}"><span class="name">${i.case}</span><span class="outcome">${OUTCOME_LABEL[i.outcome]}</span> · ${status}${
    found.length > 0 ? html` · ${plural(found.length, 'finding')}` : null
  }<span class="detail request" title="${i.method} ${i.path}">${pathCode(i.operation, 'operation')}</span>${i.reason ? html`<span class="detail">${i.reason}</span>` : null}${groupLinks(groupsOfCase(groups, i))}</li>`;
}

/** Every operation of the document when the cases were derived from it: none is dropped silently. */
function coverage(report: VendorReport): Html | null {
  if (!report.coverage) return null;
  const rows = report.coverage.map(
    (entry) => html`<tr class="coverage ${entry.state}"><td>${pathCode(entry.operation, 'operation')}</td><td>${COVERAGE_LABEL[entry.state]}</td><td>${entry.cases.length}</td><td>${whyNot(entry)}</td></tr>`,
  );
  return html`<section aria-labelledby="coverage">
<h2 id="coverage">Coverage</h2>
${rows.length === 0 ? html`<p class="empty">The document has no operation.</p>` : html`<table><thead><tr><th scope="col">Operation</th><th scope="col">State</th><th scope="col">Cases</th><th scope="col">Why not exercised</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}

function whyNot(entry: OperationCoverage): Html {
  const why = whyNotExercised(entry);
  if (why === null) return html`<span class="empty">—</span>`;
  if ('reason' in why) return html`${why.reason}`;
  return html`needs ${why.needs.map((f, i) => html`${i > 0 ? ', ' : ''}<code>${f.fixture}</code>${f.variable ? html` (set <code>${f.variable}</code>)` : null}`)}`;
}

function specDefects(defects: readonly ReportedDefect[]): Html | null {
  if (defects.length === 0) return null;
  const rows = defects.map(
    (d) => html`<tr><td>${severity(d)}</td><td><code>${d.id}</code><span class="message">${d.message}</span></td><td>${d.location ? html`<code>${d.location.file}#${d.location.pointer}</code>` : '—'}</td></tr>`,
  );
  return html`<section aria-labelledby="spec-defects">
<h2 id="spec-defects">Defects of the vendor's document</h2>
<table><thead><tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Where in the document</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function resolved(report: VendorReport): Html | null {
  if (!report.resolved?.length) return null;
  const rows = report.resolved.map(
    (r) => html`<tr><td><code>${r.id}</code></td><td>${pathCode(r.operation, 'operation')}</td><td>${r.case}</td><td>${pathCode(shownPointer(r.pointer), 'pointer')}</td><td><code>${r.fingerprint}</code></td></tr>`,
  );
  return html`<section aria-labelledby="resolved">
<h2 id="resolved">Resolved since the baseline</h2>
<table><thead><tr><th scope="col">Finding</th><th scope="col">Operation</th><th scope="col">Case</th><th scope="col">Pointer</th><th scope="col">Fingerprint</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function waivers(report: VendorReport): Html | null {
  const rows = [
    ...(report.expiredWaivers ?? []).map((w) => html`<tr><td>expired: no longer waives</td><td>${w}</td></tr>`),
    ...(report.staleWaivers ?? []).map((w) => html`<tr><td>stale: matched nothing</td><td>${w}</td></tr>`),
  ];
  if (rows.length === 0) return null;
  return html`<section aria-labelledby="waivers">
<h2 id="waivers">Waivers to review</h2>
<table><thead><tr><th scope="col">Problem</th><th scope="col">Waiver</th></tr></thead><tbody>${rows}</tbody></table>
</section>`;
}

function ids(report: VendorReport): Html | null {
  const entries = glossary([...report.findings, ...report.specDefects].map((f) => f.id));
  if (entries.length === 0) return null;
  return html`<section aria-labelledby="ids">
<h2 id="ids">Finding IDs in this report</h2>
<dl class="glossary">${entries.map((e) => html`<dt><code>${e.id}</code></dt><dd>${e.description}</dd>`)}</dl>
</section>`;
}
