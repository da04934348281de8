import type { OperationCoverage, VendorReport } from '../types.ts';
import { COVERAGE_LABEL, whyNotExercised } from './coverage.ts';
import { groupFindings, type FindingGroup } from '../groups.ts';
import { breakingText, casesByOperation, findingsByOperation, glossary, groupObserved, groupsByAttention, outcomeCounts, plural, shownPointer, sinceText } from './cases.ts';
import { escapeMarkup } from './markup-escape.ts';
import { mdCode, mdTable, mdText } from './markdown-escape.ts';
import { OUTCOME_LABEL, VERDICT_LABEL, stateLabel } from './outcome-labels.ts';

/** reports/latest/VENDOR.md: one vendor's run, readable as plain text and as rendered markdown. */
export function renderVendorMarkdown(report: VendorReport): string {
  const sections = [header(report), cases(report), coverage(report), findings(report), specDefects(report), upstream(report), resolved(report), waivers(report), ids(report)];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}

function header(report: VendorReport): string {
  const verdict = report.verdict ? `**Verdict: ${VERDICT_LABEL[report.verdict]}**` : 'No verdict recorded';
  const o = report.outcomes;
  const c = report.counts;
  const rows = [
    ['Mode', report.mode === 'sandbox' ? `embedded sandbox, scenario ${mdCode(report.scenario)}` : 'live'],
    ['Base URL', mdCode(report.baseUrl)],
    ['Spec', report.spec.map((s) => `${mdCode(s.file)} (${mdText(s.version)})`).join(', ') || '—'],
    ['Run', `${mdText(report.startedAt)} to ${mdText(report.finishedAt)}`],
    ['Cases', outcomeCounts(o)],
    ['Findings', `${breakingText(report)}, ${c.warning} warning, ${c.info} info; ${plural(groupFindings(report.findings).length, 'root cause')}`],
  ];
  return `# ${mdText(report.vendor)}: conformance report\n\n${verdict}\n\n${mdTable(['', ''], rows)}`;
}

function cases(report: VendorReport): string {
  const rows = casesByOperation(report).flatMap(({ operation, cases: group }) =>
    group.map(({ interaction: i, findings: found }) => [
      mdCode(operation),
      mdText(i.case),
      mdCode(`${i.method} ${i.path}`),
      i.status === null ? '—' : String(i.status),
      OUTCOME_LABEL[i.outcome] + (i.reason ? `: ${mdText(i.reason)}` : ''),
      found.length === 0 ? '—' : plural(found.length, 'finding'),
    ]),
  );
  return `## Cases\n\n${rows.length === 0 ? 'No case ran.' : mdTable(['Operation', 'Case', 'Request', 'Status', 'Outcome', 'Findings'], rows)}`;
}

/** Every operation of the document when the cases were derived from it: none is dropped silently. */
function coverage(report: VendorReport): string {
  if (!report.coverage) return '';
  const rows = report.coverage.map((entry) => [mdCode(entry.operation), COVERAGE_LABEL[entry.state], String(entry.cases.length), mdWhyNot(entry)]);
  return `## Coverage\n\n${rows.length === 0 ? 'The document has no operation.' : mdTable(['Operation', 'State', 'Cases', 'Why not exercised'], rows)}`;
}

function mdWhyNot(entry: OperationCoverage): string {
  const why = whyNotExercised(entry);
  if (why === null) return '—';
  if ('reason' in why) return mdText(why.reason);
  return `needs ${why.needs.map((f) => `${mdCode(f.fixture)}${f.variable ? ` (set ${mdCode(f.variable)})` : ''}`).join(', ')}`;
}

/** One row per root cause, and under each table the occurrences a row does not show, one click away. */
function findings(report: VendorReport): string {
  if (report.findings.length === 0) return '## Findings\n\nNo findings.';
  const sections = findingsByOperation(report.findings).map(({ operation, findings: found }) => {
    const groups = groupsByAttention(found);
    const rows = groups.map((g) => {
      const f = g.finding;
      return [f.severity, mdText(stateLabel(f)), mdCode(f.id), mdCode(shownPointer(g.pointerPattern)), mdCode(f.expected), mdCode(groupObserved(g)), mdText(g.cases.join(', ')), String(g.occurrences.length), mdCode(f.fingerprint), mdText(sinceText(f) ?? '—')];
    });
    const table = mdTable(['Severity', 'State', 'Finding', 'Pointer', 'Expected', 'Observed', 'Cases', 'Count', 'Fingerprint', 'Since'], rows);
    const details = groups.filter(hidesOccurrences).map(occurrencesBlock);
    return [`### ${mdText(operation ?? 'Not about one operation')}`, table, ...details].join('\n\n');
  });
  return `## Findings\n\n${sections.join('\n\n')}`;
}

/** A row shows its occurrence whole when there is one and its pointer has no array index. */
function hidesOccurrences(group: FindingGroup): boolean {
  return group.occurrences.length > 1 || group.occurrences[0]!.pointer !== group.pointerPattern;
}

/**
 * GitHub folds a <details> block and renders the markdown table inside it; as plain text it reads as a
 * heading line and a table. The summary is HTML, not markdown, so its vendor text is escaped as HTML.
 */
function occurrencesBlock(group: FindingGroup): string {
  const title = `${group.finding.id} at ${shownPointer(group.pointerPattern) ?? 'the response'}: ${plural(group.occurrences.length, 'occurrence')}`;
  const rows = group.occurrences.map((o) => [mdText(o.case), mdCode(shownPointer(o.pointer)), mdCode(o.observed)]);
  return `<details><summary>${escapeMarkup(title)}</summary>\n\n${mdTable(['Case', 'Pointer', 'Observed'], rows)}\n\n</details>`;
}

function specDefects(report: VendorReport): string {
  if (report.specDefects.length === 0) return '';
  const rows = report.specDefects.map((d) => [d.severity, mdCode(d.id), d.location ? mdCode(`${d.location.file}#${d.location.pointer}`) : '—', mdText(d.message)]);
  return `## Defects of the vendor's document\n\n${mdTable(['Severity', 'Finding', 'Where', 'Message'], rows)}`;
}

/** The vendor's published document against the newest checked-in one (a run with CONFORM_REFRESH_SPECS=1). */
function upstream(report: VendorReport): string {
  const compared = report.specChangedUpstream;
  if (!compared) return '';
  const title = "## The vendor's published document";
  if ('unreachable' in compared) return `${title}\n\nWarning: ${mdCode(compared.url)} could not be compared: ${mdText(compared.unreachable)}`;
  const against = `${mdCode(compared.url)} against ${mdCode(compared.base)}`;
  if (compared.changes.length === 0) return `${title}\n\n${against}: no changes.`;
  const breaking = compared.changes.filter((c) => c.severity === 'breaking').length;
  const rows = compared.changes.map((c) => [c.severity, mdCode(c.id), mdCode(c.operation), mdCode(c.status), mdCode(c.where), mdCode(c.value ?? null)]);
  const lead = `${against}: ${plural(compared.changes.length, 'change')}, ${breaking} breaking (under Findings as \`spec-changed-upstream\`).`;
  return `${title}\n\n${lead}\n\n${mdTable(['Severity', 'Change', 'Operation', 'Status', 'Where', 'Value'], rows)}`;
}

function resolved(report: VendorReport): string {
  if (!report.resolved?.length) return '';
  const rows = report.resolved.map((r) => [mdCode(r.id), mdCode(r.operation), mdText(r.case), mdCode(shownPointer(r.pointer)), mdCode(r.fingerprint)]);
  return `## Resolved since the baseline\n\n${mdTable(['Finding', 'Operation', 'Case', 'Pointer', 'Fingerprint'], rows)}`;
}

function waivers(report: VendorReport): string {
  const rows = [
    ...(report.expiredWaivers ?? []).map((w) => ['expired (no longer waives)', mdText(w)]),
    ...(report.staleWaivers ?? []).map((w) => ['stale (matched nothing)', mdText(w)]),
  ];
  return rows.length === 0 ? '' : `## Waivers to review\n\n${mdTable(['Problem', 'Waiver'], rows)}`;
}

function ids(report: VendorReport): string {
  const entries = glossary([...report.findings, ...report.specDefects].map((f) => f.id));
  if (entries.length === 0) return '';
  return `## Finding IDs in this report\n\n${entries.map((e) => `- ${mdCode(e.id)}: ${mdText(e.description)}`).join('\n')}`;
}
