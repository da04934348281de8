import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.ts';
import { call, type Json } from './support/call.ts';

const CURRENCY = /^[a-z]{3,4}$/;
const PAYOUT_STATUSES = ['connected', 'disabled', 'action_required', 'pending_verification', 'verification_failed', 'not_started'];
const PAYMENTS_APPROVAL_STATUSES = ['pending', 'approved', 'monitoring', 'rejected'];

function expectBalances(balances: unknown): void {
  expect(Array.isArray(balances)).toBe(true);
  for (const balance of balances as Json[]) {
    expect(Object.keys(balance)).toEqual(['balance', 'currency', 'pending_balance', 'reserve_balance']);
    expect(typeof balance.balance).toBe('number');
    expect(balance.currency).toMatch(CURRENCY);
    expect(typeof balance.pending_balance).toBe('number');
    expect(typeof balance.reserve_balance).toBe('number');
  }
}

function expectPayoutAccountDetails(details: Json): void {
  expect(Object.keys(details)).toEqual([
    'id',
    'status',
    'business_name',
    'phone',
    'email',
    'business_representative',
    'address',
    'latest_verification',
  ]);
  expect(details.id).toMatch(/^poact_[A-Za-z0-9]{14}$/);
  expect(PAYOUT_STATUSES).toContain(details.status);
  expect(Object.keys(details.business_representative as Json)).toEqual(['date_of_birth', 'first_name', 'middle_name', 'last_name']);
  expect((details.business_representative as Json).date_of_birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Object.keys(details.address as Json)).toEqual(['line1', 'line2', 'city', 'postal_code', 'state', 'country']);
  const verification = details.latest_verification as Json;
  expect(Object.keys(verification)).toEqual(['id', 'status', 'last_error_code', 'last_error_reason']);
  expect(verification.id).toMatch(/^verf_[A-Za-z0-9]{14}$/);
}

describe('the Whop sandbox, faithful', () => {
  let sandbox: RunningSandbox;
  let base: string;
  const bearer = (key: string | undefined) => ({ authorization: `Bearer ${key}` });

  beforeAll(async () => {
    sandbox = await startSandbox('whop');
    base = `${sandbox.url}/ledger_accounts`;
  });
  afterAll(() => sandbox.close());

  it('serves its API under the documented base path /api/v1', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(sandbox.scenario).toBe('faithful');
    expect(Object.keys(sandbox.credentials)).toEqual(['apiKey', 'limitedApiKey']);
    expect(Object.keys(sandbox.fixtures)).toEqual(['ledgerAccountId', 'companyId', 'userId']);
  });

  it('answers the fixture ledger account with every documented property, owned by a company, with payout details', async () => {
    const answer = await call(`${base}/${sandbox.fixtures.ledgerAccountId}`, bearer(sandbox.credentials.apiKey));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['x-request-id']).toMatch(/^req_[A-Za-z0-9]{14}$/);
    const account = answer.body as Json;
    expect(Object.keys(account)).toEqual([
      'id',
      'balances',
      'transfer_fee',
      'payout_account_details',
      'payments_approval_status',
      'ledger_type',
      'owner',
    ]);
    expect(account.id).toBe(sandbox.fixtures.ledgerAccountId);
    expectBalances(account.balances);
    expect((account.balances as Json[]).map((balance) => balance.currency)).toEqual(['usd', 'eur', 'gbp']);
    expect(account.transfer_fee).toBe(2.5);
    expectPayoutAccountDetails(account.payout_account_details as Json);
    expect(PAYMENTS_APPROVAL_STATUSES).toContain(account.payments_approval_status);
    expect(account.ledger_type).toBe('primary');
    const owner = account.owner as Json;
    expect(Object.keys(owner)).toEqual(['typename', 'id', 'route', 'title']);
    expect(owner.typename).toBe('Company');
    expect(owner.id).toMatch(/^biz_[A-Za-z0-9]{14}$/);
    expect(owner.id).not.toBe(sandbox.fixtures.companyId);
  });

  it('looks a ledger account up by the id of the company that owns it', async () => {
    const answer = await call(`${base}/${sandbox.fixtures.companyId}`, bearer(sandbox.credentials.apiKey));
    expect(answer.status).toBe(200);
    const account = answer.body as Json;
    expect(account.id).toMatch(/^ldgr_[A-Za-z0-9]{14}$/);
    expect(account.ledger_type).toBe('pool');
    expect(account.payout_account_details).toBeNull();
    expect(account.transfer_fee).toBeNull();
    expectBalances(account.balances);
    expect((account.balances as Json[]).length).toBe(2);
    expect(account.owner).toEqual({ typename: 'Company', id: sandbox.fixtures.companyId, route: 'northwind-studio', title: 'Northwind Studio' });
  });

  it('looks a ledger account up by the id of the user that owns it', async () => {
    const answer = await call(`${base}/${sandbox.fixtures.userId}`, bearer(sandbox.credentials.apiKey));
    expect(answer.status).toBe(200);
    const account = answer.body as Json;
    expectBalances(account.balances);
    expectPayoutAccountDetails(account.payout_account_details as Json);
    expect((account.payout_account_details as Json).latest_verification).toMatchObject({
      status: 'resubmission_requested',
      last_error_code: 'document_expired',
    });
    expect(account.owner).toEqual({ typename: 'User', id: sandbox.fixtures.userId, name: 'Ada Lovelace', username: 'adalovelace' });
  });

  it('answers the same account by its own id and by its owner id', async () => {
    const byUser = await call(`${base}/${sandbox.fixtures.userId}`, bearer(sandbox.credentials.apiKey));
    const byId = await call(`${base}/${(byUser.body as Json).id}`, bearer(sandbox.credentials.apiKey));
    expect(byId.body).toEqual(byUser.body);
  });

  it('answers 401 with the documented body when the key is missing, unknown or not a bearer token', async () => {
    const unauthorized = { error: { type: 'unauthorized', message: 'Invalid or missing API key' } };
    for (const headers of [{}, bearer('apik_not_a_real_key'), { authorization: `Basic ${sandbox.credentials.apiKey}` }]) {
      const answer = await call(`${base}/${sandbox.fixtures.ledgerAccountId}`, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(unauthorized);
    }
  });

  it('answers 403 with the documented body to a key without payout:account:read', async () => {
    const answer = await call(`${base}/${sandbox.fixtures.ledgerAccountId}`, bearer(sandbox.credentials.limitedApiKey));
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: { type: 'forbidden', message: 'You do not have permission to access this resource' } });
  });

  it('answers 400 parameter_invalid for an id that is not a ledger account, user or company id', async () => {
    for (const id of ['ledger-42', 'acct_abc123', 'ldgr_', 'ldgr_abc-123']) {
      const answer = await call(`${base}/${id}`, bearer(sandbox.credentials.apiKey));
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error: {
          type: 'invalid_request_error',
          code: 'parameter_invalid',
          message: 'Invalid parameter: id. Expected a ledger account ID (ldgr_xxx), user ID (user_xxx) or company ID (biz_xxx).',
          param: 'id',
        },
      });
    }
  });

  it('answers 404 with the documented body for a well-formed id of no account', async () => {
    for (const id of ['ldgr_Unknown0000000', 'user_Unknown0000000', 'biz_Unknown00000000']) {
      const answer = await call(`${base}/${id}`, bearer(sandbox.credentials.apiKey));
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: { type: 'not_found', message: 'Resource not found' } });
    }
  });

  it('checks credentials before the id, as the documented order of errors implies', async () => {
    expect((await call(`${base}/ledger-42`)).status).toBe(401);
    expect((await call(`${base}/ledger-42`, bearer(sandbox.credentials.limitedApiKey))).status).toBe(403);
  });

  it('answers 405 with Allow: GET to other methods, and 404 to other paths, in its error shape', async () => {
    const post = await call(`${base}/${sandbox.fixtures.ledgerAccountId}`, bearer(sandbox.credentials.apiKey), 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    expect(post.body).toEqual({ error: { type: 'invalid_request_error', code: 'method_not_allowed', message: 'Method not allowed', param: null } });
    const elsewhere = await call(`${sandbox.url}/payments/pay_123`, bearer(sandbox.credentials.apiKey));
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toEqual({ error: { type: 'not_found', message: 'Resource not found' } });
  });
});
