import type { Finding } from '../findings/finding.ts';

/** Findings as aligned, readable lines for a terminal or a CI log: severity, id, where, message. */
export function renderFindingsText(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no findings\n';
  const rows = findings.map((f) => [f.severity, f.id, where(f), f.message]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n') + '\n';
}

function where(finding: Finding): string {
  if (finding.location) return `${finding.location.file}#${finding.location.pointer}`;
  return finding.pointer === null ? '-' : finding.pointer || '/';
}

export function countBySeverity(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const counts = { breaking: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
