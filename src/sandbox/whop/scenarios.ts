import { JsonText } from '../server.ts';
import { errorBodyScenarios, finding, type ExpectedFinding, type ExpectedFindingId, type Scenario } from '../scenario.ts';
import { createWhopStore, WHOP_FIXTURES, type LedgerAccount, type WhopBalance } from './data.ts';
import { whopErrors } from './errors.ts';
import type { WhopDrift } from './routes.ts';

// Expected findings are computed from the seeded accounts each success case retrieves, so a change
// to the seed (say, one more currency) moves the per-item pointers with it.
const seededStore = createWhopStore();
const SUCCESS_CASES = [
  successCase('by ledger account id', WHOP_FIXTURES.ledgerAccountId),
  successCase('by company id', WHOP_FIXTURES.companyId),
  successCase('by user id', WHOP_FIXTURES.userId),
];

const ERROR_CASES = ['unknown id', 'malformed id', 'missing credentials', 'invalid credentials', 'insufficient scope'];
const REQUIRED_TOP_LEVEL = ['id', 'balances', 'transfer_fee', 'payout_account_details', 'payments_approval_status', 'ledger_type', 'owner'];

function successCase(testCase: string, id: string): [string, LedgerAccount] {
  const account = seededStore.findLedgerAccount(id);
  if (!account) throw new Error(`Whop sandbox fixture ${id} is not seeded`);
  return [testCase, account];
}

/** One finding per success case, at the same pointer. */
function inEverySuccessCase(id: ExpectedFindingId, pointer: string): ExpectedFinding[] {
  return SUCCESS_CASES.map(([testCase]) => finding(testCase, id, pointer));
}

/** One finding per balances item of every success case, at /balances/<index>/<property>. */
function inEveryBalance(findings: ReadonlyArray<[ExpectedFindingId, string]>): ExpectedFinding[] {
  return SUCCESS_CASES.flatMap(([testCase, account]) =>
    account.balances.flatMap((_, index) => findings.map(([id, property]) => finding(testCase, id, `/balances/${index}/${property}`))),
  );
}

function mapBalances(account: LedgerAccount, reshape: (balance: WhopBalance) => object): object {
  return { ...account, balances: account.balances.map(reshape) };
}

function mapFirstBalance(account: LedgerAccount, reshape: (balance: WhopBalance) => object): object {
  return mapBalances(account, (balance) => (balance === account.balances[0] ? reshape(balance) : balance));
}

// 2^53 + 1: the first integer a double cannot hold (JSON.parse reads 9007199254740992).
const BEYOND_DOUBLE = '9007199254740993';
const BEYOND_DOUBLE_SLOT = '\u0000beyond-double';

/** The account with its first balance set to BEYOND_DOUBLE, written as JSON text since JSON.stringify cannot write those digits. */
function withBalanceBeyondDouble(account: LedgerAccount): JsonText {
  const text = JSON.stringify(mapFirstBalance(account, (balance) => ({ ...balance, balance: BEYOND_DOUBLE_SLOT })));
  return new JsonText(text.replace(JSON.stringify(BEYOND_DOUBLE_SLOT), BEYOND_DOUBLE));
}

export const WHOP_SCENARIOS: ReadonlyArray<Scenario<WhopDrift>> = [
  {
    name: 'faithful',
    description: 'Answers exactly as documented: every success body is a LedgerAccount and every error body has the documented error shape and status.',
    expectedFindings: [],
    drift: {},
  },
  {
    name: 'amounts-as-strings',
    description:
      'balance, pending_balance and reserve_balance in every balances item are decimal strings with two decimals ("1520.75") instead of numbers.',
    expectedFindings: inEveryBalance([
      ['response-property-type-mismatch', 'balance'],
      ['response-property-type-mismatch', 'pending_balance'],
      ['response-property-type-mismatch', 'reserve_balance'],
    ]),
    drift: {
      ledgerAccount: (account) =>
        mapBalances(account, (balance) => ({
          ...balance,
          balance: balance.balance.toFixed(2),
          pending_balance: balance.pending_balance.toFixed(2),
          reserve_balance: balance.reserve_balance.toFixed(2),
        })),
    },
  },
  {
    name: 'enum-value-added',
    description: "Pool ledger accounts report the new ledger_type 'escrow', which LedgerTypes (primary, pool) lacks; primary accounts are unchanged.",
    expectedFindings: SUCCESS_CASES.filter(([, account]) => account.ledger_type === 'pool').map(([testCase]) =>
      finding(testCase, 'response-property-enum-mismatch', '/ledger_type'),
    ),
    drift: { ledgerAccount: (account) => (account.ledger_type === 'pool' ? { ...account, ledger_type: 'escrow' } : account) },
  },
  {
    name: 'required-field-removed',
    description: 'The required transfer_fee property is left out of every ledger account (instead of being null when there is no fee).',
    expectedFindings: inEverySuccessCase('response-property-missing', '/transfer_fee'),
    drift: {
      ledgerAccount: ({ transfer_fee: _removed, ...account }) => account,
    },
  },
  {
    name: 'required-field-renamed',
    description: 'currency in every balances item is renamed currency_code, keeping its value.',
    expectedFindings: inEveryBalance([
      ['response-property-missing', 'currency'],
      ['response-property-undocumented', 'currency_code'],
    ]),
    drift: {
      ledgerAccount: (account) =>
        mapBalances(account, ({ balance, currency, pending_balance, reserve_balance }) => ({
          balance,
          currency_code: currency,
          pending_balance,
          reserve_balance,
        })),
    },
  },
  {
    name: 'field-nullable',
    description: 'reserve_balance, a non-nullable number, is null in every balances item.',
    expectedFindings: inEveryBalance([['response-property-type-mismatch', 'reserve_balance']]),
    drift: { ledgerAccount: (account) => mapBalances(account, (balance) => ({ ...balance, reserve_balance: null })) },
  },
  {
    name: 'list-wrapper',
    description: 'The ledger account comes wrapped in a list envelope {items: [account], limit: 10} where the document has the bare object.',
    expectedFindings: SUCCESS_CASES.flatMap(([testCase]) => [
      ...REQUIRED_TOP_LEVEL.map((property) => finding(testCase, 'response-property-missing', `/${property}`)),
      finding(testCase, 'response-property-undocumented', '/items'),
      finding(testCase, 'response-property-undocumented', '/limit'),
    ]),
    drift: { ledgerAccount: (account) => ({ items: [account], limit: 10 }) },
  },
  {
    name: 'undocumented-fields',
    description: 'Every ledger account gains a top-level created_at, and every balances item gains available_balance (balance minus reserve).',
    expectedFindings: SUCCESS_CASES.flatMap(([testCase, account]) => [
      finding(testCase, 'response-property-undocumented', '/created_at'),
      ...account.balances.map((_, index) => finding(testCase, 'response-property-undocumented', `/balances/${index}/available_balance`)),
    ]),
    drift: {
      ledgerAccount: (account) => ({
        ...mapBalances(account, (balance) => ({
          ...balance,
          available_balance: Math.round((balance.balance - balance.reserve_balance) * 100) / 100,
        })),
        created_at: '2024-03-18T09:30:00.000Z',
      }),
    },
  },
  {
    name: 'status-drift',
    description:
      'A well-formed id that matches no account is answered 400 invalid_request_error (param id) instead of the documented 404: 400 is documented, so the status is only not the one the case expects.',
    expectedFindings: [finding('unknown id', 'response-status-unexpected')],
    drift: { unknownId: () => whopErrors.invalidId() },
  },
  {
    name: 'amount-float-noise',
    description:
      'The first balances item\'s balance (usd in every seeded account) is a binary floating-point sum printed unrounded: 0.1 + 0.2 goes out as 0.30000000000000004, seventeen decimals where usd has 2.',
    expectedFindings: inEverySuccessCase('amount-scale-exceeds-currency', '/balances/0/balance'),
    drift: { ledgerAccount: (account) => mapFirstBalance(account, (balance) => ({ ...balance, balance: 0.1 + 0.2 })) },
  },
  {
    name: 'amount-beyond-double',
    description: `The first balances item's balance is the integer ${BEYOND_DOUBLE} (2^53 + 1), sent digit for digit: no JSON double holds it, so a client that parses it reads 9007199254740992.`,
    expectedFindings: inEverySuccessCase('amount-precision-lost', '/balances/0/balance'),
    drift: { ledgerAccount: withBalanceBeyondDouble },
  },
  {
    name: 'currency-code-unknown',
    description:
      "The first balances item's currency is 'usdc' (a stablecoin), which is neither ISO 4217 nor in the documented Currencies list, so its amounts have no known scale.",
    expectedFindings: SUCCESS_CASES.flatMap(([testCase]) => [
      finding(testCase, 'response-property-enum-mismatch', '/balances/0/currency'),
      finding(testCase, 'currency-code-unknown', '/balances/0/currency'),
    ]),
    drift: { ledgerAccount: (account) => mapFirstBalance(account, (balance) => ({ ...balance, currency: 'usdc' })) },
  },
  ...errorBodyScenarios(ERROR_CASES),
];
