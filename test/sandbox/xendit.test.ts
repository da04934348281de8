import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.ts';
import { call, type Json } from './support/call.ts';

const basic = (userName: string, password = '') => ({ authorization: `Basic ${Buffer.from(`${userName}:${password}`).toString('base64')}` });
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ACCOUNT_STATUSES = ['INVITED', 'REGISTERED', 'AWAITING_DOCS', 'PENDING_VERIFICATION', 'LIVE', 'SUSPENDED'];
const INVALID_API_KEY = { error_code: 'INVALID_API_KEY', message: 'API key is invalid' };

function expectDocumentedAccount(account: Json, id: string | undefined, type: 'OWNED' | 'MANAGED'): void {
  expect(Object.keys(account)).toEqual(['id', 'created', 'updated', 'type', 'email', 'public_profile', 'status']);
  expect(account.id).toBe(id);
  expect(account.created).toMatch(RFC3339_UTC);
  expect(account.updated).toMatch(RFC3339_UTC);
  expect(account.type).toBe(type);
  expect(account.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  expect(Object.keys(account.public_profile as Json)).toEqual(['business_name']);
  expect(typeof (account.public_profile as Json).business_name).toBe('string');
  expect(ACCOUNT_STATUSES).toContain(account.status);
}

describe('the Xendit sandbox, faithful', () => {
  let sandbox: RunningSandbox;
  let auth: Record<string, string>;

  beforeAll(async () => {
    sandbox = await startSandbox('xendit');
    auth = basic(sandbox.credentials.secretKey ?? '');
  });
  afterAll(() => sandbox.close());

  it('serves at the server root with ObjectId-style fixtures and a development secret key', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(sandbox.fixtures)).toEqual(['accountId', 'managedAccountId']);
    for (const id of Object.values(sandbox.fixtures)) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(sandbox.credentials.secretKey).toMatch(/^xnd_development_[A-Za-z0-9]{60}$/);
  });

  it('answers the OWNED sub-account of the documented example', async () => {
    const answer = await call(`${sandbox.url}/v2/accounts/${sandbox.fixtures.accountId}`, auth);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['request-id']).toMatch(/^[0-9a-f]{24}$/);
    expectDocumentedAccount(answer.body as Json, sandbox.fixtures.accountId, 'OWNED');
    expect(answer.body).toMatchObject({
      created: '2021-01-01T10:00:00Z',
      email: 'angie@pinkpanther.com',
      public_profile: { business_name: "Angie's lemonade stand" },
      status: 'LIVE',
    });
  });

  it('answers the MANAGED sub-account', async () => {
    const answer = await call(`${sandbox.url}/v2/accounts/${sandbox.fixtures.managedAccountId}`, auth);
    expect(answer.status).toBe(200);
    expectDocumentedAccount(answer.body as Json, sandbox.fixtures.managedAccountId, 'MANAGED');
  });

  it('starts each id with its creation time, as an ObjectId does', async () => {
    const answer = await call(`${sandbox.url}/v2/accounts/${sandbox.fixtures.accountId}`, auth);
    const account = answer.body as Json;
    expect(Number.parseInt(String(account.id).slice(0, 8), 16) * 1000).toBe(Date.parse(String(account.created)));
  });

  it('answers 401 INVALID_API_KEY without a key, with a wrong key, or with another scheme', async () => {
    const url = `${sandbox.url}/v2/accounts/${sandbox.fixtures.accountId}`;
    for (const headers of [{}, basic('xnd_development_wrong'), { authorization: `Bearer ${sandbox.credentials.secretKey}` }]) {
      const answer = await call(url, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(INVALID_API_KEY);
    }
  });

  it('answers 400 API_VALIDATION_ERROR for an id that is not 24 hex digits', async () => {
    for (const id of ['5cafeb170a2b18519b1b876', 'not-an-account-id', 'zzzzeb170a2b18519b1b8761']) {
      const answer = await call(`${sandbox.url}/v2/accounts/${id}`, auth);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error_code: 'API_VALIDATION_ERROR',
        message: 'Invalid request parameters',
        errors: ['"id" must be a 24-character hexadecimal string'],
      });
    }
  });

  it('answers 404 DATA_NOT_FOUND, in the documented shape, for a well-formed id of no account', async () => {
    const answer = await call(`${sandbox.url}/v2/accounts/5cafeb170a2b18519b1b8761`, auth);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      error_code: 'DATA_NOT_FOUND',
      message: 'Could not find account with the corresponding ID. Please try again with a valid ID.',
      errors: ['No account exists with the given id'],
    });
  });

  it('answers 405 with Allow: GET to other methods, and 404 to other paths, in its error shape', async () => {
    const post = await call(`${sandbox.url}/v2/accounts/${sandbox.fixtures.accountId}`, auth, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET');
    expect(post.body).toMatchObject({ error_code: 'METHOD_NOT_ALLOWED' });
    const elsewhere = await call(`${sandbox.url}/v2/payouts/abc`, auth);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ error_code: 'NOT_FOUND' });
  });
});
