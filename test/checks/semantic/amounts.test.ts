import { describe, expect, it } from 'vitest';
import { inspectResponse, responseFacts, type SemanticInput } from '../../../src/checks/index.ts';
import { amountsOf, scaleOf } from '../../../src/checks/semantic/amounts.ts';
import { parseExpression } from '../../../src/checks/semantic/expression.ts';
import { currencyScale } from '../../../src/checks/semantic/currency.ts';
import { isAfter } from '../../../src/checks/semantic/instant.ts';
import { MAX_MATCHES, matchPattern } from '../../../src/checks/semantic/pattern.ts';
import { ISO_ONLY, NO_RULES } from '../../../src/checks/semantic/rules.ts';
import { loadSpec } from '../../../src/spec/load.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const spec = await loadSpec('test/fixtures/specs/money.yaml', { cwd: REPO_ROOT });
const wallet = spec.operations.find((o) => o.key === 'GET /accounts/{account_id}/wallets/{wallet_id}')!;
const inspect = (bodyText: string, semantic?: SemanticInput) =>
  inspectResponse(spec, wallet, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(bodyText) }, semantic);

function parseRule(text: string) {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.expression;
}

describe('amounts a rule reaches', () => {
  it('are paired with their own entry’s currency, and numbers keep the digits as sent (a number’s decimals are its value’s)', () => {
    const amounts = amountsOf(inspect('{"currency": "USD", "amount": 1.50, "holdings": [{"asset": "ETH/18", "amount": 12345678901234567890.5}, {"asset": "jpy", "amount": "7"}]}'));
    expect(amounts.map(({ pointer, encoding, text, scale, currency }) => [pointer, encoding, text, scale, currency])).toEqual([
      ['/amount', 'number', '1.50', 1, { code: 'USD', pointer: '/currency' }],
      ['/holdings/0/amount', 'number', '12345678901234567890.5', 1, { code: 'ETH/18', pointer: '/holdings/0/asset' }],
      ['/holdings/1/amount', 'string', '7', 0, { code: 'jpy', pointer: '/holdings/1/asset' }],
    ]);
  });

  it('are read from the parsed body alone where the text holds no number a double could not keep', () => {
    const [amount] = amountsOf(inspect('{"currency": "USD", "amount": 1.50, "id": "acct_12345"}'));
    expect([amount!.text, amount!.scale]).toEqual(['1.5', 1]);
    const [exact] = amountsOf(inspect('{"currency": "USD", "amount": 1.50, "total": 12345678.123456789}'));
    expect([exact!.text, exact!.scale]).toEqual(['1.50', 1]);
  });

  it('a number written with an exponent has its value’s decimals, however far the exponent reaches', () => {
    const scales = (bodyText: string) => amountsOf(inspect(bodyText)).map(({ text, scale }) => [text, scale]);
    expect(scales('{"currency": "JPY", "amount": 100e-2, "holdings": [{"asset": "USD", "amount": 1.50E+1}, {"asset": "USD", "amount": 1.5e-3}]}')).toEqual([
      ['100e-2', 0],
      ['1.50E+1', 0],
      ['1.5e-3', 4],
    ]);
    expect(scales('{"currency": "USD", "amount": 1e999999999, "holdings": [{"asset": "USD", "amount": 1e-999999999}, {"asset": "USD", "amount": 1e1234567890}]}')).toEqual([
      ['1e999999999', 0],
      ['1e-999999999', 999999999],
      ['1e1234567890', null],
    ]);
  });

  it('a string at a place an invariant also reads has its decimals as written, decimal or not', () => {
    const rule = (text: string) => ({ text, check: parseRule(text), when: null, source: { origin: 'vendor-file' as const, file: 'vendors/x.yaml', line: 4 } });
    const declared = { ...NO_RULES, invariants: [rule('/amount >= 0'), rule('/available >= 0')] };
    const strings = (bodyText: string) => amountsOf(inspect(bodyText, { declared, currencies: ISO_ONLY, params: null })).map(({ pointer, text, scale }) => [pointer, text, scale]);
    // The figure the invariant reads gives the decimals; text no figure is (an exponent, a word) is read as written.
    expect(strings('{"currency": "USD", "amount": "1000.50", "available": "1.5e3"}')).toEqual([
      ['/amount', '1000.50', 2],
      ['/available', '1.5e3', 0],
    ]);
    expect(strings('{"currency": "USD", "amount": "-0.125", "available": "ten"}')).toEqual([
      ['/amount', '-0.125', 3],
      ['/available', 'ten', null],
    ]);
  });

  it('a declared rule wins over the recognised one at the same place (its fixed asset is the currency)', () => {
    const declared = { ...NO_RULES, amounts: [{ at: '/amount', currency: { asset: 'BTC/8' }, source: { origin: 'vendor-file' as const, file: 'vendors/x.yaml', line: 3 } }] };
    const [amount] = amountsOf(inspect('{"currency": "USD", "amount": 1.5}', { declared, currencies: ISO_ONLY, params: null }));
    expect(amount!.currency).toEqual({ code: 'BTC/8', pointer: null });
  });

  it('are how the response facts record each encoding once, indices as *', () => {
    const context = inspect('{"currency": "USD", "amount": 2, "available": "1.50", "holdings": [{"asset": "EUR", "amount": "1.25"}, {"asset": "EUR", "amount": "2.50"}, {"asset": "EUR", "amount": 3.5}]}');
    expect(responseFacts(context).amounts).toEqual([
      { pointer: '/amount', encoding: 'number', scale: 0 },
      { pointer: '/available', encoding: 'string', scale: 2 },
      { pointer: '/holdings/*/amount', encoding: 'string', scale: 2 },
      { pointer: '/holdings/*/amount', encoding: 'number', scale: 1 },
    ]);
  });

  it('are none on an error answer', () => {
    const context = inspectResponse(spec, wallet, { status: 500, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"amount": 1}') });
    expect(amountsOf(context)).toEqual([]);
  });
});

describe('pointer patterns', () => {
  it('stop at MAX_MATCHES however long the list', () => {
    const body = { items: Array.from({ length: MAX_MATCHES + 5 }, (_, i) => ({ amount: i })) };
    expect(matchPattern(body, '/items/*/amount')).toHaveLength(MAX_MATCHES);
  });

  it('match array indices and keys, escape what they bind, and never an inherited member', () => {
    const body = JSON.parse('{"a/b": [{"x": 1}], "__proto__": {"x": 2}}') as unknown;
    expect(matchPattern(body, '/*/0/x').map((m) => [m.pointer, m.value, m.bindings])).toEqual([['/a~1b/0/x', 1, ['a/b']]]);
    expect(matchPattern(body, '/__proto__/x').map((m) => m.value)).toEqual([2]);
    expect(matchPattern({}, '/constructor')).toEqual([]);
    expect(matchPattern({ a: [1] }, '/a/01')).toEqual([]);
  });
});

describe('scale as written', () => {
  it.each([
    ['1000', 0],
    ['1000.50', 2],
    ['-0.001', 3],
    ['1.5e-3', 4],
    ['15e-1', 1],
    ['1.5e3', 0],
    ['1.5E+1', 0],
  ])('%s has %i decimals', (text, scale) => expect(scaleOf(text)).toBe(scale));

  it.each(['', '-', 'abc', '1.', '.5', '1e', '1.5x', '1e1234567890'])('%j is no decimal', (text) => expect(scaleOf(text)).toBeNull());
});

describe('currencies', () => {
  it('ISO 4217 minor units from the maintained list, in any case; none for units without one', () => {
    expect(['usd', 'JPY', 'BHD', 'CLF', 'XAU', 'XDR'].map((code) => currencyScale(code, ISO_ONLY).decimals)).toEqual([2, 0, 3, 4, null, null]);
  });

  it('asset notations carry their scale, and their code is known as any other; anything else that is not ISO is unknown unless declared', () => {
    expect(currencyScale('ETH/18', { declared: { ETH: 18 }, anyCode: false })).toEqual({ known: true, decimals: 18, label: 'ETH/18' });
    expect(currencyScale('ETH/18', ISO_ONLY)).toEqual({ known: false, decimals: 18, label: 'ETH/18' });
    expect(currencyScale('usd/4', ISO_ONLY)).toEqual({ known: true, decimals: 4, label: 'usd/4' });
    expect(currencyScale('FOO/2', ISO_ONLY).known).toBe(false);
    expect(currencyScale('FOO/2', { declared: {}, anyCode: true }).known).toBe(true);
    expect(currencyScale('ETH/1234', ISO_ONLY).known).toBe(false);
    expect(currencyScale('/18', ISO_ONLY).known).toBe(false);
    expect(currencyScale('x'.repeat(10_000), ISO_ONLY)).toMatchObject({ known: false, decimals: null });
    expect(currencyScale('pts', { declared: { PTS: 1 }, anyCode: false })).toEqual({ known: true, decimals: 1, label: 'PTS' });
    expect(currencyScale('USD', { declared: { USD: null }, anyCode: false }).decimals).toBeNull();
  });
});

describe('instants', () => {
  it.each([
    ['2026-02-25T21:06:38Z', '2026-02-25T21:06:37Z', true],
    ['2026-02-25T21:06:37.5Z', '2026-02-25T21:06:37.123Z', true],
    ['2026-02-25T21:06:37.100Z', '2026-02-25T21:06:37.1Z', false],
    ['2026-02-25T23:00:00+02:00', '2026-02-25T21:30:00Z', false],
    ['2026-02-25T21:00:00-01:00', '2026-02-25T21:30:00Z', true],
    ['0050-01-02T00:00:00Z', '1950-01-01T00:00:00+01:00', false],
  ])('%s after %s: %s', (a, b, after) => expect(isAfter(a, b)).toBe(after));

  it('are not compared when either is no date-time', () => {
    expect(isAfter('2026-02-30T00:00:00Z', '2026-02-01T00:00:00Z')).toBeNull();
    expect(isAfter('yesterday', '2026-02-01T00:00:00Z')).toBeNull();
  });
});
