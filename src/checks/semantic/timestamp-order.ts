import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { applicableRules } from './applicable.ts';
import { isAfter } from './instant.ts';
import { bindPattern, valueAt, visitPattern } from './pattern.ts';

/**
 * timestamp-order-violated: a creation time after the last update or the deletion, and a deletion
 * time on the resource a GET just answered (it is live; a list's items may be deleted). A timestamp
 * that is no RFC 3339 date-time is the format check's business and is skipped here.
 */
export const timestampOrder: ResponseCheck = {
  ids: ['timestamp-order-violated'],
  check: (context) => {
    const rules = applicableRules(context);
    if (!rules || rules.timestamps.length === 0 || !context.json?.ok) return NO_FACTS;
    const body = context.json.value;
    let facts: CheckFacts[] | undefined;
    for (const rule of rules.timestamps) {
      visitPattern(body, rule.created, (pointer, created, bindings) => {
        if (typeof created !== 'string') return;
        for (const [later, what] of [[rule.updated, 'updated'], [rule.deleted, 'deleted']] as const) {
          const time = later === null ? undefined : valueAt(body, later, bindings);
          if (typeof time !== 'string' || !isAfter(created, time)) continue;
          (facts ??= []).push({ id: 'timestamp-order-violated', pointer, expected: `not after ${time} (${what}, ${bindPattern(later!, bindings)})`, observed: created });
        }
        const deleted = rule.deleted === null ? undefined : valueAt(body, rule.deleted, bindings);
        // Only the resource itself (no `*` bound): a list may hold deleted items.
        if (context.operation.method === 'GET' && bindings.length === 0 && deleted !== null && deleted !== undefined) {
          const observed = typeof deleted === 'string' ? deleted : JSON.stringify(deleted);
          (facts ??= []).push({ id: 'timestamp-order-violated', pointer: bindPattern(rule.deleted!, bindings), expected: 'null (a live resource)', observed });
        }
      });
    }
    return facts ?? NO_FACTS;
  },
};
