import { objectId } from '../ids.ts';
import { errorBodyScenarios, finding, probeOnly, type ExpectedFinding, type Scenario } from '../scenario.ts';
import { createXenditStore, XENDIT_FIXTURES, type XenditAccount } from './data.ts';
import { xenditErrors } from './errors.ts';
import type { XenditDrift } from './routes.ts';

const seededStore = createXenditStore();
const SUCCESS_CASES = [successCase('owned account', XENDIT_FIXTURES.accountId), successCase('managed account', XENDIT_FIXTURES.managedAccountId)];

// The page documents 200 and 404; the project's document adds the 401 that HTTP Basic implies, but no
// 400. Xendit really answers a malformed id 400, so even the faithful sandbox yields
// response-status-undocumented for that case, in every scenario. vendors/xendit.yaml runs no such case
// (a probe whose every answer is undocumented proves nothing nightly): these are probe-only.
const UNDOCUMENTED_STATUS_CASES = ['malformed id'];
const UNDOCUMENTED_STATUS_FINDINGS: ExpectedFinding[] = UNDOCUMENTED_STATUS_CASES.map((testCase) => probeOnly(finding(testCase, 'response-status-undocumented')));

// The page marks nothing required; the project's document (specs/xendit) takes every field of the
// page's only example as always present, and the checker judges against that document.
const REQUIRED_ACCOUNT_PROPERTIES = ['id', 'created', 'updated', 'type', 'email', 'public_profile', 'status'];

function successCase(testCase: string, id: string): [string, XenditAccount] {
  const account = seededStore.findAccount(id);
  if (!account) throw new Error(`Xendit sandbox fixture ${id} is not seeded`);
  return [testCase, account];
}

/** The success cases whose account matches, each with one finding at `pointer`. */
function inSuccessCases(id: ExpectedFinding['id'], pointer: string, matches: (account: XenditAccount) => boolean = () => true): ExpectedFinding[] {
  return SUCCESS_CASES.filter(([, account]) => matches(account)).map(([testCase]) => finding(testCase, id, pointer));
}

// The platform's own (master) account: answered instead of the sub-account asked for.
const MASTER_ACCOUNT_ID = objectId('xendit/account/master-platform', Date.parse('2019-05-20T04:00:00Z'));

/** RFC 1123 dates ("Fri, 01 Jan 2021 10:00:00 GMT"), what Date#toUTCString prints, instead of RFC 3339. */
function httpDate(rfc3339: string): string {
  return new Date(rfc3339).toUTCString();
}

export const XENDIT_SCENARIOS: ReadonlyArray<Scenario<XenditDrift>> = [
  {
    name: 'faithful',
    description:
      "Answers as documented: OWNED and MANAGED sub-accounts in the documented shape, unknown ids 404 DATA_NOT_FOUND, missing or wrong keys 401 INVALID_API_KEY. A malformed id, if probed, gets Xendit's real answer, 400 API_VALIDATION_ERROR, a status the document lacks (vendors/xendit.yaml sends no such case).",
    expectedFindings: UNDOCUMENTED_STATUS_FINDINGS,
    drift: {},
  },
  {
    name: 'enum-value-added',
    description: "LIVE accounts report status 'ACTIVE', a value the documented list lacks; accounts in other states are unchanged.",
    expectedFindings: [
      ...inSuccessCases('response-property-enum-mismatch', '/status', (account) => account.status === 'LIVE'),
      ...UNDOCUMENTED_STATUS_FINDINGS,
    ],
    drift: { account: (account) => (account.status === 'LIVE' ? { ...account, status: 'ACTIVE' } : account) },
  },
  {
    name: 'required-field-removed',
    description: 'updated is left out of every account.',
    expectedFindings: [...inSuccessCases('response-property-missing', '/updated'), ...UNDOCUMENTED_STATUS_FINDINGS],
    drift: { account: ({ updated: _removed, ...account }) => account },
  },
  {
    name: 'required-field-renamed',
    description: 'public_profile is renamed business_profile on every account, keeping its value.',
    expectedFindings: [
      ...SUCCESS_CASES.flatMap(([testCase]) => [
        finding(testCase, 'response-property-missing', '/public_profile'),
        finding(testCase, 'response-property-undocumented', '/business_profile'),
      ]),
      ...UNDOCUMENTED_STATUS_FINDINGS,
    ],
    drift: {
      account: ({ id, created, updated, type, email, public_profile, status }) => ({
        id,
        created,
        updated,
        type,
        email,
        business_profile: public_profile,
        status,
      }),
    },
  },
  {
    name: 'field-nullable',
    description: 'OWNED sub-accounts answer email: null; MANAGED accounts are unchanged.',
    expectedFindings: [
      ...inSuccessCases('response-property-type-mismatch', '/email', (account) => account.type === 'OWNED'),
      ...UNDOCUMENTED_STATUS_FINDINGS,
    ],
    drift: { account: (account) => (account.type === 'OWNED' ? { ...account, email: null } : account) },
  },
  {
    name: 'list-wrapper',
    description: 'The account comes wrapped in a list envelope {items: [account], limit: 10} where the document has the bare object.',
    expectedFindings: [
      ...SUCCESS_CASES.flatMap(([testCase]) => [
        ...REQUIRED_ACCOUNT_PROPERTIES.map((property) => finding(testCase, 'response-property-missing', `/${property}`)),
        finding(testCase, 'response-property-undocumented', '/items'),
        finding(testCase, 'response-property-undocumented', '/limit'),
      ]),
      ...UNDOCUMENTED_STATUS_FINDINGS,
    ],
    drift: { account: (account) => ({ items: [account], limit: 10 }) },
  },
  {
    name: 'undocumented-fields',
    description: 'Every account gains a top-level business_type, and its public_profile gains logo_url.',
    expectedFindings: [
      ...SUCCESS_CASES.flatMap(([testCase]) => [
        finding(testCase, 'response-property-undocumented', '/public_profile/logo_url'),
        finding(testCase, 'response-property-undocumented', '/business_type'),
      ]),
      ...UNDOCUMENTED_STATUS_FINDINGS,
    ],
    drift: {
      account: (account) => ({
        ...account,
        public_profile: { ...account.public_profile, logo_url: `https://assets.sandbox.invalid/logos/${account.id}.png` },
        business_type: 'CORPORATION',
      }),
    },
  },
  {
    name: 'date-format-drift',
    description: 'created and updated are RFC 1123 dates ("Fri, 01 Jan 2021 10:00:00 GMT") instead of RFC 3339 date-time.',
    expectedFindings: [
      ...SUCCESS_CASES.flatMap(([testCase]) => [
        finding(testCase, 'response-property-format-mismatch', '/created'),
        finding(testCase, 'response-property-format-mismatch', '/updated'),
      ]),
      ...UNDOCUMENTED_STATUS_FINDINGS,
    ],
    drift: { account: (account) => ({ ...account, created: httpDate(account.created), updated: httpDate(account.updated) }) },
  },
  {
    name: 'status-drift',
    description:
      'A well-formed id that matches no account is answered 400 API_VALIDATION_ERROR instead of the documented 404: a status the document lacks, and not the one the case expects.',
    expectedFindings: [
      finding('unknown id', 'response-status-undocumented'),
      finding('unknown id', 'response-status-unexpected'),
      ...UNDOCUMENTED_STATUS_FINDINGS,
    ],
    drift: { unknownId: () => xenditErrors.invalidId() },
  },
  {
    name: 'updated-before-created',
    description:
      'updated is the Unix epoch (1970-01-01T00:00:00Z), an unset timestamp serialised as its zero value, on every account: each account was last updated before it was created.',
    expectedFindings: [...inSuccessCases('timestamp-order-violated', '/created'), ...UNDOCUMENTED_STATUS_FINDINGS],
    drift: { account: (account) => ({ ...account, updated: '1970-01-01T00:00:00Z' }) },
  },
  {
    name: 'id-not-echoed',
    description: "Every account is answered with the platform's master account id instead of the sub-account id asked for; the rest of the body is the sub-account's.",
    expectedFindings: [...inSuccessCases('cross-response-mismatch', '/id'), ...UNDOCUMENTED_STATUS_FINDINGS],
    drift: { account: (account) => ({ ...account, id: MASTER_ACCOUNT_ID }) },
  },
  ...errorBodyScenarios(['unknown id', 'missing credentials', 'invalid credentials'], UNDOCUMENTED_STATUS_CASES),
];
