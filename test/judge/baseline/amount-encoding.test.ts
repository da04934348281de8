import { describe, expect, it } from 'vitest';
import { buildBaseline, compareToBaseline, type Baseline } from '../../../src/judge/baseline/index.ts';
import type { CaseResult } from '../../../src/results/index.ts';
import { runSandbox } from '../../support/sandbox-run.ts';

const BALANCES = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances';

// The amounts' encodings as the money checks carried them on each case result (derived.amounts), from real sandbox answers.
const faithful = (await runSandbox('midaz')).results;
// The fixture balance as the faithful sandbox writes it: decimal strings, "0" and the rest with 2 decimals.
const SCALES: Record<string, number> = {
  '/available': 0,
  '/onHold': 2,
  '/overdraftUsed': 2,
  '/settings/overdraftLimit': 2,
  '/position/available': 2,
  '/position/onHold': 2,
  '/position/overdraftLimitAvailable': 2,
};
const asNumbers = (await runSandbox('midaz', { scenario: 'amounts-as-numbers' })).results;
const baseline = buildBaseline(faithful, { vendor: 'midaz', mode: 'sandbox', updatedAt: '2026-02-01T00:00:00.000Z' });
const changes = (against: Baseline, results: readonly CaseResult[]) =>
  compareToBaseline(against, results, 'midaz').shapeFindings.map(({ id, case: name, pointer, expected, observed }) => ({ id, case: name, pointer, expected, observed }));

describe('the baseline records how amounts are written', () => {
  it('by operation, status and pointer: the encoding and a decimal string’s decimals', () => {
    expect(baseline.operations[BALANCES]!.responses['200']!.amounts).toEqual(
      Object.fromEntries(Object.entries(SCALES).map(([pointer, scale]) => [pointer, { encodings: ['string'], scales: [scale] }])),
    );
  });

  it('records no amounts where no rule reached one, so the file is as before', () => {
    expect(baseline.operations[BALANCES]!.responses['404']).not.toHaveProperty('amounts');
  });
});

describe('amount-encoding-changed', () => {
  it('is not reported for a run written as the baseline recorded', () => {
    expect(changes(baseline, faithful)).toEqual([]);
  });

  it('reports each amount that turned from a decimal string into a number, and no shape change for it', () => {
    const byPointer = (a: { pointer: string | null }, b: { pointer: string | null }) => a.pointer!.localeCompare(b.pointer!);
    expect(changes(baseline, asNumbers).sort(byPointer)).toEqual(
      // As numbers, 89.90 is 89.9 and 5000.00 is 5000: a number's decimals are its value's.
      Object.entries({ ...SCALES, '/onHold': 1, '/position/onHold': 1, '/settings/overdraftLimit': 0 }).map(([pointer, written]) => ({
        id: 'amount-encoding-changed',
        case: 'balances',
        pointer,
        expected: `decimal string, ${SCALES[pointer]} decimals`,
        observed: `number, ${written} decimal${written === 1 ? '' : 's'}`,
      })).sort(byPointer),
    );
  });

  it('reports a decimal string written with other decimals', () => {
    const fourDecimals = faithful.map((r) => (r.case === 'balances' ? { ...r, derived: { ...r.derived!, amounts: [{ pointer: '/onHold', encoding: 'string' as const, scale: 4 }] } } : r));
    expect(changes(baseline, fourDecimals)).toEqual([{ id: 'amount-encoding-changed', case: 'balances', pointer: '/onHold', expected: 'decimal string, 2 decimals', observed: 'decimal string, 4 decimals' }]);
  });

  it('is not reported where the baseline shows no fixed width: a field seen as "0", or with several scales', () => {
    const withScale = (pointer: string, scale: number) => faithful.map((r) => (r.case === 'balances' ? { ...r, derived: { ...r.derived!, amounts: [{ pointer, encoding: 'string' as const, scale }] } } : r));
    expect(changes(baseline, withScale('/available', 2))).toEqual([]);
    const twoWidths = structuredClone(baseline);
    twoWidths.operations[BALANCES]!.responses['200']!.amounts!['/onHold']!.scales = [1, 2];
    expect(changes(twoWidths, withScale('/onHold', 4))).toEqual([]);
  });

  it('is not reported against a baseline written before amounts were recorded', () => {
    const older = structuredClone(baseline);
    delete older.operations[BALANCES]!.responses['200']!.amounts;
    expect(changes(older, asNumbers)).toEqual([]);
  });
});
