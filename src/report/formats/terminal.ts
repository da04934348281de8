import type { FindingGroup } from '../groups.ts';
import type { VendorReport } from '../types.ts';
import { breakingText, groupObserved, groupsByAttention, isBlocking, outcomeCounts, plural, shownPointer } from './cases.ts';

/** A terminal after a run is read at a glance: past this many root causes per vendor, its VENDOR.md has the rest. */
const GROUPS_PER_VENDOR = 5;
const CASES_NAMED = 3;
const VALUE_CHARS = 60;

/**
 * What `conform run` prints after its cases: per vendor, its verdict, outcomes and findings (waived
 * ones apart from breaking, since they pass), then each root cause of its unwaived breaking findings
 * (id, pointer pattern, expected → observed, count and cases), and a warning for each expired or stale
 * waiver. `reportsPath` is where the vendor reports were written, as the user should read it.
 */
export function renderVendorLines(reports: readonly VendorReport[], reportsPath = 'reports/latest'): string {
  return reports.map((report) => vendorLines(report, reportsPath).map((line) => `${line}\n`).join('')).join('');
}

function vendorLines(report: VendorReport, reportsPath: string): string[] {
  const o = report.outcomes;
  const { warning, info } = report.counts;
  const fresh = report.findings.filter((f) => f.state === 'new').length;
  const summary =
    `${report.vendor.padEnd(7)} ${(report.verdict ?? '').padEnd(12)} ${outcomeCounts(o)}; ` +
    `findings: ${breakingText(report)}, ${warning} warning, ${info} info (${fresh} new)`;
  const groups = groupsByAttention(report.findings.filter(isBlocking));
  const hidden = groups.length - GROUPS_PER_VENDOR;
  return [
    summary,
    ...groups.slice(0, GROUPS_PER_VENDOR).map(groupLine),
    ...(hidden > 0 ? [`  … ${plural(hidden, 'more root cause')} in ${reportsPath}/${report.vendor}.md`] : []),
    ...(report.expiredWaivers ?? []).map((w) => `  warning: expired waiver, no longer waives: ${terminalText(w)}`),
    ...(report.staleWaivers ?? []).map((w) => `  warning: stale waiver, matched nothing: ${terminalText(w)}`),
  ];
}

/** A root cause on one line: state, id, pointer pattern, expected → observed, count, and the first cases. */
function groupLine(group: FindingGroup): string {
  const f = group.finding;
  const state = f.state ? `[${f.state}] ` : '';
  const where = group.pointerPattern === null ? '' : ` at ${terminalText(shownPointer(group.pointerPattern)!)}`;
  const named = group.cases.slice(0, CASES_NAMED).join(', ') + (group.cases.length > CASES_NAMED ? ` and ${group.cases.length - CASES_NAMED} more` : '');
  return `  ${state}${f.id}${where}: ${value(f.expected)} → ${value(groupObserved(group))}; ${group.occurrences.length} in ${plural(group.cases.length, 'case')} (${named})`;
}

function value(text: string | null): string {
  if (text === null) return '—';
  const shown = terminalText(text);
  return shown.length > VALUE_CHARS ? `${shown.slice(0, VALUE_CHARS - 1)}…` : shown;
}

/**
 * Vendor text for a terminal: control characters (an escape sequence could rewrite the screen or the
 * title) and bidirectional overrides (which reorder what is shown) become U+FFFD.
 */
function terminalText(text: string): string {
  return text.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '\uFFFD');
}
