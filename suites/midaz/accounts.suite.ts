import { conformSuite, fixture } from '../../src/run/suite.ts';

// Midaz: an account (documented in 3.7.0) and its balances (3.7.1). Ids are UUIDs.
const account = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}';
const balances = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances';
const known = { organization_id: fixture('organizationId'), ledger_id: fixture('ledgerId'), account_id: fixture('accountId') };
const unknownAccount = { ...known, account_id: '019c96a0-0000-7000-8000-000000000000' };
const malformedAccount = { ...known, account_id: 'not-a-uuid' };
const exists = 'account {account_id} exists in ledger {ledger_id}';

conformSuite('midaz', [
  { name: 'account', operation: account, params: known, expectStatus: 200, providerState: exists },
  { name: 'account unknown id', operation: account, params: unknownAccount, expectStatus: 404, providerState: 'account {account_id} does not exist' },
  { name: 'account malformed id', operation: account, params: malformedAccount, expectStatus: 400 },
  { name: 'account missing token', operation: account, params: known, credential: 'none', expectStatus: 401, providerState: exists },
  { name: 'account invalid token', operation: account, params: known, credential: 'invalid', expectStatus: 401, providerState: exists },
  { name: 'balances', operation: balances, params: known, expectStatus: 200, providerState: exists },
  { name: 'balances unknown id', operation: balances, params: unknownAccount, expectStatus: 404, providerState: 'account {account_id} does not exist' },
  { name: 'balances malformed id', operation: balances, params: malformedAccount, expectStatus: 400 },
  { name: 'balances missing token', operation: balances, params: known, credential: 'none', expectStatus: 401, providerState: exists },
  { name: 'balances invalid token', operation: balances, params: known, credential: 'invalid', expectStatus: 401, providerState: exists },
]);
