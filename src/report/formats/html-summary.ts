import { groupFindings } from '../groups.ts';
import type { RunSummary, VendorReport } from '../types.ts';
import { isBlocking } from './cases.ts';
import { htmlPage } from './html-page.ts';
import { pageOf } from './html-parts.ts';
import { html, type Html } from './html-template.ts';
import { VERDICT_LABEL } from './outcome-labels.ts';

/**
 * reports/latest/summary.html: the run on one page, joining the vendor pages: its times, exit code and
 * problems, and per vendor its target, verdict, outcomes and breaking root causes, linked to its page.
 */
export function renderSummaryHtml(summary: RunSummary, reports: readonly VendorReport[]): string {
  const problems = summary.problems.length === 0 ? null : html`<section aria-labelledby="problems"><h2 id="problems">Problems</h2><ul class="problems">${summary.problems.map((p) => html`<li>${p}</li>`)}</ul></section>`;
  return htmlPage(
    'conform run summary',
    html`<header>
<h1>conform run <span class="badge exit-${summary.exitCode === 0 ? 'pass' : 'fail'}">exit code ${summary.exitCode}</span></h1>
<dl class="facts"><dt>Run</dt><dd>${summary.startedAt} to ${summary.finishedAt}</dd></dl>
</header>
<main>
${problems}
<section aria-labelledby="vendors">
<h2 id="vendors">Vendors</h2>
${vendorTable(summary, reports)}
</section>
</main>`,
  );
}

function vendorTable(summary: RunSummary, reports: readonly VendorReport[]): Html {
  if (summary.vendors.length === 0) return html`<p class="empty">No vendor ran.</p>`;
  const rows = summary.vendors.map((v) => {
    const report = reports.find((r) => r.vendor === v.vendor);
    const o = v.outcomes;
    const mode = v.mode === 'sandbox' ? html`sandbox <code>${v.scenario ?? 'none'}</code>` : html`live`;
    const verdict = v.verdict ? html`<span class="badge verdict-${v.verdict}">${VERDICT_LABEL[v.verdict]}</span>` : html`<span class="badge verdict-none">no verdict</span>`;
    const breaking = report ? groupFindings(report.findings).filter((g) => isBlocking(g.finding)).length : null;
    return html`<tr class="vendor"><th scope="row">${report ? html`<a href="${pageOf(v.vendor)}">${v.vendor}</a>` : v.vendor}</th><td>${mode}</td><td>${verdict}</td><td>${o.passed}</td><td>${o.failed}</td><td>${o.unverified}</td><td>${o.skipped}</td><td>${o['transport-error']}</td><td class="breaking-groups">${breaking ?? html`<span class="empty">no report</span>`}</td></tr>`;
  });
  return html`<table class="vendors"><thead><tr><th scope="col">Vendor</th><th scope="col">Target</th><th scope="col">Verdict</th><th scope="col">Passed</th><th scope="col">Failed</th><th scope="col">Unverified</th><th scope="col">Skipped</th><th scope="col">Transport errors</th><th scope="col">Breaking root causes</th></tr></thead><tbody>${rows}</tbody></table>`;
}
