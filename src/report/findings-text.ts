import { messageOf, type Finding } from '../findings/index.ts';
import type { Severity } from '../findings/index.ts';

/** Findings as aligned, readable lines for a terminal or a CI log: severity, id, where, message. */
export function renderFindingsText(findings: ReadonlyArray<Finding & { severity: Severity }>): string {
  if (findings.length === 0) return 'no findings\n';
  const rows = findings.map((f) => [f.severity, f.id, where(f), messageOf(f)]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n') + '\n';
}

function where(finding: Finding): string {
  if (finding.location) return `${finding.location.file}#${finding.location.pointer}`;
  return finding.pointer === null ? '-' : finding.pointer || '/';
}

/** Findings with their messages rendered from their facts: what the JSON outputs show. */
export function withMessages<F extends Finding>(findings: readonly F[]): Array<F & { message: string }> {
  return findings.map((finding) => ({ ...finding, message: messageOf(finding) }));
}
