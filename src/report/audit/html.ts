import { plural, shownPointer } from '../formats/cases.ts';
import { html, type Html } from '../formats/html-template.ts';
import { OUTCOME_LABEL, VERDICT_LABEL } from '../formats/outcome-labels.ts';
import { htmlPage } from '../formats/html-page.ts';
import { DIMENSIONS, exitText, figuresText, gradeText, NO_RECOGNITION, NOT_WEIGHTED, RECOGNITIONS_INTRO, scoreText, weightText } from './labels.ts';
import type { AuditFinding, AuditReport } from './types.ts';

/**
 * audit.html: the same sections as audit.md, on one self-contained page. Every report string goes
 * through `html`, which escapes it: vendor documents and bodies are hostile.
 */
export function auditHtml(audit: AuditReport): string {
  const body = html`<header>
${header(audit)}
</header>
<main>
${scorecard(audit)}
<section aria-labelledby="breaking">
<h2 id="breaking">Breaking findings</h2>
${findingTable(audit.findings.filter((f) => f.severity === 'breaking'), 'No breaking findings.')}
</section>
${coverage(audit)}
${specDefects(audit)}
${recognitions(audit)}
<section aria-labelledby="other">
<h2 id="other">Other findings</h2>
${findingTable(audit.findings.filter((f) => f.severity !== 'breaking'), 'No warning or info findings.')}
</section>
${interactions(audit)}
</main>
<footer>Rendered by conform from audit.json. Run started ${audit.startedAt}, finished ${audit.finishedAt}.</footer>`;
  return htmlPage(`${audit.vendor}: onboarding audit`, body);
}

function header(audit: AuditReport): Html {
  const verdict = audit.verdict === null ? html`<span class="badge verdict-none">no verdict</span>` : html`<span class="badge verdict-${audit.verdict}">verdict: ${VERDICT_LABEL[audit.verdict]}</span>`;
  const specs = audit.specs.map((s, i) => html`${i > 0 ? ', ' : ''}<code>${s.file}</code> (${s.version})`);
  return html`<h1>${audit.vendor}: onboarding audit</h1>
<p><span class="badge grade">grade: ${gradeText(audit.scorecard)}</span> ${verdict}</p>
<dl class="facts">
<dt>Base URL</dt><dd><code>${audit.baseUrl}</code></dd>
<dt>Specs</dt><dd>${specs.length > 0 ? specs : 'none'}</dd>
<dt>Run</dt><dd>${audit.startedAt} to ${audit.finishedAt}</dd>
<dt>Exit code</dt><dd>${exitText(audit.exitCode)}</dd>
</dl>`;
}

function scorecard(audit: AuditReport): Html {
  const rows = DIMENSIONS.map(
    ({ name, label, figures }) =>
      html`<tr><th scope="row">${label}</th><td>${scoreText(audit.scorecard[name].score)}</td><td>${figuresText(audit.scorecard, name)}</td><td>${figures}</td><td>${weightText(name)}</td></tr>`,
  );
  return html`<section aria-labelledby="scorecard">
<h2 id="scorecard">Scorecard</h2>
<table class="scorecard"><thead><tr><th scope="col">Dimension</th><th scope="col">Score</th><th scope="col">Figures</th><th scope="col">Counting</th><th scope="col">Weight</th></tr></thead><tbody>${rows}</tbody></table>
<p class="message">n/a: nothing to measure; left out of the weighted score. ${NOT_WEIGHTED}</p>
</section>`;
}

function coverage(audit: AuditReport): Html {
  const rows = audit.coverage.map(
    (c) =>
      html`<tr><td><code>${c.operation}</code></td><td>${c.state}</td><td>${c.reason ?? '—'}</td><td>${c.missingFixtures.length === 0 ? '—' : c.missingFixtures.map((f, i) => html`${i > 0 ? ', ' : ''}<code>${f.fixture}</code>`)}</td><td>${c.cases.length === 0 ? '—' : plural(c.cases.length, 'case')}</td></tr>`,
  );
  return html`<section aria-labelledby="coverage">
<h2 id="coverage">Coverage</h2>
${rows.length === 0 ? html`<p class="empty">No operation was found in the documents.</p>` : html`<table><thead><tr><th scope="col">Operation</th><th scope="col">State</th><th scope="col">Why</th><th scope="col">Fixtures it needs</th><th scope="col">Cases</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}

function specDefects(audit: AuditReport): Html {
  const rows = audit.specDefects.map(
    (d) =>
      html`<tr><td>${severity(d.severity)}</td><td><code>${d.id}</code><span class="message">${d.message}</span></td><td>${value(d.file === null ? d.pointer : `${d.file}#${d.pointer ?? ''}`)}</td></tr>`,
  );
  return html`<section aria-labelledby="spec-defects">
<h2 id="spec-defects">Defects of the vendor's document</h2>
${rows.length === 0 ? html`<p class="empty">No defects found.</p>` : html`<table><thead><tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Where in the document</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}

function recognitions(audit: AuditReport): Html {
  const rows = audit.recognitions.map((r) => html`<tr><td><code>${r.operation}</code></td><td>${r.kind}</td><td>${value(shownPointer(r.at))}</td><td>${r.why}</td></tr>`);
  return html`<section aria-labelledby="recognitions">
<h2 id="recognitions">Money rules recognised</h2>
${rows.length === 0 ? html`<p class="empty">${NO_RECOGNITION}</p>` : html`<p class="message">${RECOGNITIONS_INTRO}</p><table><thead><tr><th scope="col">Operation</th><th scope="col">Shape</th><th scope="col">At</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}

function interactions(audit: AuditReport): Html {
  const rows = audit.interactions.map(
    (i) => html`<tr><td>${i.case}</td><td><code>${i.method} ${i.path}</code></td><td><code>${i.operation}</code></td><td>${i.status ?? '—'}</td><td>${OUTCOME_LABEL[i.outcome]}</td></tr>`,
  );
  return html`<section aria-labelledby="interactions">
<h2 id="interactions">Interactions</h2>
${rows.length === 0 ? html`<p class="empty">No case ran.</p>` : html`<table><thead><tr><th scope="col">Case</th><th scope="col">Request</th><th scope="col">Operation</th><th scope="col">Status</th><th scope="col">Outcome</th></tr></thead><tbody>${rows}</tbody></table>`}
</section>`;
}

function findingTable(findings: readonly AuditFinding[], none: string): Html {
  if (findings.length === 0) return html`<p class="empty">${none}</p>`;
  const rows = findings.map(
    (f) =>
      html`<tr><td>${severity(f.severity)}</td><td><code>${f.id}</code><span class="message">${f.message}</span></td><td>${value(f.operation)}</td><td>${f.case}${f.status === null ? null : html`<span class="message">HTTP ${f.status}</span>`}</td><td>${value(shownPointer(f.pointer))}</td><td class="expected">${value(f.expected)}</td><td class="observed">${value(f.observed)}</td></tr>`,
  );
  return html`<table class="findings"><thead><tr><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Operation</th><th scope="col">Case</th><th scope="col">Pointer</th><th scope="col">Expected</th><th scope="col">Observed</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function severity(level: string): Html {
  return html`<span class="severity severity-${level}">${level}</span>`;
}

function value(text: string | null): Html {
  return text === null ? html`<span class="empty">—</span>` : html`<code>${text}</code>`;
}
