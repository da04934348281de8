import type { CheckFacts } from '../../checks/index.ts';

/** response-status-unexpected: the case documents one status (404 for an unknown id) and got another. */
export function statusUnexpected(expected: number, actual: number): CheckFacts[] {
  return expected === actual ? [] : [{ id: 'response-status-unexpected', expected: String(expected), observed: String(actual) }];
}
