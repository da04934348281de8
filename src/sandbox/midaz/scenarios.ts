import { uuidV7 } from '../ids.ts';
import { errorBodyScenarios, finding, type Scenario } from '../scenario.ts';
import { seededBalanceBody, type BalanceBody } from './balance-body.ts';
import { MIDAZ_FIXTURES } from './data.ts';
import { MIDAZ_MONEY_SCENARIOS } from './money-scenarios.ts';
import type { MidazDrift } from './routes.ts';

// The token cases exist only when the sandbox runs with midazAuth; without it they are simply not run.
const ERROR_CASES = [
  'account unknown id',
  'account malformed id',
  'balances unknown id',
  'balances malformed id',
  'account missing token',
  'account invalid token',
  'balances missing token',
  'balances invalid token',
];

// Amount pointers are read off the fixture's own balance: which optional amounts it carries decides them.
const fixtureBalance = seededBalanceBody(MIDAZ_FIXTURES.accountId);
const FIXTURE_AMOUNTS: Array<[string, string | undefined]> = [
  ['/available', fixtureBalance.available],
  ['/onHold', fixtureBalance.onHold],
  ['/overdraftUsed', fixtureBalance.overdraftUsed],
  ['/settings/overdraftLimit', fixtureBalance.settings.overdraftLimit],
  ['/position/available', fixtureBalance.position.available],
  ['/position/onHold', fixtureBalance.position.onHold],
  ['/position/overdraftLimitAvailable', fixtureBalance.position.overdraftLimitAvailable],
];
const AMOUNT_POINTERS = FIXTURE_AMOUNTS.flatMap(([pointer, amount]) => (amount === undefined ? [] : [pointer]));

const HOLDER_ID = uuidV7('midaz/holder/customer-000481', Date.parse('2026-02-25T21:04:51.622871Z'));

function amountsAsNumbers(body: BalanceBody): object {
  const toNumber = (amount: string | undefined) => (amount === undefined ? undefined : Number(amount));
  return {
    ...body,
    available: Number(body.available),
    onHold: Number(body.onHold),
    overdraftUsed: Number(body.overdraftUsed),
    settings: { ...body.settings, overdraftLimit: toNumber(body.settings.overdraftLimit) },
    position: {
      available: Number(body.position.available),
      onHold: Number(body.position.onHold),
      overdraftLimitAvailable: toNumber(body.position.overdraftLimitAvailable),
    },
  };
}

/** Go's default time.Time formatting, which leaks out when a timestamp is printed instead of marshalled. */
function goTimeString(rfc3339: string): string {
  return `${rfc3339.replace('T', ' ').replace(/Z$/, '')} +0000 UTC`;
}

export const MIDAZ_SCENARIOS: ReadonlyArray<Scenario<MidazDrift>> = [
  {
    name: 'faithful',
    description:
      'Answers as documented: the account as the rendered page shows it (status an object {code, description}), the balance as one GetBalanceResponse with its position computed on every read, errors as ErrorFormat with the documented codes.',
    expectedFindings: [],
    drift: {},
  },
  {
    name: 'amounts-as-numbers',
    description:
      'Balance amounts (available, onHold, overdraftUsed, settings.overdraftLimit and the position amounts) are JSON numbers instead of decimal strings.',
    expectedFindings: AMOUNT_POINTERS.map((pointer) => finding('balances', 'response-property-type-mismatch', pointer)),
    drift: { balance: amountsAsNumbers },
  },
  {
    name: 'enum-value-added',
    description: "Balances report direction 'neutral', a value the documented enum (credit, debit) lacks.",
    expectedFindings: [finding('balances', 'response-property-enum-mismatch', '/direction')],
    drift: { balance: (body) => ({ ...body, direction: 'neutral' }) },
  },
  {
    name: 'field-nullable',
    description: 'alias, a non-nullable string, is null on accounts and on their balances.',
    expectedFindings: [
      finding('account', 'response-property-type-mismatch', '/alias'),
      finding('balances', 'response-property-type-mismatch', '/alias'),
    ],
    drift: { account: (account) => ({ ...account, alias: null }), balance: (body) => ({ ...body, alias: null }) },
  },
  {
    name: 'list-wrapper',
    description:
      "The balances endpoint answers a page {items: [balance], limit: 10} instead of the single GetBalanceResponse the 3.7.1 document describes. GetBalanceResponse declares no required properties, so the absent top-level properties are not schema findings; only the envelope's are, and the money rule that the computed position is always present.",
    expectedFindings: [
      finding('balances', 'response-property-undocumented', '/items'),
      finding('balances', 'response-property-undocumented', '/limit'),
      finding('balances', 'balance-invariant-violated', '/position'),
    ],
    drift: { balance: (body) => ({ items: [body], limit: 10 }) },
  },
  {
    name: 'undocumented-fields',
    description:
      'Accounts and balances gain a top-level holderId, and the balance position gains computedAt. (CreateAccountResponse has no nested object with declared properties besides status, whose schema is defective in the 3.7.0 document, so the account drift stays top-level.)',
    expectedFindings: [
      finding('account', 'response-property-undocumented', '/holderId'),
      finding('balances', 'response-property-undocumented', '/holderId'),
      finding('balances', 'response-property-undocumented', '/position/computedAt'),
    ],
    drift: {
      account: (account) => ({ ...account, holderId: HOLDER_ID }),
      balance: (body) => ({ ...body, holderId: HOLDER_ID, position: { ...body.position, computedAt: body.updatedAt } }),
    },
  },
  {
    name: 'date-format-drift',
    description:
      'createdAt and updatedAt on accounts and balances use Go\'s default time format ("2026-02-25 21:06:37.197596 +0000 UTC") instead of RFC 3339 date-time; deletedAt stays null.',
    expectedFindings: ['account', 'balances'].flatMap((testCase) => [
      finding(testCase, 'response-property-format-mismatch', '/createdAt'),
      finding(testCase, 'response-property-format-mismatch', '/updatedAt'),
    ]),
    drift: {
      account: (account) => ({ ...account, createdAt: goTimeString(account.createdAt), updatedAt: goTimeString(account.updatedAt) }),
      balance: (body) => ({ ...body, createdAt: goTimeString(body.createdAt), updatedAt: goTimeString(body.updatedAt) }),
    },
  },
  {
    name: 'status-drift',
    description:
      'An unknown organization, ledger or account is answered 422 Unprocessable Entity (the status Midaz uses for business errors) with the same ErrorFormat body, instead of the documented 404: a status the document lacks, and not the one the case expects.',
    expectedFindings: ['account unknown id', 'balances unknown id'].flatMap((testCase) => [
      finding(testCase, 'response-status-undocumented'),
      finding(testCase, 'response-status-unexpected'),
    ]),
    drift: { unknownId: (documented) => ({ ...documented, status: 422 }) },
  },
  ...MIDAZ_MONEY_SCENARIOS,
  ...errorBodyScenarios(ERROR_CASES),
];
