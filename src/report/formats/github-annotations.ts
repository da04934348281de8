import type { Severity } from '../../findings/index.ts';
import type { FindingGroup } from '../groups.ts';
import type { ReportedDefect, VendorReport } from '../types.ts';
import { groupsByAttention, plural, shownPointer } from './cases.ts';

type Level = 'error' | 'warning' | 'notice';

const LEVEL: Record<Severity, Level> = { breaking: 'error', warning: 'warning', info: 'notice' };

/** GitHub shows about 10 annotations of a level per step: past this many per vendor and level, one notice counts the rest. */
const ANNOTATIONS_PER_VENDOR = 5;

interface Annotation {
  level: Level;
  line: string;
}

/** An annotation the per-vendor cap may hold back, and what the notice counting it calls it. */
type Capped = Annotation & { kind: 'root cause' | 'document defect' };

/**
 * GitHub Actions workflow commands: one per root cause (group of findings) and spec defect, breaking
 * as errors, warnings as warnings, info and waived as notices; expired and stale waivers as warnings.
 * GitHub shows only the first few of each level per step, so each level takes vendors in turn (every
 * vendor's first error comes before any vendor's second) and a vendor shows at most
 * ANNOTATIONS_PER_VENDOR per level, then one notice pointing to its report in `reportsPath`.
 */
export function renderAnnotations(reports: readonly VendorReport[], reportsPath = 'reports/latest'): string {
  const perVendor = reports.map((report) => vendorAnnotations(report, reportsPath));
  const lines = (['error', 'warning', 'notice'] as const).flatMap((level) => inTurn(perVendor.map((annotations) => annotations.filter((a) => a.level === level))));
  return lines.map((a) => `${a.line}\n`).join('');
}

function vendorAnnotations(report: VendorReport, reportsPath: string): Annotation[] {
  const all = [
    ...groupsByAttention(report.findings).map((group): Capped => ({ level: levelOf(group), kind: 'root cause', line: groupCommand(group) })),
    ...report.specDefects.map((defect): Capped => ({ level: LEVEL[defect.severity], kind: 'document defect', line: defectCommand(defect) })),
  ];
  const perLevel: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const shown: Capped[] = [];
  const hidden: Capped[] = [];
  for (const annotation of all) (++perLevel[annotation.level] <= ANNOTATIONS_PER_VENDOR ? shown : hidden).push(annotation);
  return [...shown, ...waiverAnnotations(report), ...(hidden.length > 0 ? [moreAnnotation(report.vendor, hidden, reportsPath)] : [])];
}

function levelOf(group: FindingGroup): Level {
  return group.finding.state === 'waived' ? 'notice' : LEVEL[group.finding.severity];
}

function groupCommand(group: FindingGroup): string {
  const f = group.finding;
  const state = f.state ? ` [${f.state}]` : '';
  const count = group.occurrences.length;
  const more = count > 1 ? `; ${count} occurrences at ${shownPointer(group.pointerPattern) ?? 'the response'} in ${plural(group.cases.length, 'case')}` : '';
  const waiver = f.state === 'waived' && f.waiver ? ` (waived until ${f.waiver.expires}: ${f.waiver.reason})` : '';
  const message = `${f.operation ?? f.vendor} (${group.cases.join(', ')}): ${f.message}${more}; fingerprint ${f.fingerprint}${waiver}`;
  return command(levelOf(group), { title: `${f.vendor} ${f.severity}${state}: ${f.id}` }, message);
}

function defectCommand(d: ReportedDefect): string {
  const where = d.location ? ` at ${d.location.pointer}` : '';
  const properties: Record<string, string> = { title: `${d.vendor} document ${d.severity}: ${d.id}` };
  // With `file`, GitHub shows the annotation on the vendor document in the run's file view.
  if (d.location) properties.file = d.location.file;
  return command(LEVEL[d.severity], properties, `${d.message}${where}`);
}

/** An expired waiver no longer waives and a stale one matches nothing: both are for a person to review. */
function waiverAnnotations(report: VendorReport): Annotation[] {
  const waivers = [
    ...(report.expiredWaivers ?? []).map((w) => ['expired (no longer waives)', w] as const),
    ...(report.staleWaivers ?? []).map((w) => ['stale (matched nothing)', w] as const),
  ];
  return waivers.map(([problem, waiver]) => ({ level: 'warning', line: command('warning', { title: `${report.vendor} waiver ${problem}` }, waiver) }));
}

function moreAnnotation(vendor: string, hidden: readonly Capped[], reportsPath: string): Annotation {
  const counts = (['root cause', 'document defect'] as const).map((kind) => [kind, hidden.filter((a) => a.kind === kind).length] as const);
  const what = counts.filter(([, n]) => n > 0).map(([kind, n]) => plural(n, `more ${kind}`)).join(' and ');
  return { level: 'notice', line: command('notice', { title: `${vendor}: more findings` }, `${what} in ${reportsPath}/${vendor}.md`) };
}

/** The first of every list, then the second of every list, and so on. */
function inTurn<T>(lists: readonly (readonly T[])[]): T[] {
  const longest = Math.max(0, ...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, i) => lists.flatMap((list) => (i < list.length ? [list[i]!] : []))).flat();
}

function command(level: Level, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}

/** GitHub's escaping for a command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for a property value, where ":" and "," would end the value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
