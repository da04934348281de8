import { describe, expect, it } from 'vitest';
import { runCheck, type Check } from '../../src/findings/check.ts';

describe('runCheck', () => {
  const statusCheck: Check<number> = {
    ids: ['response-status-unexpected'],
    check: (status) => (status === 404 ? [] : status === 418 ? [{ id: 'security-not-enforced' }] : [{ id: 'response-status-unexpected' }]),
  };

  it('passes on what the check reports under the IDs it declares', () => {
    expect(runCheck(statusCheck, 404)).toEqual([]);
    expect(runCheck(statusCheck, 200)).toEqual([{ id: 'response-status-unexpected' }]);
  });

  it('fails loudly on an ID the check does not declare', () => {
    expect(() => runCheck(statusCheck, 418)).toThrow('a check declaring response-status-unexpected reported security-not-enforced, which it does not declare');
  });
});
