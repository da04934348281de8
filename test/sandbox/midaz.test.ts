import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.ts';
import { positionOf } from '../../src/sandbox/midaz/balance-body.ts';
import type { MidazBalance } from '../../src/sandbox/midaz/data.ts';
import { call, type Json } from './support/call.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const UNKNOWN_ID = '019c96a0-0000-7000-8000-000000000000';

const ENTITY_NOT_FOUND = {
  code: '0007',
  title: 'Entity Not Found',
  message: 'No entity was found for the given ID. Please make sure to use the correct ID for the entity you are trying to manage.',
};

function invalidPathParameter(name: string) {
  return {
    code: '0065',
    title: 'Invalid Path Parameter',
    message: `The provided path parameter ${name} is not in the expected format. Please ensure the parameter adheres to the required format and try again.`,
  };
}

describe('the Midaz sandbox, faithful, without auth', () => {
  let sandbox: RunningSandbox;
  let ledger: string;
  let accountUrl: string;

  beforeAll(async () => {
    sandbox = await startSandbox('midaz');
    ledger = `${sandbox.url}/v1/organizations/${sandbox.fixtures.organizationId}/ledgers/${sandbox.fixtures.ledgerId}`;
    accountUrl = `${ledger}/accounts/${sandbox.fixtures.accountId}`;
  });
  afterAll(() => sandbox.close());

  it('serves at the server root with UUIDv7 fixtures and a token issued even though auth is off', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(sandbox.fixtures)).toEqual(['organizationId', 'ledgerId', 'accountId']);
    for (const id of Object.values(sandbox.fixtures)) expect(id).toMatch(UUID_V7);
    expect(sandbox.credentials.token).toMatch(/^midaz_sandbox_[A-Za-z0-9]{48}$/);
  });

  it('answers the account as the rendered page shows it, status an object', async () => {
    const answer = await call(accountUrl);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const account = answer.body as Json;
    expect(Object.keys(account)).toEqual([
      'id',
      'organizationId',
      'ledgerId',
      'assetCode',
      'name',
      'alias',
      'type',
      'blocked',
      'parentAccountId',
      'entityId',
      'portfolioId',
      'segmentId',
      'status',
      'metadata',
      'createdAt',
      'updatedAt',
      'deletedAt',
    ]);
    expect(account).toMatchObject({
      id: sandbox.fixtures.accountId,
      organizationId: sandbox.fixtures.organizationId,
      ledgerId: sandbox.fixtures.ledgerId,
      assetCode: 'BRL',
      alias: 'customer-brl-1',
      type: 'deposit',
      blocked: false,
      parentAccountId: null,
      entityId: 'customer-000481',
      status: { code: 'ACTIVE', description: 'Customer wallet in good standing' },
      deletedAt: null,
    });
    expect(account.portfolioId).toMatch(UUID_V7);
    expect(account.segmentId).toMatch(UUID_V7);
    for (const value of Object.values(account.metadata as Json)) expect(typeof value).toBe('string');
    expect(account.createdAt).toMatch(RFC3339_UTC);
    expect(account.updatedAt).toMatch(RFC3339_UTC);
  });

  it('answers one balance, as the 3.7.1 document and its example do, with the position computed from an overdraft in use', async () => {
    const answer = await call(`${accountUrl}/balances`);
    expect(answer.status).toBe(200);
    const balance = answer.body as Json;
    expect(Object.keys(balance)).toEqual([
      'id',
      'organizationId',
      'ledgerId',
      'accountId',
      'alias',
      'key',
      'assetCode',
      'available',
      'onHold',
      'version',
      'accountType',
      'allowSending',
      'allowReceiving',
      'direction',
      'overdraftUsed',
      'settings',
      'position',
      'createdAt',
      'updatedAt',
      'deletedAt',
      'metadata',
    ]);
    expect(balance.id).toMatch(UUID_V7);
    expect(balance).toMatchObject({
      organizationId: sandbox.fixtures.organizationId,
      ledgerId: sandbox.fixtures.ledgerId,
      accountId: sandbox.fixtures.accountId,
      alias: 'customer-brl-1',
      key: 'default',
      assetCode: 'BRL',
      available: '0',
      onHold: '89.90',
      version: 14,
      accountType: 'deposit',
      allowSending: true,
      allowReceiving: true,
      direction: 'credit',
      overdraftUsed: '1250.75',
      settings: { allowOverdraft: true, overdraftLimitEnabled: true, overdraftLimit: '5000.00', balanceScope: 'transactional' },
      // Overdrawn: the position subtracts the overdraft in use from both the available amount and the limit.
      position: { available: '-1250.75', onHold: '89.90', overdraftLimitAvailable: '3749.25' },
      deletedAt: null,
      metadata: {},
    });
    for (const amount of [balance.available, balance.onHold, balance.overdraftUsed]) expect(amount).toMatch(DECIMAL);
    expect(balance.createdAt).toMatch(RFC3339_UTC);
  });

  it('answers 400 0065 naming the first path parameter that is not a UUID', async () => {
    const { organizationId, ledgerId, accountId } = sandbox.fixtures;
    const cases: Array<[string, string]> = [
      [`/v1/organizations/org-1/ledgers/${ledgerId}/accounts/${accountId}`, 'organization_id'],
      [`/v1/organizations/${organizationId}/ledgers/ledger-1/accounts/not-a-uuid`, 'ledger_id'],
      [`/v1/organizations/${organizationId}/ledgers/${ledgerId}/accounts/not-a-uuid`, 'account_id'],
      [`/v1/organizations/${organizationId}/ledgers/${ledgerId}/accounts/not-a-uuid/balances`, 'account_id'],
    ];
    for (const [path, parameter] of cases) {
      const answer = await call(`${sandbox.url}${path}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(invalidPathParameter(parameter));
    }
  });

  it('answers 404 0038, 0037 or 0007 for an unknown organization, ledger or account', async () => {
    const { organizationId, accountId } = sandbox.fixtures;
    const unknownOrganization = await call(`${sandbox.url}/v1/organizations/${UNKNOWN_ID}/ledgers/${UNKNOWN_ID}/accounts/${accountId}`);
    expect(unknownOrganization.status).toBe(404);
    expect(unknownOrganization.body).toEqual({
      code: '0038',
      title: 'Organization ID Not Found',
      message: 'The provided organization ID does not exist in our records. Please verify the organization ID and try again.',
    });
    const unknownLedger = await call(`${sandbox.url}/v1/organizations/${organizationId}/ledgers/${UNKNOWN_ID}/accounts/${accountId}/balances`);
    expect(unknownLedger.status).toBe(404);
    expect(unknownLedger.body).toEqual({
      code: '0037',
      title: 'Ledger ID Not Found',
      message: 'The provided ledger ID does not exist in our records. Please verify the ledger ID and try again.',
    });
    for (const suffix of ['', '/balances']) {
      const unknownAccount = await call(`${ledger}/accounts/${UNKNOWN_ID}${suffix}`);
      expect(unknownAccount.status).toBe(404);
      expect(unknownAccount.body).toEqual(ENTITY_NOT_FOUND);
    }
  });

  it('echoes the X-Request-Id the client sent, and mints a UUIDv7 when none was sent', async () => {
    const echoed = await call(accountUrl, { 'x-request-id': '019c96a0-0a98-7287-9a31-786e0809c769' });
    expect(echoed.headers['x-request-id']).toBe('019c96a0-0a98-7287-9a31-786e0809c769');
    const minted = await call(accountUrl);
    expect(minted.headers['x-request-id']).toMatch(UUID_V7);
  });

  it('answers 405 with Allow: GET to other methods, and 404 to other paths, as ErrorFormat', async () => {
    const patch = await call(accountUrl, {}, 'PATCH');
    expect(patch.status).toBe(405);
    expect(patch.headers.allow).toBe('GET');
    expect(patch.body).toMatchObject({ code: '405', title: 'Method Not Allowed' });
    const elsewhere = await call(`${ledger}/assets`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ code: '404', title: 'Route Not Found' });
  });
});

describe('the Midaz sandbox with Access Manager auth', () => {
  let sandbox: RunningSandbox;
  let accountUrl: string;

  beforeAll(async () => {
    sandbox = await startSandbox('midaz', { requireAuth: true });
    const { organizationId, ledgerId, accountId } = sandbox.fixtures;
    accountUrl = `${sandbox.url}/v1/organizations/${organizationId}/ledgers/${ledgerId}/accounts/${accountId}`;
  });
  afterAll(() => sandbox.close());

  it('answers 401 0041 without a token, on both routes', async () => {
    for (const url of [accountUrl, `${accountUrl}/balances`]) {
      const answer = await call(url);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        code: '0041',
        title: 'Token Missing',
        message: 'A valid token must be provided in the request header. Please include a token and try again.',
      });
    }
  });

  it('answers 401 0042 to a wrong token or a token without the Bearer scheme', async () => {
    for (const authorization of ['Bearer not-the-token', sandbox.credentials.token ?? '']) {
      const answer = await call(`${accountUrl}/balances`, { authorization });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        code: '0042',
        title: 'Invalid Token',
        message: 'The provided token is expired, invalid or malformed. Please provide a valid token and try again.',
      });
    }
  });

  it('checks the token before the path parameters', async () => {
    const answer = await call(`${sandbox.url}/v1/organizations/org/ledgers/ledger/accounts/account`);
    expect(answer.status).toBe(401);
  });

  it('serves the account and its balance to the issued token', async () => {
    const authorization = `Bearer ${sandbox.credentials.token}`;
    expect((await call(accountUrl, { authorization })).status).toBe(200);
    expect((await call(`${accountUrl}/balances`, { authorization })).status).toBe(200);
  });
});

describe('the Midaz balance position', () => {
  const balance = (fields: Pick<MidazBalance, 'available' | 'onHold' | 'overdraftUsed' | 'settings'>) => fields as MidazBalance;

  it('is available minus overdraft used, and the limit minus overdraft used, when the overdraft is limited', () => {
    const position = positionOf(
      balance({
        available: '0',
        onHold: '120.00',
        overdraftUsed: '250.50',
        settings: { allowOverdraft: true, overdraftLimitEnabled: true, overdraftLimit: '1000.00', balanceScope: 'transactional' },
      }),
    );
    expect(position).toEqual({ available: '-250.50', onHold: '120.00', overdraftLimitAvailable: '749.50' });
  });

  it('omits overdraftLimitAvailable when the overdraft is unlimited', () => {
    const position = positionOf(
      balance({
        available: '0',
        onHold: '0',
        overdraftUsed: '18250.00',
        settings: { allowOverdraft: true, overdraftLimitEnabled: false, balanceScope: 'transactional' },
      }),
    );
    expect(position).toEqual({ available: '-18250.00', onHold: '0' });
  });

  it('has an overdraftLimitAvailable of "0" when the overdraft is off', () => {
    const position = positionOf(
      balance({
        available: '72000.00',
        onHold: '0',
        overdraftUsed: '0',
        settings: { allowOverdraft: false, overdraftLimitEnabled: false, balanceScope: 'transactional' },
      }),
    );
    expect(position).toEqual({ available: '72000.00', onHold: '0', overdraftLimitAvailable: '0' });
  });
});
