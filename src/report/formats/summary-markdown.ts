import type { RunSummary, VendorReport } from '../types.ts';
import { groupsByAttention, plural, shownPointer, unwaivedBreaking } from './cases.ts';
import { mdCode, mdTable, mdText } from './markdown-escape.ts';
import { mixedRunNote } from './mixed-run.ts';
import { VERDICT_LABEL, stateLabel } from './outcome-labels.ts';

/** A job summary is read at a glance (and GitHub caps its size): past this, the vendor's .md has the rest. */
const GROUPS_SHOWN = 10;

/** reports/latest/summary.md, for a CI job summary: every vendor's verdict and counts, then its findings by root cause, new first. */
export function renderSummaryMarkdown(summary: RunSummary, reports: readonly VendorReport[]): string {
  const sections = [overview(summary, reports), ...summary.vendors.map((v) => vendorSection(v, reports.find((r) => r.vendor === v.vendor)))];
  return `${sections.join('\n\n')}\n`;
}

function overview(summary: RunSummary, reports: readonly VendorReport[]): string {
  const rows = summary.vendors.map((v) => {
    const o = v.outcomes;
    const c = v.counts;
    // Waived breaking findings fail nothing: counted apart, as the terminal does.
    const report = reports.find((r) => r.vendor === v.vendor);
    const breaking = report ? `${unwaivedBreaking(report)}${unwaivedBreaking(report) < c.breaking ? ` (+${c.breaking - unwaivedBreaking(report)} waived)` : ''}` : `${c.breaking}`;
    const mode = v.mode === 'sandbox' ? `sandbox ${mdCode(v.scenario)}` : 'live';
    return [mdText(v.vendor), v.verdict ? VERDICT_LABEL[v.verdict] : '—', mode, `${o.passed}`, `${o.failed}`, `${o.unverified}`, `${o.skipped}`, `${o['transport-error']}`, breaking, `${c.warning}`, `${c.info}`];
  });
  const table = mdTable(['Vendor', 'Verdict', 'Target', 'Passed', 'Failed', 'Unverified', 'Skipped', 'Transport errors', 'Breaking', 'Warning', 'Info'], rows);
  const problems = summary.problems.length === 0 ? '' : `\n\n**Problems**\n\n${summary.problems.map((p) => `- ${mdText(p)}`).join('\n')}`;
  const mixed = mixedRunNote(summary.vendors);
  return `## conform: exit code ${summary.exitCode}\n\n${mdText(summary.startedAt)} to ${mdText(summary.finishedAt)}${mixed ? `\n\n**${mdText(mixed)}**` : ''}\n\n${table}${problems}`;
}

function vendorSection({ vendor, verdict }: RunSummary['vendors'][number], report: VendorReport | undefined): string {
  const title = `### ${mdText(vendor)}${verdict ? `: ${VERDICT_LABEL[verdict]}` : ''}`;
  if (!report) return `${title}\n\nNo report was found for this vendor.`;
  if (report.findings.length === 0) return `${title}\n\nNo findings.`;
  const states = ['new', 'known', 'waived'] as const;
  const tally = states.map((s) => `${report.findings.filter((f) => f.state === s).length} ${s}`).join(', ');
  const hasStates = report.findings.some((f) => f.state !== undefined);
  const groups = groupsByAttention(report.findings);
  const rows = groups
    .slice(0, GROUPS_SHOWN)
    .map(({ finding: f, ...g }) => [mdText(stateLabel(f)), f.severity, mdCode(f.id), mdCode(f.operation), mdCode(shownPointer(g.pointerPattern)), String(g.occurrences.length), mdCode(f.fingerprint)]);
  const hidden = groups.length - GROUPS_SHOWN;
  const more = hidden > 0 ? `\n\n… and ${plural(hidden, 'more root cause')} in ${mdText(`${vendor}.md`)}.` : '';
  const table = mdTable(['State', 'Severity', 'Finding', 'Operation', 'Pointer', 'Count', 'Fingerprint'], rows);
  const counted = `${plural(report.findings.length, 'finding')}${hasStates ? ` (${tally})` : ''} from ${plural(groups.length, 'root cause')}`;
  return `${title}\n\n${counted}\n\n${table}${more}`;
}
