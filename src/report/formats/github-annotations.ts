import type { Severity } from '../../findings/index.ts';
import type { ReportedDefect, ReportedFinding, VendorReport } from '../types.ts';
import { byAttention } from './cases.ts';

type Level = 'error' | 'warning' | 'notice';

const LEVEL: Record<Severity, Level> = { breaking: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one per finding and spec defect: breaking findings as errors,
 * warnings as warnings, info and waived findings as notices. GitHub shows only the first few of each
 * level per step, so they come in attention order (new first).
 */
export function renderAnnotations(reports: readonly VendorReport[]): string {
  const lines = reports.flatMap((report) => [
    ...[...report.findings].sort(byAttention).map(findingCommand),
    ...report.specDefects.map(defectCommand),
  ]);
  return lines.map((line) => `${line}\n`).join('');
}

function findingCommand(f: ReportedFinding): string {
  const waived = f.state === 'waived';
  const level = waived ? 'notice' : LEVEL[f.severity];
  const state = f.state ? ` [${f.state}]` : '';
  const waiver = waived && f.waiver ? ` (waived until ${f.waiver.expires}: ${f.waiver.reason})` : '';
  return command(level, { title: `${f.vendor} ${f.severity}${state}: ${f.id}` }, `${f.operation ?? f.vendor} (${f.case}): ${f.message}${waiver}`);
}

function defectCommand(d: ReportedDefect): string {
  const where = d.location ? ` at ${d.location.pointer}` : '';
  const properties: Record<string, string> = { title: `${d.vendor} document ${d.severity}: ${d.id}` };
  // With `file`, GitHub shows the annotation on the vendor document in the run's file view.
  if (d.location) properties.file = d.location.file;
  return command(LEVEL[d.severity], properties, `${d.message}${where}`);
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
