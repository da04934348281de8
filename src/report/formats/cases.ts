import { FINDING_KINDS, isFindingId } from '../../findings/index.ts';
import { groupFindings, type FindingGroup } from '../groups.ts';
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

/** "5 passed, 1 failed, 2 unverified, 0 skipped, 1 transport error": a vendor's outcomes in one phrase, the same in every text format. */
export function outcomeCounts(o: VendorReport['outcomes']): string {
  // Reports written before the unverified outcome have no count for it.
  return `${o.passed} passed, ${o.failed} failed, ${o.unverified ?? 0} unverified, ${o.skipped} skipped, ${plural(o['transport-error'], 'transport error')}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The JSON pointer as conform's text output shows it: the root pointer "" reads as "/". */
export function shownPointer(pointer: string | null): string | null {
  return pointer === null ? null : pointer || '/';
}

/** Root-cause groups, what needs a person first (by the first finding of each group, as `byAttention`). */
export function groupsByAttention(findings: readonly ReportedFinding[]): FindingGroup[] {
  return groupFindings(findings).sort((a, b) => byAttention(a.finding, b.finding));
}

/** What a group observed: the one value when every occurrence saw the same, else the kind they share. */
export function groupObserved(group: FindingGroup): string | null {
  const values = new Set(group.occurrences.map((o) => o.observed));
  return values.size === 1 ? group.occurrences[0]!.observed : group.observedKind;
}

/** An ISO 8601 UTC time to the minute, as reports show when a finding was first seen: "2026-11-28 14:02 UTC". */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "since 2026-11-28 14:02 UTC (3 runs)" from the judge's firstSeen and seenRuns; null outside a run. */
export function sinceText(finding: ReportedFinding): string | null {
  if (finding.firstSeen === undefined) return null;
  const when = utcMinute(finding.firstSeen);
  return finding.seenRuns === undefined ? `since ${when}` : `since ${when} (${plural(finding.seenRuns, 'run')})`;
}

/** The breaking count as the verdict sees it: a waived finding passes, so it is told apart, never counted as breaking. */
export function breakingText(report: VendorReport): string {
  return `${unwaivedBreaking(report)} breaking${waivedBreaking(report) > 0 ? ` (${waivedBreaking(report)} more waived)` : ''}`;
}

/** Breaking findings no waiver accepts: what fails a run, and what a count of breaking findings shows. */
export function unwaivedBreaking(report: VendorReport): number {
  return report.counts.breaking - waivedBreaking(report);
}

function waivedBreaking(report: VendorReport): number {
  return report.findings.filter((f) => f.severity === 'breaking' && f.state === 'waived').length;
}
