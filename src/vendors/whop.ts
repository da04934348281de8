import { guardedBaseUrl, optional } from './env.ts';
import type { VendorDefinition } from './types.ts';

// Compared by hostKey: any spelling of this host (case, trailing dot, IDNA, percent-escapes, port) is production.
const PRODUCTION_HOSTS = ['api.whop.com'];

export const whop: VendorDefinition = {
  name: 'whop',
  specs: ['specs/whop/1.0.0.yaml'],
  authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
  invalidCredential: 'apik_conform_invalid_0000000000000000',
  sandboxCredentials: { valid: 'apiKey', limited: 'limitedApiKey' },
  // Ids, error codes and the codes its enums hold (so a value new to an enum is shown): none is a person's data.
  nonPersonal: [
    '/id', '/owner/id', '/owner/typename', '/ledger_type', '/payments_approval_status', '/balances/*/currency',
    '/payout_account_details/id', '/payout_account_details/status', '/payout_account_details/latest_verification/id',
    '/payout_account_details/latest_verification/status', '/payout_account_details/latest_verification/last_error_code',
    '/error/type', '/error/code', '/error/param',
  ],
  variables: {
    WHOP_API_KEY: 'API key with company:balance:read and payout:account:read; setting it runs Whop live',
    WHOP_BASE_URL: 'default https://sandbox-api.whop.com/api/v1 (Whop sandbox)',
    WHOP_API_VERSION: 'sent as Api-Version-Date when set',
    WHOP_LEDGER_ACCOUNT_ID: 'a ledger account (ldgr_...) the key may read',
    WHOP_COMPANY_ID: 'a company (biz_...) whose ledger account the key may read',
    WHOP_USER_ID: 'a user (user_...) whose ledger account the key may read',
    WHOP_API_KEY_LIMITED: 'a key without the ledger scopes, for the 403 case',
  },
  liveTarget(env) {
    const key = optional(env, 'WHOP_API_KEY');
    if (!key) return null;
    const { url, production } = guardedBaseUrl(env, 'WHOP_BASE_URL', 'https://sandbox-api.whop.com/api/v1', PRODUCTION_HOSTS);
    const version = optional(env, 'WHOP_API_VERSION');
    const headers: Record<string, string> = version ? { 'api-version-date': version } : {};
    return {
      mode: 'live',
      baseUrl: url,
      production,
      credentials: { valid: key, limited: optional(env, 'WHOP_API_KEY_LIMITED') },
      fixtures: {
        ledgerAccountId: optional(env, 'WHOP_LEDGER_ACCOUNT_ID'),
        companyId: optional(env, 'WHOP_COMPANY_ID'),
        userId: optional(env, 'WHOP_USER_ID'),
      },
      headers,
    };
  },
};
