import { conformSuite, fixture } from '../../src/run/suite.ts';

// Xendit xenPlatform GET /v2/accounts/{id}: ids are 24 hex characters. Xendit's page documents no 400,
// so there is no malformed-id case: a probe whose every answer is undocumented proves nothing nightly.
const operation = 'GET /v2/accounts/{id}';

conformSuite('xendit', [
  { name: 'owned account', operation, params: { id: fixture('accountId') }, expectStatus: 200, providerState: 'sub-account {id} exists' },
  { name: 'managed account', operation, params: { id: fixture('managedAccountId') }, expectStatus: 200, providerState: 'managed sub-account {id} exists' },
  { name: 'unknown id', operation, params: { id: '000000000000000000000000' }, expectStatus: 404, providerState: 'sub-account {id} does not exist' },
  { name: 'missing credentials', operation, params: { id: fixture('accountId') }, credential: 'none', expectStatus: 401, providerState: 'sub-account {id} exists' },
  { name: 'invalid credentials', operation, params: { id: fixture('accountId') }, credential: 'invalid', expectStatus: 401, providerState: 'sub-account {id} exists' },
]);
