import type { CheckFacts } from '../../checks/index.ts';
import type { Check } from '../../findings/index.ts';

/**
 * The status a case expects: one code, or any code of a class where the document only says `2XX`,
 * `4XX` or `default` (a derived case cannot name a code the vendor never documented).
 */
export type ExpectedStatus = number | '2XX' | '4XX';

export function statusMeets(expected: ExpectedStatus, actual: number): boolean {
  return typeof expected === 'number' ? expected === actual : Math.floor(actual / 100) === Number(expected[0]);
}

/** response-status-unexpected: the case documents one status (404 for an unknown id), or one class, and got another. */
export const statusUnexpected: Check<{ expected: ExpectedStatus; actual: number }, CheckFacts> = {
  ids: ['response-status-unexpected'],
  check: ({ expected, actual }) => (statusMeets(expected, actual) ? [] : [{ id: 'response-status-unexpected', expected: String(expected), observed: String(actual) }]),
};
