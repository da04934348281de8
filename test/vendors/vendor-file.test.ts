import { describe, expect, it } from 'vitest';
import { resolveRunConfig } from '../../src/run/config.ts';
import { placeCredential } from '../../src/http/index.ts';
import { ConfigError, VendorFileError } from '../../src/vendors/index.ts';
import { acmeCheckout, acmeVendorText, lineOf } from '../support/acme-vendor.ts';

/** The one located line a run stops on, for Acme's vendor file edited by `edit`, in `env`. */
async function stopLine(edit: (text: string) => string, env: Record<string, string> = {}): Promise<string> {
  const text = edit(await acmeVendorText());
  const root = await acmeCheckout({ vendorText: text });
  try {
    resolveRunConfig(env, root);
  } catch (error) {
    expect(error).toBeInstanceOf(VendorFileError);
    return (error as ConfigError).message;
  }
  throw new Error('the vendor file was accepted');
}

describe('a vendor file mistake is one located line, before any request', () => {
  it('an unknown key', async () => {
    const edit = (text: string) => text.replace('headers:', 'hedaers:');
    expect(await stopLine(edit)).toBe(`vendors/acme.yaml:${lineOf(edit(await acmeVendorText()), 'hedaers:')}: unknown key "hedaers"`);
  });

  it('a value of the wrong type', async () => {
    const edit = (text: string) => text.replace('expectStatus: 404', 'expectStatus: not-found');
    expect(await stopLine(edit)).toBe(`vendors/acme.yaml:${lineOf(edit(await acmeVendorText()), 'not-found')}: cases.1.expectStatus must be integer`);
  });

  it('a required variable left unset (only when the vendor runs live)', async () => {
    const text = await acmeVendorText();
    expect(await stopLine((t) => t, { ACME_API_KEY: 'k' })).toBe(`vendors/acme.yaml:${lineOf(text, 'baseUrl:')}: ACME_BASE_URL is not set; it is required when ACME_API_KEY is set`);
  });

  it('a security scheme the document does not declare', async () => {
    const edit = (text: string) => text.replace('  walletKey:', '  bearerAuth:');
    expect(await stopLine(edit)).toBe(
      `vendors/acme.yaml:${lineOf(edit(await acmeVendorText()), 'bearerAuth:')}: security scheme "bearerAuth" is not in the documents' securitySchemes (walletKey); name one, or give its type here`,
    );
  });

  it('a scheme the document lacks is accepted when the file gives its type', async () => {
    const root = await acmeCheckout({ vendorText: (await acmeVendorText()).replace('  walletKey:', '  bearerAuth:\n    type: http\n    scheme: bearer') });
    expect(resolveRunConfig({ ACME_API_KEY: 'k', ACME_BASE_URL: 'https://acme.example.test' }, root).plans[0]).toMatchObject({ mode: 'live', target: { auth: { name: 'bearerAuth', type: 'http-bearer' } } });
  });

  it('a fixture for a parameter no operation has', async () => {
    const edit = (text: string) => text.replace('parameter: wallet_id', 'parameter: walletId');
    expect(await stopLine(edit)).toBe(`vendors/acme.yaml:${lineOf(await acmeVendorText(), '  wallet:')}: fixture "wallet" fills parameter "walletId", which no operation of specs/acme/2026-01.yaml has`);
  });

  it('a case for an operation the document lacks', async () => {
    const edit = (text: string) => text.replace('  - name: unknown wallet\n    operation: GET /wallets/{wallet_id}', '  - name: unknown wallet\n    operation: GET /purses/{wallet_id}');
    expect(await stopLine(edit)).toBe(`vendors/acme.yaml:${lineOf(await acmeVendorText(), '- name: unknown wallet')}: case "unknown wallet": operation "GET /purses/{wallet_id}" is not in the documents`);
  });

  it('YAML that does not parse', async () => {
    const edit = (text: string) => text.replace('  hosts: [api.acme.example]', '  hosts: [api.acme.example');
    expect(await stopLine(edit)).toMatch(new RegExp(`^vendors/acme\\.yaml:${lineOf(await acmeVendorText(), '  hosts:') + 1}: `));
  });

  it('a credential written in the file instead of read from a variable', async () => {
    const edit = (text: string) => text.replace('valid: ${ACME_API_KEY}', 'valid: acme_live_committed_key');
    expect(await stopLine(edit)).toBe(
      `vendors/acme.yaml:${lineOf(edit(await acmeVendorText()), 'acme_live_committed_key')}: the valid credential must come from a variable (\${NAME}), never be written in the file`,
    );
  });

  it('an alias bomb: refused, located, never a stack trace', async () => {
    const bomb = 'x-bomb:\n  a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(await stopLine((text) => `${text}${bomb}`)).toMatch(/^vendors\/acme\.yaml:1: /);
  });

  it('a variable read but not listed under variables', async () => {
    const edit = (text: string) => text.replace('  ACME_VERSION: sent as Acme-Version (default 2026-01)\n', '');
    expect(await stopLine(edit)).toBe(`vendors/acme.yaml:${lineOf(await acmeVendorText(), 'Acme-Version:')}: ACME_VERSION is read here but not listed under variables (with its meaning)`);
  });

  it('a placeholder that is not the whole value', async () => {
    const edit = (text: string) => text.replace('baseUrl: ${ACME_BASE_URL}', 'baseUrl: https://${ACME_HOST}/v1');
    expect(await stopLine(edit)).toBe(`vendors/acme.yaml:${lineOf(await acmeVendorText(), 'baseUrl:')}: "https://\${ACME_HOST}/v1" is not a placeholder: write \${VAR} or \${VAR:-default} as the whole value`);
  });
});

describe('a vendor without a hand-made sandbox', () => {
  it('runs against the faithful sandbox generated from its document when not configured live', async () => {
    const root = await acmeCheckout();
    const [plan] = resolveRunConfig({ CONFORM_VENDORS: 'acme' }, root).plans;
    expect(plan).toEqual({ vendor: 'acme', mode: 'sandbox', scenario: 'faithful' });
  });
});

describe('the production guard of a vendor file', () => {
  it('refuses a production host unless CONFORM_ALLOW_PRODUCTION=1', async () => {
    const root = await acmeCheckout();
    const env = { ACME_API_KEY: 'k', ACME_BASE_URL: 'https://API.acme.example./v1' };
    expect(() => resolveRunConfig(env, root)).toThrow(/^ACME_BASE_URL: .*production.*CONFORM_ALLOW_PRODUCTION=1/);
    expect(resolveRunConfig({ ...env, CONFORM_ALLOW_PRODUCTION: '1' }, root).plans[0]).toMatchObject({ target: { production: true } });
  });
});

describe('what a vendor file configures', () => {
  const live = { ACME_API_KEY: 'k', ACME_BASE_URL: 'https://acme.example.test/v1' };
  const targetOf = async (edit: (text: string) => string, env: Record<string, string> = live) => {
    const plan = resolveRunConfig(env, await acmeCheckout({ vendorText: edit(await acmeVendorText()) })).plans[0]!;
    if (plan.mode !== 'live') throw new Error('not live');
    return plan.target;
  };

  it('runs no case of an excluded operation, and only cases of included ones', async () => {
    expect((await targetOf((t) => t)).cases).toHaveLength(4);
    expect((await targetOf((t) => `${t}operations:\n  exclude: ['GET /wallets/{wallet_id}']\n`)).cases).toEqual([]);
    expect((await targetOf((t) => `${t}operations:\n  include: ['GET /wallets/{wallet_id}']\n`)).cases).toHaveLength(4);
  });

  it('sends an apiKey the document puts in the query as a query parameter', async () => {
    const target = await targetOf((t) => t.replace('  walletKey:', '  queryKey:\n    type: apiKey\n    in: query\n    name: api_key'));
    expect(placeCredential(target.auth, 's3cret')).toEqual({ headers: {}, query: { api_key: 's3cret' }, cookies: {} });
  });

  it('reads fixtures and headers only when set, and defaults where the file gives one', async () => {
    const target = await targetOf((t) => t);
    expect(target.fixtures).toEqual({ wallet: null });
    expect(target.headers).toEqual({ 'acme-version': '2026-01' });
    expect((await targetOf((t) => t, { ...live, ACME_WALLET_ID: 'wal_12345678', ACME_VERSION: '2027-02' })).headers).toEqual({ 'acme-version': '2027-02' });
  });

  it('refuses a credential with a production prefix unless CONFORM_ALLOW_PRODUCTION=1', async () => {
    const edit = (t: string) => t.replace('  hosts: [api.acme.example]', '  hosts: [api.acme.example]\n  credentialPrefixes: [acme_live_]');
    await expect(targetOf(edit, { ...live, ACME_API_KEY: 'ACME_LIVE_abc' })).rejects.toThrow('ACME_API_KEY: an acme_live_ key is a production credential');
    expect(await targetOf(edit, { ...live, ACME_API_KEY: 'acme_live_abc', CONFORM_ALLOW_PRODUCTION: '1' })).toMatchObject({ production: true });
  });
});
