import { cp, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { loadVendorFile } from '../../src/vendors/index.ts';
import { ACME } from '../support/acme-vendor.ts';
import { FIXTURES } from '../support/paths.ts';

// A credential that must appear in no file and no output.
const CANARY = 'sk_live_CANARY7f3a9c0000';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A working directory holding the Acme document (specs/acme/2026-01.yaml) and the init fixtures (specs/init/). */
async function workspace(): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'conform-init-'));
  await cp(join(ACME, 'specs'), join(cwd, 'specs'), { recursive: true });
  await cp(join(FIXTURES, 'init'), join(cwd, 'specs', 'init'), { recursive: true });
  return cwd;
}

async function init(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const run = { code: -1, stdout: '', stderr: '' };
  const io: CliIo = { cwd, env, stdout: (text) => (run.stdout += text), stderr: (text) => (run.stderr += text) };
  run.code = await main(['init', ...args], io);
  expect(run.stdout + run.stderr).not.toContain(CANARY);
  return run;
}

async function written(cwd: string, name: string): Promise<{ text: string; content: Record<string, any> }> {
  const text = await readFile(join(cwd, 'vendors', `${name}.yaml`), 'utf8');
  expect(text).not.toContain(CANARY);
  return { text, content: parse(text) as Record<string, any> };
}

const acmeArgs = ['--spec', 'specs/acme/2026-01.yaml', '--base-url', 'https://api.acme.test/v1', '--vendor', 'acme'];

describe('conform init', () => {
  it('writes an apiKey vendor file conform loads, with the credential as a variable and fixtures and headers as defaults', async () => {
    const cwd = await workspace();
    const run = await init(cwd, [...acmeArgs, '--auth', `walletKey=${CANARY}`, '--fixture', 'wallet_id=wal_12345678', '--header', 'Acme-Version=2026-01']);
    expect(run).toEqual({
      code: 0,
      stdout: 'wrote vendors/acme.yaml\nset before a live run (in the environment or .env):\n  ACME_WALLET_KEY: put the credential you gave with --auth walletKey in it\n',
      stderr: '',
    });
    const { text, content } = await written(cwd, 'acme');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/vendor.schema.json');
    expect(content).toEqual({
      name: 'acme',
      specs: ['specs/acme/2026-01.yaml'],
      live: { when: 'ACME_WALLET_KEY', baseUrl: '${ACME_BASE_URL:-https://api.acme.test/v1}' },
      auth: { walletKey: { valid: '${ACME_WALLET_KEY}', invalid: 'conform_invalid_00000000' } },
      headers: { 'Acme-Version': '${ACME_VERSION:-2026-01}' },
      fixtures: { wallet_id: { value: '${ACME_WALLET_ID:-wal_12345678}' } },
      variables: {
        ACME_WALLET_KEY: 'API key (header x-acme-key) for walletKey; setting it runs acme live',
        ACME_BASE_URL: 'the acme API (default https://api.acme.test/v1)',
        ACME_VERSION: 'sent as Acme-Version (default 2026-01)',
        ACME_WALLET_ID: 'fills the parameter wallet_id (default wal_12345678)',
      },
    });

    // Round trip: what the flags said is what a live run of the file reads, and the variables override it.
    const { definition } = loadVendorFile(cwd, 'vendors/acme.yaml');
    expect(definition.auth).toEqual({ name: 'walletKey', type: 'apiKey', in: 'header', parameter: 'x-acme-key' });
    expect(definition.liveTarget({ ACME_WALLET_KEY: 'k' })).toMatchObject({
      baseUrl: 'https://api.acme.test/v1',
      credentials: { valid: 'k', limited: null },
      fixtures: { wallet_id: 'wal_12345678' },
      headers: { 'acme-version': '2026-01' },
    });
    expect(definition.liveTarget({ ACME_WALLET_KEY: 'k', ACME_WALLET_ID: 'wal_other000', ACME_BASE_URL: 'http://localhost:1' })).toMatchObject({
      baseUrl: 'http://localhost:1',
      fixtures: { wallet_id: 'wal_other000' },
    });
    expect(definition.liveTarget({})).toBe(null);
    expect(await readdir(join(cwd, 'vendors'))).toEqual(['acme.yaml']);
  });

  it('writes the env: variable a bearer credential was read from, and maps a parameter no key can spell', async () => {
    const cwd = await workspace();
    const run = await init(cwd, ['--spec', 'specs/init/bearer.yaml', '--base-url', 'https://api.ledgerly.test', '--auth', 'bearerAuth=env:LEDGERLY_TOKEN', '--fixture', 'account-id=acc_1'], { LEDGERLY_TOKEN: CANARY });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  LEDGERLY_TOKEN: already read by --auth bearerAuth=env:LEDGERLY_TOKEN\n');
    const { content } = await written(cwd, 'bearer');
    expect(content.live.when).toBe('LEDGERLY_TOKEN');
    expect(content.auth).toEqual({ bearerAuth: { valid: '${LEDGERLY_TOKEN}', invalid: 'conform_invalid_00000000' } });
    expect(content.fixtures).toEqual({ accountId: { value: '${BEARER_ACCOUNT_ID:-acc_1}', parameter: 'account-id' } });
    const { definition } = loadVendorFile(cwd, 'vendors/bearer.yaml');
    expect(definition.fixtureParameters).toEqual({ accountId: 'account-id' });
    expect(definition.liveTarget({ LEDGERLY_TOKEN: 't' })?.fixtures).toEqual({ accountId: 'acc_1' });
  });

  it('gives basic user:password an invalid user:password, and a JWT an invalid JWT', async () => {
    const cwd = await workspace();
    expect((await init(cwd, ['--spec', 'specs/init/basic.yaml', '--base-url', 'https://pay.test', '--auth', `basicAuth=user:${CANARY}`])).code).toBe(0);
    expect((await written(cwd, 'basic')).content.auth.basicAuth.invalid).toMatch(/^conform-invalid:conform_invalid_password_0+$/);
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${CANARY}.sig`;
    expect((await init(cwd, ['--spec', 'specs/init/bearer.yaml', '--vendor', 'jwt', '--base-url', 'https://api.ledgerly.test', '--auth', `bearerAuth=${jwt}`])).code).toBe(0);
    expect((await written(cwd, 'jwt')).content.auth.bearerAuth.invalid).toBe('eyJhbGciOiJIUzI1NiJ9.conform-invalid.0000');
    loadVendorFile(cwd, 'vendors/basic.yaml');
    loadVendorFile(cwd, 'vendors/jwt.yaml');
  });

  it('writes an oauth2 client-credentials vendor, naming it from the title, its scheme the documents only one', async () => {
    const cwd = await workspace();
    await cp(join(cwd, 'specs', 'init', 'oauth2.yaml'), join(cwd, 'specs', 'init', 'openapi.yaml'));
    const run = await init(cwd, ['--spec', 'specs/init/openapi.yaml', '--base-url', 'https://api.tokenbank.test', '--fixture', 'currency=EUR']);
    expect(run.stdout).toBe('wrote vendors/tokenbank.yaml\nset before a live run (in the environment or .env):\n  TOKENBANK_CLIENT_CREDENTIALS: the credential for clientCredentials\n');
    const { content } = await written(cwd, 'tokenbank');
    expect(content.auth).toEqual({ clientCredentials: { valid: '${TOKENBANK_CLIENT_CREDENTIALS}', invalid: 'conform-invalid-client:conform_invalid_secret_0000000000' } });
    expect(content.variables.TOKENBANK_CLIENT_CREDENTIALS).toBe('client_id:client_secret for clientCredentials; setting it runs tokenbank live');
    const { definition } = loadVendorFile(cwd, 'vendors/tokenbank.yaml');
    expect(definition.auth).toEqual({ name: 'clientCredentials', type: 'oauth2-client-credentials', tokenUrl: 'https://auth.tokenbank.example/oauth/token', scopes: ['balances:read'] });
  });

  it('reads a header that carries a secret from a variable without a default', async () => {
    const cwd = await workspace();
    const run = await init(cwd, [...acmeArgs, '--auth', 'walletKey=k', '--header', `X-Session-Token=${CANARY}`]);
    expect(run.stdout).toContain('  ACME_X_SESSION_TOKEN: put the value you gave with --header X-Session-Token in it\n');
    expect((await written(cwd, 'acme')).content.headers).toEqual({ 'X-Session-Token': '${ACME_X_SESSION_TOKEN}' });
  });

  it('refuses to overwrite a vendor file unless --force', async () => {
    const cwd = await workspace();
    const args = [...acmeArgs, '--auth', `walletKey=${CANARY}`];
    expect((await init(cwd, args)).code).toBe(0);
    await writeFile(join(cwd, 'vendors', 'acme.yaml'), 'hand-edited\n');
    expect(await init(cwd, args)).toEqual({ code: 2, stdout: '', stderr: 'conform init: vendors/acme.yaml exists; --force replaces it\n' });
    expect(await readFile(join(cwd, 'vendors', 'acme.yaml'), 'utf8')).toBe('hand-edited\n');
    expect((await init(cwd, [...args, '--force'])).code).toBe(0);
    expect((await written(cwd, 'acme')).content.name).toBe('acme');
  });

  it('never lands a file the loader refuses, and leaves nothing behind', async () => {
    const cwd = await workspace();
    const run = await init(cwd, [...acmeArgs, '--auth', `walletKey=${CANARY}`, '--fixture', 'nope=1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^conform init: vendors\/acme\.yaml would not load: line \d+: fixture "nope" fills parameter "nope", which no operation of specs\/acme\/2026-01\.yaml has\n$/);
    expect(await readdir(join(cwd, 'vendors'))).toEqual([]);
  });

  it.each([
    [['--spec', '../outside.yaml', '--base-url', 'https://x.test', '--vendor', 'x'], 'conform init: --spec ../outside.yaml is outside the working directory; a vendor file reads documents inside it only'],
    [[...acmeArgs, '--auth', `bearer=${CANARY}`], "conform init: --auth bearer: not in the documents' securitySchemes (walletKey)"],
    [[...acmeArgs, '--auth', `walletKey=${CANARY}`, '--auth', 'other=x'], 'conform init: a vendor file holds one credential: give one --auth (got 2)'],
    [[...acmeArgs, '--auth', 'walletKey=k', '--fixture', 'wallet_id=a}b'], 'conform init: --fixture wallet_id: a value with } cannot be written as a default; set ACME_WALLET_ID instead'],
    [[...acmeArgs, '--auth', 'walletKey=k', '--fixture', 'base_url=x'], 'conform init: two values would be read from ACME_BASE_URL; rename a --fixture or --header'],
    [['--spec', 'specs/init/two-schemes.yaml', '--base-url', 'https://x.test'], 'conform init: the documents declare several securitySchemes (bearerAuth, apiKey): name one with --auth SCHEME=VALUE'],
    [[...acmeArgs, '--auth', `walletKey=${CANARY}`, '--fixture', `wallet_id=${CANARY}`], 'conform init: the file would hold a credential (a --fixture, --header or --base-url value, or a name, equal to it); init writes none'],
    [['--compare', 'a', 'b'], 'conform init: --compare is for conform audit'],
    [['--spec', 'specs/init/bearer.yaml', '--base-url', 'https://x.test', '--auth', `bearerAuth=${CANARY}`, '--out'], 'conform init: --out needs a value'],
  ])('refuses %j with one line', async (args, message) => {
    const cwd = await workspace();
    await writeFile(join(tmpdir(), 'outside.yaml'), 'openapi: 3.1.0\ninfo: {title: Outside, version: "1"}\npaths: {}\n');
    expect(await init(cwd, args)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('refuses a document reached through a link that leads outside the working directory', async () => {
    const cwd = await workspace();
    await symlink(join(FIXTURES, 'init', 'bearer.yaml'), join(cwd, 'specs', 'linked.yaml'));
    expect((await init(cwd, ['--spec', 'specs/linked.yaml', '--base-url', 'https://x.test'])).stderr).toBe(
      'conform init: --spec specs/linked.yaml is outside the working directory; a vendor file reads documents inside it only\n',
    );
  });

  it('is listed in the help', async () => {
    const cwd = await workspace();
    const run = { out: '' };
    await main(['--help'], { cwd, env: {}, stdout: (text) => (run.out += text), stderr: () => {} });
    expect(run.out).toMatch(/\n {2}conform init +write vendors\/NAME\.yaml from the flags conform audit takes/);
  });
});
