import { baseUrl, optional, productionAllowed, refuseProduction } from './env.ts';
import type { VendorDefinition } from './types.ts';

export const xendit: VendorDefinition = {
  name: 'xendit',
  specs: ['specs/xendit/2026-01-08.yaml'],
  // HTTP Basic with the secret key as user name and an empty password.
  authHeaders: (key) => ({ authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` }),
  invalidCredential: 'xnd_development_conformInvalid000000000000000000000000',
  sandboxCredentials: { valid: 'secretKey', limited: null },
  // Xendit's ids, states and error codes are free strings in its document; none is a person's data.
  nonPersonal: ['/id', '/status', '/type', '/error_code'],
  variables: {
    XENDIT_SECRET_KEY: 'secret API key (xnd_development_...); setting it runs Xendit live',
    XENDIT_BASE_URL: 'default https://api.xendit.co',
    XENDIT_ACCOUNT_ID: 'an OWNED sub-account id',
    XENDIT_MANAGED_ACCOUNT_ID: 'a MANAGED sub-account id',
  },
  liveTarget(env) {
    const key = optional(env, 'XENDIT_SECRET_KEY');
    if (!key) return null;
    // One host (api.xendit.co) serves test and live keys: the key says which. Any case, as a guard errs on the safe side.
    const production = /^xnd_production_/i.test(key);
    if (production && !productionAllowed(env)) refuseProduction('XENDIT_SECRET_KEY', 'an xnd_production_ key');
    return {
      mode: 'live',
      baseUrl: baseUrl(env, 'XENDIT_BASE_URL', 'https://api.xendit.co'),
      production,
      credentials: { valid: key, limited: null },
      fixtures: { accountId: optional(env, 'XENDIT_ACCOUNT_ID'), managedAccountId: optional(env, 'XENDIT_MANAGED_ACCOUNT_ID') },
      headers: {},
    };
  },
};
