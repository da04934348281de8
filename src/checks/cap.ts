import { makeFinding, type Finding, type SeverityOverrides } from '../findings/finding.ts';
import { FINDING_KINDS, type FindingId, type Severity } from '../findings/registry.ts';
import type { CheckFacts } from './check.ts';

/**
 * At most this many findings are listed per response. A drifted response yields a handful (the seed
 * scenarios at most a dozen), so 100 never hides a real report; a hostile body can yield one per
 * byte, and each listed finding costs a fingerprint, a message and a report row.
 */
export const MAX_FINDINGS_PER_RESPONSE = 100;

const MOST_SEVERE_FIRST: readonly Severity[] = ['breaking', 'warning', 'info'];

export interface CappedFacts {
  /** What is listed: the most severe facts first, in report order within a severity. */
  listed: CheckFacts[];
  /** How many of each ID are counted instead, in order of first appearance. */
  unlisted: Map<FindingId, number>;
  /** The most severe of the unlisted: what the summary finding carries. */
  worstUnlisted: Severity;
}

/** Splits more than MAX_FINDINGS_PER_RESPONSE facts into the listed ones and counts of the rest. */
export function capFacts(facts: readonly CheckFacts[], overrides: SeverityOverrides): CappedFacts {
  const severityOf = (id: FindingId) => overrides[id] ?? FINDING_KINDS[id].severity;
  const counts = new Map<Severity, number>();
  for (const { id } of facts) counts.set(severityOf(id), (counts.get(severityOf(id)) ?? 0) + 1);
  const room = new Map<Severity, number>();
  let left = MAX_FINDINGS_PER_RESPONSE;
  for (const severity of MOST_SEVERE_FIRST) {
    room.set(severity, Math.min(counts.get(severity) ?? 0, left));
    left -= room.get(severity)!;
  }
  const listed: CheckFacts[] = [];
  const unlisted = new Map<FindingId, number>();
  let worstUnlisted = MOST_SEVERE_FIRST.length - 1;
  const count = (id: FindingId, n: number) => {
    unlisted.set(id, (unlisted.get(id) ?? 0) + n);
    worstUnlisted = Math.min(worstUnlisted, MOST_SEVERE_FIRST.indexOf(severityOf(id)));
  };
  for (const fact of facts) {
    const severity = severityOf(fact.id);
    const space = room.get(severity)!;
    if (space > 0) {
      listed.push(fact);
      room.set(severity, space - 1);
    } else count(fact.id, 1);
    if (fact.more) count(fact.id, fact.more);
  }
  return { listed, unlisted, worstUnlisted: MOST_SEVERE_FIRST[worstUnlisted]! };
}

/**
 * The one finding that stands for the unlisted ones. It is never less severe than the most severe of
 * them, so a response whose unlisted findings include a breaking one still fails.
 */
export function unlistedSummary(capped: CappedFacts, shared: { vendor: string; operation: string; status: number }, overrides: SeverityOverrides): Finding {
  const id = 'response-findings-truncated';
  const configured = overrides[id] ?? FINDING_KINDS[id].severity;
  const severity = MOST_SEVERE_FIRST.find((s) => s === configured || s === capped.worstUnlisted)!;
  const total = [...capped.unlisted.values()].reduce((a, b) => a + b, 0);
  const counts = [...capped.unlisted].map(([unlistedId, count]) => `${unlistedId} ${count}`).join(', ');
  return makeFinding({ id, ...shared, expected: `at most ${MAX_FINDINGS_PER_RESPONSE} findings listed`, observed: `${total} more: ${counts}` }, { ...overrides, [id]: severity });
}
