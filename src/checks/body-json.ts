import { NO_FACTS, type ResponseCheck } from './check.ts';

/** response-body-not-json: declared or documented as JSON, but empty, not UTF-8, or not parseable. */
export const bodyJson: ResponseCheck = {
  ids: ['response-body-not-json'],
  check: ({ json }) => (json && !json.ok ? [{ id: 'response-body-not-json', expected: 'a JSON document', observed: json.problem }] : NO_FACTS),
};
