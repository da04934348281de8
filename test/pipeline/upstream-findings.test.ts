import { describe, expect, it } from 'vitest';
import { upstreamFindings } from '../../src/pipeline/upstream/findings.ts';
import type { SpecChange } from '../../src/spec/index.ts';

const change: SpecChange = { id: 'response-property-enum-value-added', level: 'WARN', severity: 'breaking', reason: 'a strict client breaks', operation: 'GET /x/{id}', status: '200', where: '/state', value: 'frozen' };
const fingerprintOf = (edit: Partial<SpecChange>) => upstreamFindings({ vendor: 'whop', changes: [{ ...change, ...edit }] })[0]!.fingerprint;

describe('spec-changed-upstream findings', () => {
  it('are made for breaking changes only, with no pointer, what and where in observed', () => {
    const findings = upstreamFindings({ vendor: 'whop', changes: [change, { ...change, severity: 'warning', value: 'paused' }, { ...change, severity: 'info', value: 'gone' }] });
    expect(findings).toEqual([
      expect.objectContaining({ id: 'spec-changed-upstream', vendor: 'whop', case: 'upstream document', operation: 'GET /x/{id}', status: 200, pointer: null, observed: 'response-property-enum-value-added at /state ("frozen") in 200' }),
    ]);
  });

  it('keep a status that is not a number (default, 2XX) in observed, and none as the status', () => {
    const [finding] = upstreamFindings({ vendor: 'whop', changes: [{ ...change, status: 'default' }] });
    expect(finding).toMatchObject({ status: null, observed: 'response-property-enum-value-added at /state ("frozen") in default' });
  });

  it('have a fingerprint of the change ID, operation, status, where and value, and nothing else', () => {
    const same = fingerprintOf({ reason: 'other words', level: 'ERR' });
    expect(same).toBe(fingerprintOf({}));
    const others = [{ id: 'response-property-enum-value-removed' }, { operation: 'GET /y' }, { status: '201' }, { where: '/other' }, { value: 'paused' }].map(fingerprintOf);
    expect(new Set([same, ...others]).size).toBe(6);
  });
});
