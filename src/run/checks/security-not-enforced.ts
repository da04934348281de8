import type { CheckFacts } from '../../checks/index.ts';
import type { Check } from '../../findings/index.ts';
import type { Operation } from '../../spec/index.ts';
import type { CredentialUse } from '../../vendors/index.ts';

/** security-not-enforced: a request without, or with invalid, credentials succeeded on a secured operation. */
export const securityNotEnforced: Check<{ operation: Operation; credential: CredentialUse; status: number }, CheckFacts> = {
  ids: ['security-not-enforced'],
  check: ({ operation, credential, status }) => {
    const declared = operation.security.some((requirement) => Object.keys(requirement).length > 0);
    if (!declared || (credential !== 'none' && credential !== 'invalid') || status < 200 || status > 299) return [];
    return [{ id: 'security-not-enforced', expected: credential === 'none' ? 'without credentials' : 'with invalid credentials', observed: String(status) }];
  },
};
