import { duplicateKeys } from '../json/duplicate-keys.ts';
import { excerpt } from '../findings/finding.ts';
import { getAtPointer } from '../json/pointer.ts';
import { NO_FACTS, type ResponseCheck } from './check.ts';

/**
 * response-body-duplicate-key: an object repeats a key. This check reads the raw text (costing about
 * a JSON.parse), so it is not one of RESPONSE_CHECKS, the per-response hot path: the suite runtime
 * and `conform check` run it beside them (see checkResponseIntegrity).
 */
export const duplicateKeysCheck: ResponseCheck = {
  ids: ['response-body-duplicate-key'],
  check: ({ json }) =>
    json?.ok
      ? duplicateKeys(json.text).map((pointer) => ({ id: 'response-body-duplicate-key' as const, pointer, expected: 'each key once', observed: `kept ${excerpt(getAtPointer(json.value, pointer))}` }))
      : NO_FACTS,
};
