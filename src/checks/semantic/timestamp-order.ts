import { getAtPointer } from '../../json/index.ts';
import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { applicableRules } from './applicable.ts';
import { isAfter } from './instant.ts';
import { bindPattern, matchPattern } from './pattern.ts';

/**
 * timestamp-order-violated: a creation time after the last update or the deletion, and a deletion
 * time on the resource a GET just answered (it is live). A timestamp that is no RFC 3339 date-time
 * is the format check's business and is skipped here.
 */
export const timestampOrder: ResponseCheck = {
  ids: ['timestamp-order-violated'],
  check: (context) => {
    const rules = applicableRules(context);
    if (!rules || rules.timestamps.length === 0 || !context.json?.ok) return NO_FACTS;
    const body = context.json.value;
    let facts: CheckFacts[] | undefined;
    for (const rule of rules.timestamps) {
      for (const { pointer, value: created, bindings } of matchPattern(body, rule.created)) {
        if (typeof created !== 'string') continue;
        const at = (pattern: string | null) => (pattern === null ? null : bindPattern(pattern, bindings));
        for (const [later, what] of [[at(rule.updated), 'updated'], [at(rule.deleted), 'deleted']] as const) {
          const time = later === null ? undefined : getAtPointer(body, later);
          if (typeof time === 'string' && isAfter(created, time)) (facts ??= []).push({ id: 'timestamp-order-violated', pointer, expected: `not after ${time} (${what}, ${later})`, observed: created });
        }
        const deletion = at(rule.deleted);
        const deleted = deletion === null ? undefined : getAtPointer(body, deletion);
        if (context.operation.method === 'GET' && deleted !== null && deleted !== undefined) {
          (facts ??= []).push({ id: 'timestamp-order-violated', pointer: deletion, expected: 'null (a live resource)', observed: typeof deleted === 'string' ? deleted : JSON.stringify(deleted) });
        }
      }
    }
    return facts ?? NO_FACTS;
  },
};
