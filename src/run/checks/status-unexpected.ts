import type { CheckFacts } from '../../checks/index.ts';
import type { Check } from '../../findings/index.ts';

/** response-status-unexpected: the case documents one status (404 for an unknown id) and got another. */
export const statusUnexpected: Check<{ expected: number; actual: number }, CheckFacts> = {
  ids: ['response-status-unexpected'],
  check: ({ expected, actual }) => (expected === actual ? [] : [{ id: 'response-status-unexpected', expected: String(expected), observed: String(actual) }]),
};
