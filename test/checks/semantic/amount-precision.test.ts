import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/checks/index.ts';
import { loadSpec } from '../../../src/spec/load.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const spec = await loadSpec('test/fixtures/specs/money.yaml', { cwd: REPO_ROOT });
const wallet = spec.operations.find((o) => o.key === 'GET /accounts/{account_id}/wallets/{wallet_id}')!;
const lost = (bodyText: string) =>
  checkResponse(spec, wallet, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(bodyText) }, { integrity: true })
    .filter((f) => f.id === 'amount-precision-lost')
    .map((f) => [f.pointer, f.expected, f.observed]);

describe('amount-precision-lost, as checkResponse reports it', () => {
  it('says what was sent and what a double holds of it, not the digits sent twice', () => {
    expect(lost('{"id": "wal_1", "currency": "JPY", "amount": 9007199254740993}')).toEqual([['/amount', '9007199254740993 exactly', '9007199254740992 (as a double)']]);
    expect(lost('{"id": "wal_1", "holdings": [{"asset": "ETH/36", "amount": 0.1000000000000000055511151231257827}]}')).toEqual([
      ['/holdings/0/amount', '0.1000000000000000055511151231257827 exactly', '0.1 (as a double)'],
    ]);
  });
});

describe('amounts under a `*`, read without the whole text’s scan where their members are written as they print', () => {
  const findings = (bodyText: string) =>
    checkResponse(spec, wallet, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(bodyText) })
      .filter((f) => f.id === 'amount-precision-lost' || f.id === 'amount-scale-exceeds-currency')
      .map((f) => [f.id, f.pointer, f.observed]);

  it('over no entry, one, and many: each amount with its own entry’s currency, in order', () => {
    expect(findings('{"id": "wal_1", "holdings": []}')).toEqual([]);
    expect(findings('{"id": "wal_1", "holdings": [{"asset": "JPY", "amount": 1.5}]}')).toEqual([['amount-scale-exceeds-currency', '/holdings/0/amount', '1.5']]);
    const many = '{"id": "wal_1", "holdings": [{"asset": "USD", "amount": 1.5}, {"asset": "JPY", "amount": 2.5}, {"asset": "USD", "amount": 3.25}, {"asset": "JPY", "amount": 9007199254740993}]}';
    expect(findings(many)).toEqual([
      ['amount-precision-lost', '/holdings/3/amount', '9007199254740992 (as a double)'],
      ['amount-scale-exceeds-currency', '/holdings/1/amount', '2.5'],
    ]);
  });

  it('an integer beyond 2^53 under a member name written with an escape is still read as sent', () => {
    expect(findings('{"id": "wal_1", "currency": "JPY", "am\\u006funt": 9007199254740993}')).toEqual([['amount-precision-lost', '/amount', '9007199254740992 (as a double)']]);
  });

  it('an 18-decimal asset holds 18 decimals; one more is shown with the digits as sent', () => {
    expect(findings('{"id": "wal_1", "holdings": [{"asset": "ETH/18", "amount": 0.000000000000000001}]}')).toEqual([]);
    expect(findings('{"id": "wal_1", "holdings": [{"asset": "ETH/18", "amount": 0.0000000000000000001}]}')).toEqual([['amount-scale-exceeds-currency', '/holdings/0/amount', '0.0000000000000000001']]);
  });

  it('a number written otherwise than it prints keeps its digits wherever the text holds a long number', () => {
    expect(findings('{"id": "wal_1", "currency": "JPY", "amount": 1.50, "holdings": [{"asset": "USD", "amount": 12345678.125}]}')).toEqual([
      ['amount-scale-exceeds-currency', '/amount', '1.50'],
      ['amount-scale-exceeds-currency', '/holdings/0/amount', '12345678.125'],
    ]);
  });
});
