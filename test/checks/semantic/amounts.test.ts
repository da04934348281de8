import { describe, expect, it } from 'vitest';
import { checkResponse, inspectResponse, responseFacts, type SemanticInput } from '../../../src/checks/index.ts';
import { amountsOf, printsMoreDecimals, reportableAmounts, scaleOf } from '../../../src/checks/semantic/amounts.ts';
import { parseExpression } from '../../../src/checks/semantic/expression.ts';
import { currencyScale } from '../../../src/checks/semantic/currency.ts';
import { isAfter } from '../../../src/checks/semantic/instant.ts';
import { MAX_MATCHES, matchPattern } from '../../../src/checks/semantic/pattern.ts';
import { ISO_ONLY, NO_RULES } from '../../../src/checks/semantic/rules.ts';
import { loadSpec } from '../../../src/spec/load.ts';
import { REPO_ROOT } from '../../support/paths.ts';
import { mulberry32 } from '../../support/seeded-random.ts';

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

  it("tells whether a number prints more decimals than allowed as String's text does, on 50,000 generated numbers", () => {
    const next = mulberry32(16);
    const digits = (count: number) => Array.from({ length: count }, () => String(Math.floor(next() * 10))).join('');
    // Decimals of 1-19 digits at scales 0-12, as a vendor writes them; doubles from arithmetic (0.1 + 0.2); tiny and huge ones.
    const numbers = [0.1 + 0.2, 1e-7, 5e-324, 1e21, 123456789012345.6, 9007199254740993, -0.5, 88.1, 1520.75];
    for (let i = 0; i < 50_000; i++) {
      const text = `${next() < 0.3 ? '-' : ''}${digits(1 + Math.floor(next() * 10))}.${digits(Math.floor(next() * 13))}`.replace(/\.$/, '');
      numbers.push(i % 5 === 0 ? Number(text) * (1 + next()) : Number(text));
    }
    const wrong: string[] = [];
    for (const value of numbers) {
      for (const decimals of [0, 2, 3, 8, 18, 25]) {
        if (printsMoreDecimals(value, decimals) !== scaleOf(String(value))! > decimals) wrong.push(`${value} at ${decimals}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
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

describe('the amount screen where every amount and currency sits at a plain place (read slot by slot)', async () => {
  const { specOf, answering } = await import('./spec-of.ts');
  // A document that names no member: nothing is recognised, so the declared plain places are all the amounts.
  const plainSpec = await specOf({ '/balance': { get: answering({ type: 'object' }) } });
  const operation = plainSpec.operations[0]!;
  const source = { origin: 'vendor-file' as const, file: 'vendors/x.yaml', line: 2 };
  const declared = {
    ...NO_RULES,
    amounts: [
      { at: '/usd', currency: { pointer: '/usdCode' }, source },
      { at: '/jpy', currency: { pointer: '/jpyCode' }, source },
      { at: '/fixed', currency: { asset: 'JPY' }, source },
      { at: '/free', currency: { pointer: '/none' }, source },
      { at: '/other', currency: { pointer: '/otherCode' }, source },
    ],
  };
  const findings = (body: Record<string, unknown>) =>
    checkResponse(plainSpec, operation, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body).replace('"BIG"', '9007199254740993')) }, { semantic: { declared, currencies: ISO_ONLY, params: null } })
      .filter((f) => f.id.startsWith('amount-') || f.id === 'currency-code-unknown')
      .map((f) => [f.id, f.pointer]);
  const clean = { usdCode: 'USD', usd: '1.50', jpyCode: 'JPY', jpy: '7', fixed: 7, free: '0.125', otherCode: 'EUR', other: 2.25 };

  it('finds nothing in a body whose every amount fits its currency, and builds no amount for it', () => {
    expect(findings(clean)).toEqual([]);
    const context = inspectResponse(plainSpec, operation, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(clean)) }, { declared, currencies: ISO_ONLY, params: null });
    expect(reportableAmounts(context)).toEqual([]);
    expect(amountsOf(context)).toHaveLength(5);
  });

  it('holds each amount to its own currency, the one read just before it not carried over', () => {
    expect(findings({ ...clean, jpy: '7.5' })).toEqual([['amount-scale-exceeds-currency', '/jpy']]);
    expect(findings({ ...clean, usd: '1.505' })).toEqual([['amount-scale-exceeds-currency', '/usd']]);
  });

  it('holds an amount to a rule’s fixed asset, and a number to its value’s decimals', () => {
    expect(findings({ ...clean, fixed: 7.5 })).toEqual([['amount-scale-exceeds-currency', '/fixed']]);
    expect(findings({ ...clean, fixed: '7.0' })).toEqual([['amount-scale-exceeds-currency', '/fixed']]);
  });

  it('reports a code sent that is no currency, and a number beyond 2^53 even with no currency', () => {
    expect(findings({ ...clean, otherCode: 'XQQ' })).toEqual([['currency-code-unknown', '/otherCode']]);
    expect(findings({ ...clean, free: 'BIG' })).toEqual([['amount-precision-lost', '/free']]);
  });
});

describe('the amount screen where every amount is a member of one list’s entries (one walk)', async () => {
  const { specOf, answering } = await import('./spec-of.ts');
  const listSpec = await specOf({ '/balances': { get: answering({ type: 'object' }) } });
  const operation = listSpec.operations[0]!;
  const source = { origin: 'vendor-file' as const, file: 'vendors/x.yaml', line: 2 };
  const declared = {
    ...NO_RULES,
    amounts: [
      { at: '/balances/*/balance', currency: { pointer: '/balances/*/currency' }, source },
      { at: '/balances/*/pending', currency: { pointer: '/balances/*/currency' }, source },
      { at: '/balances/*/fee', currency: { asset: 'JPY' }, source },
    ],
  };
  const findings = (balances: unknown[]) =>
    checkResponse(listSpec, operation, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ balances }).replace('"BIG"', '9007199254740993')) }, { semantic: { declared, currencies: ISO_ONLY, params: null } })
      .filter((f) => f.id.startsWith('amount-') || f.id === 'currency-code-unknown')
      .map((f) => [f.id, f.pointer]);
  const entry = { currency: 'usd', balance: 1520.75, pending: '0.50', fee: 3 };
  const clean = [entry, { ...entry, currency: 'jpy', balance: 88, pending: '7' }, null, 'x'];

  it('finds nothing where every amount fits its entry’s currency', () => {
    expect(findings(clean)).toEqual([]);
  });

  it('finds each rule’s amount that breaks its currency, in any entry', () => {
    expect(findings([...clean, { ...entry, currency: 'jpy', balance: 1.5, pending: '1' }])).toEqual([['amount-scale-exceeds-currency', '/balances/4/balance']]);
    expect(findings([...clean, { ...entry, pending: '0.505' }])).toEqual([['amount-scale-exceeds-currency', '/balances/4/pending']]);
    expect(findings([...clean, { ...entry, fee: 0.5 }])).toEqual([['amount-scale-exceeds-currency', '/balances/4/fee']]);
    expect(findings([...clean, { ...entry, currency: 'XQQ' }])).toEqual([['currency-code-unknown', '/balances/4/currency']]);
    expect(findings([...clean, { ...entry, pending: 'BIG' }])).toEqual([['amount-precision-lost', '/balances/4/pending']]);
  });

  it('walks each rule’s places in turn where the entries times the rules pass MAX_MATCHES', () => {
    const many = Array.from({ length: Math.ceil(MAX_MATCHES / 3) + 1 }, () => entry);
    expect(findings([...many, { ...entry, pending: '0.505' }])).toEqual([['amount-scale-exceeds-currency', `/balances/${many.length}/pending`]]);
  });
});

describe('the amount screen where amounts are not the members of one list’s entries', async () => {
  const { specOf, answering } = await import('./spec-of.ts');
  const listSpec = await specOf({ '/balances': { get: answering({ type: 'object' }) } });
  const source = { origin: 'vendor-file' as const, file: 'vendors/x.yaml', line: 2 };
  const findings = (places: string[], body: unknown) =>
    checkResponse(listSpec, listSpec.operations[0]!, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) }, {
      semantic: { declared: { ...NO_RULES, amounts: places.map((at) => ({ at, currency: { asset: 'JPY' }, source })) }, currencies: ISO_ONLY, params: null },
    }).map((f) => [f.id, f.pointer]);

  it('reads each list’s entries where the rules name two lists of the same depth', () => {
    const body = { balances: [{ balance: '1' }], holds: [{ amount: '7' }, { amount: '7.5' }] };
    expect(findings(['/balances/*/balance', '/holds/*/amount'], body)).toEqual([['amount-scale-exceeds-currency', '/holds/1/amount']]);
  });

  it('reads every member of each entry where the rule names them all', () => {
    expect(findings(['/balances/*/*'], { balances: [{ available: '1', held: '2.5' }] })).toEqual([['amount-scale-exceeds-currency', '/balances/0/held']]);
  });

  it('reads a member deeper in the entries, or entries of lists inside lists', () => {
    expect(findings(['/balances/*/fee', '/balances/*/x/amount'], { balances: [{ fee: '1', x: { amount: '1.5' } }] })).toEqual([['amount-scale-exceeds-currency', '/balances/0/x/amount']]);
    expect(findings(['/accounts/*/balances/*/amount'], { accounts: [{ balances: [{ amount: '1' }, { amount: '1.5' }] }] })).toEqual([['amount-scale-exceeds-currency', '/accounts/0/balances/1/amount']]);
  });
});
