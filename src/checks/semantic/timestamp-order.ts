import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { applicableBody, applicableRules } from './applicable.ts';
import { isAfter } from './instant.ts';
import { bindPattern } from './pattern.ts';
import { perRules, placesOf, type Place } from './places.ts';
import type { RuleBody } from './rule-body.ts';

/**
 * timestamp-order-violated: a creation time after the last update or the deletion, and a deletion
 * time on the resource a GET just answered (it is live; a list's items may be deleted). A timestamp
 * that is no RFC 3339 date-time is the format check's business and is skipped here.
 */
export const timestampOrder: ResponseCheck = {
  ids: ['timestamp-order-violated'],
  check: (context) => {
    const rules = applicableRules(context);
    if (!rules || rules.timestamps.length === 0) return NO_FACTS;
    const body = applicableBody(context)!;
    const found = new Found(body, context.operation.method === 'GET');
    for (const plan of plansOf(rules)) {
      // A place without `*` (a resource's own timestamps) is read without a visit.
      if (plan.created.slot >= 0) found.check(plan, body.at(plan.created.slot), NO_BINDINGS);
      else body.visit(plan.created, (created, bindings) => found.check(plan, created, bindings));
    }
    return found.facts ?? NO_FACTS;
  },
};

const NO_BINDINGS: readonly string[] = Object.freeze([]);

/** A timestamp rule's places: per operation, not per response. */
interface Plan {
  created: Place;
  later: Array<{ place: Place; what: 'updated' | 'deleted' }>;
  deleted: Place | null;
}

const plansOf = perRules((rules): Plan[] => {
  const places = placesOf(rules);
  const placeOf = (text: string | null) => (text === null ? null : places.place(text));
  return rules.timestamps.map(({ created, updated, deleted }) => ({
    created: places.place(created),
    later: [
      { place: placeOf(updated), what: 'updated' as const },
      { place: placeOf(deleted), what: 'deleted' as const },
    ].filter((later): later is Plan['later'][number] => later.place !== null),
    deleted: placeOf(deleted),
  }));
});

/** The facts of one body's timestamps: none is built while every timestamp is in order. */
class Found {
  facts: CheckFacts[] | undefined;

  constructor(
    private readonly body: RuleBody,
    private readonly get: boolean,
  ) {}

  check(plan: Plan, created: unknown, bindings: readonly string[]): void {
    if (typeof created !== 'string') return;
    for (const { place, what } of plan.later) {
      const time = this.body.valueAt(place, bindings);
      if (typeof time !== 'string' || !isAfter(created, time)) continue;
      (this.facts ??= []).push({ id: 'timestamp-order-violated', pointer: bindPattern(plan.created.pattern, bindings)!, expected: `not after ${time} (${what}, ${bindPattern(place.pattern, bindings)})`, observed: created });
    }
    const deleted = plan.deleted === null ? undefined : this.body.valueAt(plan.deleted, bindings);
    // Only the resource itself (no `*` bound): a list may hold deleted items.
    if (this.get && bindings.length === 0 && deleted !== null && deleted !== undefined) {
      const observed = typeof deleted === 'string' ? deleted : JSON.stringify(deleted);
      (this.facts ??= []).push({ id: 'timestamp-order-violated', pointer: bindPattern(plan.deleted!.pattern, bindings), expected: 'null (a live resource)', observed });
    }
  }
}
