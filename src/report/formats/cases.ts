import { FINDING_KINDS, isFindingId } from '../../findings/index.ts';
import type { Interaction, ReportedFinding, VendorReport } from '../types.ts';

/** One suite case with the findings it produced: the unit every format reports on. */
export interface ReportedCase {
  interaction: Interaction;
  findings: ReportedFinding[];
}

export interface OperationCases {
  operation: string;
  cases: ReportedCase[];
}

/** A breaking finding fails its case unless a waiver accepts it (waived findings stay visible, but pass). */
export function isBlocking(finding: ReportedFinding): boolean {
  return finding.severity === 'breaking' && finding.state !== 'waived';
}

/** Cases grouped by operation, both in the order the report lists them. */
export function casesByOperation(report: VendorReport): OperationCases[] {
  const groups = new Map<string, ReportedCase[]>();
  for (const interaction of report.interactions) {
    const findings = report.findings.filter((f) => f.case === interaction.case && (f.operation === null || f.operation === interaction.operation));
    const group = groups.get(interaction.operation) ?? [];
    group.push({ interaction, findings });
    groups.set(interaction.operation, group);
  }
  return [...groups].map(([operation, cases]) => ({ operation, cases }));
}

const SEVERITY_RANK = { breaking: 0, warning: 1, info: 2 } as const;
// Findings without a state predate baselines: ranked with `known`, since nothing says they are new.
const STATE_RANK = { new: 0, known: 1, waived: 2 } as const;

/** What needs a person first: new before known before waived, then breaking before warning before info; otherwise the report's order (sort is stable). */
export function byAttention(a: ReportedFinding, b: ReportedFinding): number {
  return STATE_RANK[a.state ?? 'known'] - STATE_RANK[b.state ?? 'known'] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}

/** Findings grouped by operation (null: not about one operation), each group in attention order. */
export function findingsByOperation(findings: readonly ReportedFinding[]): Array<{ operation: string | null; findings: ReportedFinding[] }> {
  const groups = new Map<string | null, ReportedFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.operation) ?? [];
    group.push(finding);
    groups.set(finding.operation, group);
  }
  return [...groups].map(([operation, group]) => ({ operation, findings: group.sort(byAttention) }));
}

/** The description of every distinct finding ID, for a report's glossary. */
export function glossary(ids: Iterable<string>): Array<{ id: string; description: string }> {
  return [...new Set(ids)]
    .sort()
    .filter(isFindingId)
    .map((id) => ({ id, description: FINDING_KINDS[id].description }));
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The JSON pointer as conform's text output shows it: the root pointer "" reads as "/". */
export function shownPointer(pointer: string | null): string | null {
  return pointer === null ? null : pointer || '/';
}
