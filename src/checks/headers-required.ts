import { NO_FACTS, type ResponseCheck } from './check.ts';

/** response-header-missing: a response header the document marks `required: true` is absent. */
export const headersRequired: ResponseCheck = {
  ids: ['response-header-missing'],
  check: ({ documented, response }) => {
    // Nothing allocated when every required header is there (most responses).
    if (!documented || documented.requiredHeaders.length === 0 || documented.requiredHeaders.every((name) => response.headers[name] !== undefined)) return NO_FACTS;
    return documented.requiredHeaders
      .filter((name) => response.headers[name] === undefined)
      .map((name) => ({ id: 'response-header-missing' as const, expected: name, observed: 'absent' }));
  },
};
