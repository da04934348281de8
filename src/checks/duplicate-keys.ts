import { duplicateKeys } from '../json/index.ts';
import { excerpt } from '../findings/index.ts';
import { MAX_FINDINGS_PER_RESPONSE } from './cap.ts';
import { NO_FACTS, type CheckFacts, type ResponseCheck } from './check.ts';

/**
 * response-body-duplicate-key: an object repeats a key. This check reads the raw text (costing about
 * a JSON.parse), so it is not one of RESPONSE_CHECKS, the per-response hot path: the suite runtime
 * and `conform check` run it beside them (INTEGRITY_CHECKS).
 */
export const duplicateKeysCheck: ResponseCheck = {
  ids: ['response-body-duplicate-key'],
  check: ({ json }) => {
    if (!json?.ok) return NO_FACTS;
    // No more than the cap can list, and no more pointer text than the body itself could hold: a
    // pointer costs its depth, and a hostile body nests 100,000 deep (100 such pointers: 60 MB).
    const { found, count } = duplicateKeys(json.text, json.value, { keys: MAX_FINDINGS_PER_RESPONSE, pointerChars: json.text.length });
    const facts: CheckFacts[] = found.map(({ pointer, kept }) => ({ id: 'response-body-duplicate-key', pointer, expected: 'each key once', observed: `kept ${excerpt(kept)}` }));
    if (count > found.length) facts[facts.length - 1]!.more = count - found.length;
    return facts;
  },
};
