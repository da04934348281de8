import { request } from 'undici';
import { startSandbox, type RunningSandbox, type SandboxVendor as VendorName } from '../../../src/sandbox/index.ts';

// The suite's cases as plain requests, and a sandbox's answers to all of them, for the scenario tests.

export interface CaseRequest {
  path: string;
  headers: Record<string, string>;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const basic = (userName: string) => ({ authorization: `Basic ${Buffer.from(`${userName}:`).toString('base64')}` });

/** The suite's cases, as requests against a started sandbox. */
export const CASE_BOOKS: Record<VendorName, (sandbox: RunningSandbox) => Record<string, CaseRequest>> = {
  whop: ({ fixtures, credentials }) => {
    const auth = { authorization: `Bearer ${credentials.apiKey}` };
    const fixturePath = `/ledger_accounts/${fixtures.ledgerAccountId}`;
    return {
      'by ledger account id': { path: fixturePath, headers: auth },
      'by company id': { path: `/ledger_accounts/${fixtures.companyId}`, headers: auth },
      'by user id': { path: `/ledger_accounts/${fixtures.userId}`, headers: auth },
      'unknown id': { path: '/ledger_accounts/ldgr_Unknown0000000', headers: auth },
      'malformed id': { path: '/ledger_accounts/ledger-42', headers: auth },
      'missing credentials': { path: fixturePath, headers: {} },
      'invalid credentials': { path: fixturePath, headers: { authorization: 'Bearer apik_not_a_real_key' } },
      'insufficient scope': { path: fixturePath, headers: { authorization: `Bearer ${credentials.limitedApiKey}` } },
    };
  },
  midaz: ({ fixtures, credentials }) => {
    const auth = { authorization: `Bearer ${credentials.token}` };
    const accounts = `/v1/organizations/${fixtures.organizationId}/ledgers/${fixtures.ledgerId}/accounts`;
    const unknown = '019c96a0-0000-7000-8000-000000000000';
    return {
      account: { path: `${accounts}/${fixtures.accountId}`, headers: auth },
      'account unknown id': { path: `${accounts}/${unknown}`, headers: auth },
      'account malformed id': { path: `${accounts}/not-a-uuid`, headers: auth },
      'account missing token': { path: `${accounts}/${fixtures.accountId}`, headers: {} },
      'account invalid token': { path: `${accounts}/${fixtures.accountId}`, headers: { authorization: 'Bearer not-the-token' } },
      balances: { path: `${accounts}/${fixtures.accountId}/balances`, headers: auth },
      'balances unknown id': { path: `${accounts}/${unknown}/balances`, headers: auth },
      'balances malformed id': { path: `${accounts}/not-a-uuid/balances`, headers: auth },
      'balances missing token': { path: `${accounts}/${fixtures.accountId}/balances`, headers: {} },
      'balances invalid token': { path: `${accounts}/${fixtures.accountId}/balances`, headers: { authorization: 'Bearer not-the-token' } },
    };
  },
  xendit: ({ fixtures, credentials }) => {
    const auth = basic(credentials.secretKey ?? '');
    return {
      'owned account': { path: `/v2/accounts/${fixtures.accountId}`, headers: auth },
      'managed account': { path: `/v2/accounts/${fixtures.managedAccountId}`, headers: auth },
      'unknown id': { path: '/v2/accounts/5cafeb170a2b18519b1b8761', headers: auth },
      'malformed id': { path: '/v2/accounts/not-an-account-id', headers: auth },
      'missing credentials': { path: `/v2/accounts/${fixtures.accountId}`, headers: {} },
      'invalid credentials': { path: `/v2/accounts/${fixtures.accountId}`, headers: basic('xnd_development_wrong') },
    };
  },
};

export async function fetchCase(sandbox: RunningSandbox, caseRequest: CaseRequest): Promise<Answer> {
  const response = await request(`${sandbox.url}${caseRequest.path}`, { headers: caseRequest.headers });
  return { status: response.statusCode, contentType: String(response.headers['content-type']), text: await response.body.text() };
}

export async function fetchAllCases(sandbox: RunningSandbox, vendor: VendorName): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  for (const [testCase, caseRequest] of Object.entries(CASE_BOOKS[vendor](sandbox))) answers.set(testCase, await fetchCase(sandbox, caseRequest));
  return answers;
}

export function startInScenario(vendor: VendorName, scenario: string): Promise<RunningSandbox> {
  return startSandbox(vendor, { scenario, requireAuth: vendor === 'midaz', rateLimitPerSecond: 10_000 });
}
