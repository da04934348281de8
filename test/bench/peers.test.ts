// The peers of `npm run bench`: a floor that validates less than a team would, or rounds that always
// run one side first, would flatter or wrong conform in the figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternatingRounds, medianRatio } from '../../bench/support/peer-traffic.ts';
import { plainAjvValidator } from '../../bench/support/plain-ajv.ts';
import { ROOT } from '../../bench/support/root.ts';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'bodies', name));
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('the plain ajv peer', () => {
  const whop = plainAjvValidator('specs/whop/1.0.0.yaml', 'get', '/ledger_accounts/{id}');
  const midaz = plainAjvValidator('specs/midaz/3.7.1.yaml', 'get', '/v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances');
  const account = JSON.parse(fixture('whop-ledger-account.json').toString());
  const balance = JSON.parse(fixture('midaz-balance.json').toString());

  it('passes the bodies the checking-cost figures use, each under its status', () => {
    expect(whop({ status: 200, body: fixture('whop-ledger-account.json') })).toBe(true);
    expect(whop({ status: 404, body: fixture('whop-error-404.json') })).toBe(true);
    expect(midaz({ status: 200, body: fixture('midaz-balance.json') })).toBe(true);
  });

  it('validates against the schema of the status that came back', () => {
    expect(whop({ status: 200, body: fixture('whop-error-404.json') })).toBe(false);
    expect(whop({ status: 418, body: fixture('whop-ledger-account.json') })).toBe(false);
  });

  it('finds a wrong type and a missing required property', () => {
    expect(whop({ status: 200, body: bytes({ ...account, id: 5 }) })).toBe(false);
    const { balances: _balances, ...withoutBalances } = account;
    expect(whop({ status: 200, body: bytes(withoutBalances) })).toBe(false);
  });

  it('checks formats, as ajv-formats does', () => {
    expect(midaz({ status: 200, body: bytes({ ...balance, createdAt: 'yesterday' }) })).toBe(false);
  });
});

describe('peer rounds', () => {
  it('reverse the order of the sides every other round', async () => {
    const order: string[] = [];
    const side = (name: string) => async () => (order.push(name), order.length);
    const times = await alternatingRounds(3, { a: side('a'), b: side('b') });
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
    expect(times).toEqual({ a: [1, 4, 5], b: [2, 3, 6] });
  });

  it('take the median of the ratios round by round, not the ratio of the medians', () => {
    expect(medianRatio([2, 9, 4], [1, 3, 4])).toBe(2);
  });
});
