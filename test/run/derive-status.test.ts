import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/findings/index.ts';
import { statusUnexpected } from '../../src/run/checks/status-unexpected.ts';

describe('response-status-unexpected with a status class (a derived case whose document says only 2XX, 4XX or default)', () => {
  it('a code of the class meets it; a code of another class is unexpected, reported against the class', () => {
    expect(runCheck(statusUnexpected, { expected: '4XX', actual: 404 })).toEqual([]);
    expect(runCheck(statusUnexpected, { expected: '4XX', actual: 499 })).toEqual([]);
    expect(runCheck(statusUnexpected, { expected: '2XX', actual: 204 })).toEqual([]);
    expect(runCheck(statusUnexpected, { expected: '4XX', actual: 500 })).toEqual([{ id: 'response-status-unexpected', expected: '4XX', observed: '500' }]);
    expect(runCheck(statusUnexpected, { expected: '2XX', actual: 404 })).toEqual([{ id: 'response-status-unexpected', expected: '2XX', observed: '404' }]);
  });

  it('a code still means exactly that code', () => {
    expect(runCheck(statusUnexpected, { expected: 404, actual: 404 })).toEqual([]);
    expect(runCheck(statusUnexpected, { expected: 404, actual: 400 })).toEqual([{ id: 'response-status-unexpected', expected: '404', observed: '400' }]);
  });
});
