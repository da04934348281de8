import { NO_FACTS, type ResponseCheck } from './check.ts';

/** response-status-undocumented: no exact, range or default response covers the status. */
export const statusDocumented: ResponseCheck = {
  ids: ['response-status-undocumented'],
  check: ({ documented, operation, response }) =>
    documented
      ? NO_FACTS
      : [{ id: 'response-status-undocumented', expected: operation.responses.map((r) => r.statusKey).join(', ') || 'none', observed: String(response.status) }],
};
