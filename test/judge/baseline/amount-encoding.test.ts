import { describe, expect, it } from 'vitest';
import type { AmountEncoding } from '../../../src/checks/index.ts';
import { buildBaseline, compareToBaseline, type Baseline } from '../../../src/judge/baseline/index.ts';
import { rawValueAt } from '../../../src/json/index.ts';
import type { CaseResult } from '../../../src/results/index.ts';
import { runSandbox } from '../../support/sandbox-run.ts';

const BALANCES = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances';
const AMOUNTS = ['/available', '/onHold', '/position/available'];

/**
 * The balance amounts' encodings as the money checks carry them on a case result (derived.amounts),
 * read here from the body as sent, so the baseline is tested on what a real sandbox wrote.
 */
function withAmounts(results: readonly CaseResult[]): CaseResult[] {
  return results.map((result) => {
    if (result.operation !== BALANCES || result.response?.status !== 200) return result;
    const amounts = AMOUNTS.map((pointer): AmountEncoding => {
      const raw = rawValueAt(result.response!.body, pointer)!;
      const digits = raw.replace(/"/g, '');
      return { pointer, encoding: raw.startsWith('"') ? 'string' : 'number', scale: digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0 };
    });
    return { ...result, derived: { ...result.derived!, amounts } };
  });
}

const faithful = withAmounts((await runSandbox('midaz')).results);
const asNumbers = withAmounts((await runSandbox('midaz', { scenario: 'amounts-as-numbers' })).results);
const baseline = buildBaseline(faithful, { vendor: 'midaz', mode: 'sandbox', updatedAt: '2026-02-01T00:00:00.000Z' });
const changes = (against: Baseline, results: readonly CaseResult[]) =>
  compareToBaseline(against, results, 'midaz').shapeFindings.map(({ id, case: name, pointer, expected, observed }) => ({ id, case: name, pointer, expected, observed }));

describe('the baseline records how amounts are written', () => {
  it('by operation, status and pointer: the encoding and a decimal string’s decimals', () => {
    expect(baseline.operations[BALANCES]!.responses['200']!.amounts).toEqual({
      '/available': { encodings: ['string'], scales: [0] },
      '/onHold': { encodings: ['string'], scales: [0] },
      '/position/available': { encodings: ['string'], scales: [0] },
    });
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
    expect(changes(baseline, asNumbers)).toEqual(
      AMOUNTS.map((pointer) => ({ id: 'amount-encoding-changed', case: 'balances', pointer, expected: 'decimal string, 0 decimals', observed: 'number, 0 decimals' })),
    );
  });

  it('reports a decimal string written with other decimals', () => {
    const twoDecimals = faithful.map((r) => (r.case === 'balances' ? { ...r, derived: { ...r.derived!, amounts: [{ pointer: '/onHold', encoding: 'string' as const, scale: 2 }] } } : r));
    expect(changes(baseline, twoDecimals)).toEqual([{ id: 'amount-encoding-changed', case: 'balances', pointer: '/onHold', expected: 'decimal string, 0 decimals', observed: 'decimal string, 2 decimals' }]);
  });

  it('is not reported against a baseline written before amounts were recorded', () => {
    const older = structuredClone(baseline);
    delete older.operations[BALANCES]!.responses['200']!.amounts;
    expect(changes(older, asNumbers)).toEqual([]);
  });
});
