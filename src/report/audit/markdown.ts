import { plural, shownPointer } from '../formats/cases.ts';
import { mdCode, mdTable, mdText } from '../formats/markdown-escape.ts';
import { OUTCOME_LABEL, VERDICT_LABEL } from '../formats/outcome-labels.ts';
import { DIMENSIONS, exitText, figuresText, gradeText, NO_RECOGNITION, NOT_WEIGHTED, RECOGNITIONS_INTRO, scoreText, weightText } from './labels.ts';
import type { AuditFinding, AuditReport } from './types.ts';

/**
 * audit.md: the first screen answers "should we onboard this vendor?" (grade, verdict, scorecard),
 * then the breaking findings, coverage, the document's defects, other findings and every interaction.
 * Every vendor-controlled string is escaped: it never leaves its table cell or line.
 */
export function auditMarkdown(audit: AuditReport): string {
  const sections = [header(audit), scorecard(audit), breaking(audit), coverage(audit), specDefects(audit), recognitions(audit), otherFindings(audit), interactions(audit)];
  return `${sections.join('\n\n')}\n`;
}

function header(audit: AuditReport): string {
  const verdict = audit.verdict === null ? 'no verdict' : VERDICT_LABEL[audit.verdict];
  const rows = [
    ['Base URL', mdCode(audit.baseUrl)],
    ['Specs', audit.specs.map((s) => `${mdCode(s.file)} (${mdText(s.version)})`).join(', ') || '—'],
    ['Run', `${mdText(audit.startedAt)} to ${mdText(audit.finishedAt)}`],
    ['Exit code', exitText(audit.exitCode)],
  ];
  return `# ${mdText(audit.vendor)}: onboarding audit\n\n**Grade: ${gradeText(audit.scorecard)}** · **Verdict: ${verdict}**\n\n${mdTable(['', ''], rows)}`;
}

function scorecard(audit: AuditReport): string {
  const rows = DIMENSIONS.map(({ name, label, figures }) => [label, scoreText(audit.scorecard[name].score), figuresText(audit.scorecard, name), figures, weightText(name)]);
  return `## Scorecard\n\n${mdTable(['Dimension', 'Score', 'Figures', 'Counting', 'Weight'], rows)}\n\nn/a: nothing to measure; left out of the weighted score. ${NOT_WEIGHTED}`;
}

function breaking(audit: AuditReport): string {
  const found = audit.findings.filter((f) => f.severity === 'breaking');
  return `## Breaking findings\n\n${found.length === 0 ? 'No breaking findings.' : findingTable(found)}`;
}

function coverage(audit: AuditReport): string {
  if (audit.coverage.length === 0) return '## Coverage\n\nNo operation was found in the documents.';
  const rows = audit.coverage.map((c) => [
    mdCode(c.operation),
    c.state,
    c.reason === null ? '—' : mdText(c.reason),
    c.missingFixtures.length === 0 ? '—' : c.missingFixtures.map((f) => mdCode(f.fixture)).join(', '),
    c.cases.length === 0 ? '—' : plural(c.cases.length, 'case'),
  ]);
  return `## Coverage\n\n${mdTable(['Operation', 'State', 'Why', 'Fixtures it needs', 'Cases'], rows)}`;
}

function specDefects(audit: AuditReport): string {
  if (audit.specDefects.length === 0) return "## Defects of the vendor's document\n\nNo defects found.";
  const rows = audit.specDefects.map((d) => [d.severity, mdCode(d.id), mdCode(d.file === null ? d.pointer : `${d.file}#${d.pointer ?? ''}`), mdText(d.message)]);
  return `## Defects of the vendor's document\n\n${mdTable(['Severity', 'Finding', 'Where', 'Message'], rows)}`;
}

function recognitions(audit: AuditReport): string {
  if (audit.recognitions.length === 0) return `## Money rules recognised\n\n${NO_RECOGNITION}`;
  const rows = audit.recognitions.map((r) => [mdCode(r.operation), r.kind, mdCode(shownPointer(r.at)), mdText(r.why)]);
  return `## Money rules recognised\n\n${RECOGNITIONS_INTRO}\n\n${mdTable(['Operation', 'Shape', 'At', 'Why'], rows)}`;
}

function otherFindings(audit: AuditReport): string {
  const found = audit.findings.filter((f) => f.severity !== 'breaking');
  return `## Other findings\n\n${found.length === 0 ? 'No warning or info findings.' : findingTable(found)}`;
}

function interactions(audit: AuditReport): string {
  if (audit.interactions.length === 0) return '## Interactions\n\nNo case ran.';
  const rows = audit.interactions.map((i) => [mdText(i.case), mdCode(`${i.method} ${i.path}`), mdCode(i.operation), i.status === null ? '—' : String(i.status), OUTCOME_LABEL[i.outcome]]);
  return `## Interactions\n\n${mdTable(['Case', 'Request', 'Operation', 'Status', 'Outcome'], rows)}`;
}

function findingTable(findings: readonly AuditFinding[]): string {
  const rows = findings.map((f) => [
    f.severity,
    mdCode(f.id),
    mdCode(f.operation),
    mdText(f.case),
    f.status === null ? '—' : String(f.status),
    mdCode(shownPointer(f.pointer)),
    mdCode(f.expected),
    mdCode(f.observed),
    mdText(f.message),
  ]);
  return mdTable(['Severity', 'Finding', 'Operation', 'Case', 'Status', 'Pointer', 'Expected', 'Observed', 'Message'], rows);
}
