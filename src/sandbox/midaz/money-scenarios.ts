import { finding, type Scenario } from '../scenario.ts';
import { balanceBody, seededBalanceBody, type BalanceBody } from './balance-body.ts';
import { MIDAZ_SAVINGS_ACCOUNT_ID, type MidazAccount, type MidazBalance } from './data.ts';
import type { MidazDrift } from './routes.ts';

// Each scenario breaks one money rule of seed 003 (issue 15) and leaves every other rule holding:
// where a stored figure changes, the position is derived again from it, as Midaz does on every read.

/** The balance as stored, changed, with its position derived again. */
function restated(body: BalanceBody, changes: Partial<MidazBalance>): BalanceBody {
  const { position: _derived, ...stored } = body;
  return balanceBody({ ...stored, ...changes });
}

function withPosition(body: BalanceBody, changes: Partial<BalanceBody['position']>): BalanceBody {
  return { ...body, position: { ...body.position, ...changes } };
}

/** createdAt and updatedAt exchanged, as when a mapper assigns each to the other's column. */
function swappedTimestamps<Entity extends MidazAccount | BalanceBody>(entity: Entity): Entity {
  return { ...entity, createdAt: entity.updatedAt, updatedAt: entity.createdAt };
}

const savingsBalance = seededBalanceBody(MIDAZ_SAVINGS_ACCOUNT_ID);

export const MIDAZ_MONEY_SCENARIOS: ReadonlyArray<Scenario<MidazDrift>> = [
  {
    name: 'position-ignores-overdraft',
    description:
      'position.available repeats available ("0") instead of available minus overdraftUsed ("-1250.75"): the overdraft in use is left out of the spendable amount.',
    expectedFindings: [finding('balances', 'balance-invariant-violated', '/position/available')],
    drift: { balance: (body) => withPosition(body, { available: body.available }) },
  },
  {
    name: 'position-hold-stale',
    description: 'position.onHold is "0", the hold before the pending operation, while onHold says "89.90": the position no longer mirrors the hold.',
    expectedFindings: [finding('balances', 'balance-invariant-violated', '/position/onHold')],
    drift: { balance: (body) => withPosition(body, { onHold: '0' }) },
  },
  {
    name: 'overdraft-headroom-ignores-usage',
    description:
      'position.overdraftLimitAvailable repeats the limit ("5000.00") instead of overdraftLimit minus overdraftUsed ("3749.25"): the headroom ignores the overdraft in use.',
    expectedFindings: [finding('balances', 'balance-invariant-violated', '/position/overdraftLimitAvailable')],
    drift: { balance: (body) => withPosition(body, { overdraftLimitAvailable: body.settings.overdraftLimit }) },
  },
  {
    name: 'overdraft-headroom-when-unlimited',
    description:
      'The balance\'s overdraft is unlimited (allowOverdraft true, overdraftLimitEnabled false, no overdraftLimit), yet its position still carries overdraftLimitAvailable ("3749.25"), which Midaz omits for an unlimited overdraft.',
    expectedFindings: [finding('balances', 'balance-invariant-violated', '/position/overdraftLimitAvailable')],
    drift: {
      balance: (body) => ({
        ...body,
        settings: { allowOverdraft: true, overdraftLimitEnabled: false, balanceScope: body.settings.balanceScope },
      }),
    },
  },
  {
    name: 'overdraft-headroom-missing',
    description:
      'position.overdraftLimitAvailable is omitted although the overdraft is limited (allowOverdraft and overdraftLimitEnabled true, limit "5000.00"): Midaz omits it only for an unlimited overdraft.',
    expectedFindings: [finding('balances', 'balance-invariant-violated', '/position/overdraftLimitAvailable')],
    drift: { balance: (body) => ({ ...body, position: { available: body.position.available, onHold: body.position.onHold } }) },
  },
  {
    name: 'overdraft-used-negative',
    description:
      'overdraftUsed is "-1250.75", the overdraft in use written with the sign of the balance, where Midaz documents it as always non-negative; the position is derived from it as Midaz would, so only that rule breaks.',
    expectedFindings: [finding('balances', 'balance-invariant-violated', '/overdraftUsed')],
    drift: { balance: (body) => restated(body, { overdraftUsed: '-1250.75' }) },
  },
  {
    name: 'amount-scale-exceeded',
    description:
      'The hold is recorded with three decimals ("89.905") in BRL, whose ISO 4217 minor unit is 2; position.onHold mirrors it faithfully, so both amounts carry the third decimal.',
    expectedFindings: [
      finding('balances', 'amount-scale-exceeds-currency', '/onHold'),
      finding('balances', 'amount-scale-exceeds-currency', '/position/onHold'),
    ],
    drift: { balance: (body) => restated(body, { onHold: '89.905' }) },
  },
  {
    name: 'balances-asset-differs',
    description: 'The balance answers assetCode "USD" while its account answers "BRL": the same account, two assets.',
    expectedFindings: [finding('balances', 'cross-response-mismatch', '/assetCode')],
    drift: { balance: (body) => ({ ...body, assetCode: 'USD' }) },
  },
  {
    name: 'asset-code-unknown',
    description:
      'The account and its balance both answer assetCode "REAL" (the currency\'s name) instead of the ISO 4217 code BRL: consistent across the two answers, but no known currency, so the balance\'s amounts have no scale to be held to.',
    expectedFindings: [finding('balances', 'currency-code-unknown', '/assetCode')],
    drift: { account: (account) => ({ ...account, assetCode: 'REAL' }), balance: (body) => ({ ...body, assetCode: 'REAL' }) },
  },
  {
    name: 'created-after-updated',
    description: 'createdAt and updatedAt are exchanged on the account and on its balance, so each was created after its last update.',
    expectedFindings: [finding('account', 'timestamp-order-violated', '/createdAt'), finding('balances', 'timestamp-order-violated', '/createdAt')],
    drift: { account: swappedTimestamps, balance: swappedTimestamps },
  },
  {
    name: 'balances-of-another-account',
    description:
      "The balances endpoint answers the balance of the account's savings pocket (a sibling in the same ledger, itself consistent) instead of the account's own: accountId is not the account_id asked for.",
    expectedFindings: [finding('balances', 'cross-response-mismatch', '/accountId')],
    drift: { balance: () => savingsBalance },
  },
];
