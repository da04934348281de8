import { conformSuite, fixture } from '../../src/run/suite.ts';

// Whop GET /ledger_accounts/{id}: the id may be a ledger account, a company or a user id.
const operation = 'GET /ledger_accounts/{id}';

conformSuite('whop', [
  { name: 'by ledger account id', operation, params: { id: fixture('ledgerAccountId') }, expectStatus: 200, providerState: 'ledger account {id} exists' },
  { name: 'by company id', operation, params: { id: fixture('companyId') }, expectStatus: 200, providerState: 'company {id} has a ledger account' },
  { name: 'by user id', operation, params: { id: fixture('userId') }, expectStatus: 200, providerState: 'user {id} has a ledger account' },
  { name: 'unknown id', operation, params: { id: 'ldgr_conform0unknown' }, expectStatus: 404, providerState: 'ledger account {id} does not exist' },
  { name: 'malformed id', operation, params: { id: 'not an id!' }, expectStatus: 400 },
  { name: 'missing credentials', operation, params: { id: fixture('ledgerAccountId') }, credential: 'none', expectStatus: 401, providerState: 'ledger account {id} exists' },
  { name: 'invalid credentials', operation, params: { id: fixture('ledgerAccountId') }, credential: 'invalid', expectStatus: 401, providerState: 'ledger account {id} exists' },
  { name: 'insufficient scope', operation, params: { id: fixture('ledgerAccountId') }, credential: 'limited', expectStatus: 403, providerState: 'ledger account {id} exists' },
]);
