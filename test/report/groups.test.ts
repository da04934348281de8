import { describe, expect, it } from 'vitest';
import { makeFinding, type FindingFacts } from '../../src/findings/finding.ts';
import { groupFindings, kindOf } from '../../src/report/groups.ts';
import type { FindingState, ReportedFinding } from '../../src/report/types.ts';
import { shown } from './formats/sample-reports.ts';

const LEDGER = 'GET /ledger_accounts/{id}';

function finding(theCase: string, facts: Partial<FindingFacts>, state: FindingState = 'new'): ReportedFinding {
  const base: FindingFacts = { id: 'response-property-type-mismatch', vendor: 'whop', operation: LEDGER, status: 200, pointer: '/balances/0/balance', expected: 'number', observed: 'string "1.00"' };
  return { ...shown(makeFinding({ ...base, ...facts })), case: theCase, state };
}

describe('groupFindings: one row per root cause', () => {
  it('amounts sent as strings in every item of every case are one group per field, occurrences kept in order', () => {
    const findings = ['by ledger account id', 'by company id'].flatMap((theCase) =>
      [0, 1].flatMap((item) => ['balance', 'pending_balance'].map((field) => finding(theCase, { pointer: `/balances/${item}/${field}`, observed: `string "${item}.50"` }))),
    );
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.pointerPattern, g.occurrences.length, g.cases])).toEqual([
      ['/balances/*/balance', 4, ['by ledger account id', 'by company id']],
      ['/balances/*/pending_balance', 4, ['by ledger account id', 'by company id']],
    ]);
    expect(groups[0]!.occurrences[1]).toEqual({ case: 'by ledger account id', pointer: '/balances/1/balance', observed: 'string "1.50"' });
    expect(groups[0]!.finding).toBe(findings[0]);
    // Occurrences add up to the findings: nothing is dropped or counted twice.
    expect(groups.reduce((sum, g) => sum + g.occurrences.length, 0)).toBe(findings.length);
  });

  it('splits what differs in kind, expectation, operation, status, severity or state', () => {
    const groups = groupFindings([
      finding('a', {}),
      finding('a', { observed: 'null' }),
      finding('a', { expected: 'integer' }),
      finding('a', { status: 201 }),
      finding('a', { operation: 'GET /other/{id}' }),
      finding('a', { id: 'response-property-missing', observed: null }),
      finding('b', {}, 'known'),
      { ...finding('c', {}), severity: 'warning' },
    ]);
    expect(groups).toHaveLength(8);
  });

  it('keeps findings that are not about the body apart by their fingerprint', () => {
    const groups = groupFindings([
      finding('a', { id: 'response-status-undocumented', pointer: null, expected: '200, 404', observed: '418' }),
      finding('b', { id: 'response-status-undocumented', pointer: null, expected: '200, 404', observed: '418' }),
    ]);
    expect(groups.map((g) => [g.pointerPattern, g.cases])).toEqual([[null, ['a', 'b']]]);
  });
});

describe('kindOf', () => {
  it.each([
    ['string "12.50"', 'string'],
    ['number 12', 'number'],
    ['null', 'null'],
    ['"frozen"', 'string'],
    ['12', 'number'],
    ['-0.5', 'number'],
    ['true', 'boolean'],
    ['{"a":1}', 'object'],
    ['[1]', 'array'],
    ['text/html', 'text'],
    ['strings are text', 'text'],
  ])('%s is %s', (observed, kind) => {
    expect(kindOf(observed)).toBe(kind);
  });

  it('has no kind for nothing observed', () => {
    expect(kindOf(null)).toBeNull();
  });
});
