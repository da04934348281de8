import { baseUrl, optional } from './env.ts';
import type { VendorDefinition } from './types.ts';

export const midaz: VendorDefinition = {
  name: 'midaz',
  // Newest first: an operation is checked against the newest document that has it.
  specs: ['specs/midaz/3.7.1.yaml', 'specs/midaz/3.7.0.yaml'],
  authHeaders: (token) => ({ authorization: `Bearer ${token}` }),
  invalidCredential: 'eyJhbGciOiJIUzI1NiJ9.conform-invalid.0000',
  sandboxCredentials: { valid: 'token', limited: null },
  // Midaz's codes and its amounts (decimal strings) are free strings in its document; none is a person's data.
  nonPersonal: ['/id', '/assetCode', '/type', '/accountType', '/status/code', '/key', '/direction', '/settings/balanceScope', '/available', '/onHold', '/overdraftUsed', '/position/*', '/settings/overdraftLimit', '/code', '/title'],
  variables: {
    MIDAZ_BASE_URL: 'the Midaz ledger API; setting it runs Midaz live',
    MIDAZ_TOKEN: 'bearer token, when Access Manager is enabled (optional)',
    MIDAZ_ORGANIZATION_ID: 'an organization (UUID)',
    MIDAZ_LEDGER_ID: 'a ledger of that organization (UUID)',
    MIDAZ_ACCOUNT_ID: 'an account of that ledger (UUID)',
  },
  liveTarget(env) {
    if (!optional(env, 'MIDAZ_BASE_URL')) return null;
    return {
      mode: 'live',
      baseUrl: baseUrl(env, 'MIDAZ_BASE_URL', ''),
      production: false,
      credentials: { valid: optional(env, 'MIDAZ_TOKEN'), limited: null },
      fixtures: {
        organizationId: optional(env, 'MIDAZ_ORGANIZATION_ID'),
        ledgerId: optional(env, 'MIDAZ_LEDGER_ID'),
        accountId: optional(env, 'MIDAZ_ACCOUNT_ID'),
      },
      headers: {},
    };
  },
};
