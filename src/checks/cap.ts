import type { Check } from '../findings/index.ts';
import { FINDING_KINDS, type FindingId, type Severity } from '../findings/index.ts';
import { NO_FACTS, type CheckFacts } from './check.ts';

/**
 * At most this many findings are listed per response. A drifted response yields a handful (the seed
 * scenarios at most a dozen), so 100 never hides a real report; a hostile body can yield one per
 * byte, and each listed finding costs a fingerprint, a message and a report row.
 */
export const MAX_FINDINGS_PER_RESPONSE = 100;

const MOST_SEVERE_FIRST: readonly Severity[] = ['breaking', 'warning', 'info'];

export interface CappedFacts {
  /** What is listed: the kinds most severe by default first, in report order within a severity. */
  listed: CheckFacts[];
  /** How many of each ID are counted instead, in order of first appearance. */
  unlisted: Map<FindingId, number>;
}

/**
 * Splits more than MAX_FINDINGS_PER_RESPONSE facts into the listed ones and counts of the rest. Which
 * are listed follows the registry's default severities: the checks know no policy (the judge applies
 * CONFORM_SEVERITY), and the summary finding names every ID it counts, so none is lost to the policy.
 */
export function capFacts(facts: readonly CheckFacts[]): CappedFacts {
  const severityOf = (id: FindingId) => FINDING_KINDS[id].severity;
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
  const count = (id: FindingId, n: number) => unlisted.set(id, (unlisted.get(id) ?? 0) + n);
  for (const fact of facts) {
    const severity = severityOf(fact.id);
    const space = room.get(severity)!;
    if (space > 0) {
      listed.push(fact);
      room.set(severity, space - 1);
    } else count(fact.id, 1);
    if (fact.more) count(fact.id, fact.more);
  }
  return { listed, unlisted };
}

/** response-findings-truncated: the one finding that stands for the unlisted ones. It `covers` their IDs, so the judge never rates it below them. */
export const findingsTruncated: Check<CappedFacts, CheckFacts> = {
  ids: ['response-findings-truncated'],
  check: ({ unlisted }) => {
    if (unlisted.size === 0) return NO_FACTS;
    const total = [...unlisted.values()].reduce((a, b) => a + b, 0);
    const counts = [...unlisted].map(([unlistedId, count]) => `${unlistedId} ${count}`).join(', ');
    return [{ id: 'response-findings-truncated', expected: `at most ${MAX_FINDINGS_PER_RESPONSE} findings listed`, observed: `${total} more: ${counts}`, covers: [...unlisted.keys()] }];
  },
};
