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
