import type { CheckFacts } from '../../checks/index.ts';
import type { Check } from '../../findings/index.ts';
import { statusMeets, type ExpectedStatus } from '../../results/index.ts';


/** response-status-unexpected: the case documents one status (404 for an unknown id), or one class, and got another. */
export const statusUnexpected: Check<{ expected: ExpectedStatus; actual: number }, CheckFacts> = {
  ids: ['response-status-unexpected'],
  check: ({ expected, actual }) => (statusMeets(expected, actual) ? [] : [{ id: 'response-status-unexpected', expected: String(expected), observed: String(actual) }]),
};
