import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { request } from 'undici';
import { runSandboxCli, sandboxCommand } from '../../src/cli/sandbox.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { acmeCheckout } from '../support/acme-vendor.ts';
import { exchangeClientCredentials } from './support/token.ts';

/** Acme as an oauth2 vendor: its document is the oauth2 fixture, its credential the remote-token scheme's. */
const OAUTH2_ACME = `name: acme
specs: [specs/acme/2026-01.yaml]
live: { when: ACME_CLIENT, baseUrl: https://api.example.com/v1 }
auth:
  remoteOauth:
    type: oauth2
    valid: \${ACME_CLIENT}
    invalid: nobody:nothing
variables:
  ACME_CLIENT: client_id:client_secret
`;

interface FakeIo {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first text written to stdout: the sandbox is listening by then. */
  firstOutput: Promise<string>;
}

function fakeIo(): FakeIo {
  const out: string[] = [];
  const err: string[] = [];
  let announce: (text: string) => void = () => {};
  const firstOutput = new Promise<string>((resolve) => (announce = resolve));
  const io: CliIo = {
    stdout: (text) => {
      out.push(text);
      announce(text);
    },
    stderr: (text) => err.push(text),
    cwd: process.cwd(),
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), firstOutput };
}

async function refused(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const fake = fakeIo();
  const code = await runSandboxCli(args, fake.io, new AbortController().signal);
  return { code, stderr: fake.stderr(), stdout: fake.stdout() };
}

describe('conform sandbox', () => {
  it('starts the sandbox, prints what a suite needs, serves until stopped, then closes and exits 0', async () => {
    const fake = fakeIo();
    const stop = new AbortController();
    const exit = runSandboxCli(['whop', '--scenario', 'required-field-removed'], fake.io, stop.signal);
    const banner = await fake.firstOutput;
    const url = /listening at (\S+)/.exec(banner)?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(banner).toContain('scenario: required-field-removed\n');
    expect(banner).toMatch(/ledgerAccountId: ldgr_[A-Za-z0-9]{14}\n/);
    expect(banner).toMatch(/apiKey: apik_[A-Za-z0-9]{40}\n/);
    expect(banner).toContain('scenarios: faithful, amounts-as-strings,');

    const key = /apiKey: (\S+)/.exec(banner)?.[1];
    const ledgerAccountId = /ledgerAccountId: (\S+)/.exec(banner)?.[1];
    const response = await request(`${url}/ledger_accounts/${ledgerAccountId}`, { headers: { authorization: `Bearer ${key}` } });
    const body = (await response.body.json()) as Record<string, unknown>;
    expect(response.statusCode).toBe(200);
    expect(body).not.toHaveProperty('transfer_fee');

    stop.abort();
    expect(await exit).toBe(0);
    expect(fake.stdout()).toContain('whop sandbox stopped\n');
    await expect(request(`${url}/ledger_accounts/${ledgerAccountId}`)).rejects.toThrow();
    expect(fake.stderr()).toBe('');
  });

  it('serves a vendor without a hand-made sandbox from its document: its fixtures and credentials answer 200, a wrong key 401', async () => {
    const fake = fakeIo();
    fake.io.cwd = await acmeCheckout();
    const stop = new AbortController();
    const exit = runSandboxCli(['acme'], fake.io, stop.signal);
    const banner = await fake.firstOutput;
    const url = /listening at (\S+)/.exec(banner)?.[1] ?? '';
    const wallet = /wallet_id: (\S+)/.exec(banner)?.[1];
    const key = /valid: (\S+)/.exec(banner)?.[1] ?? '';
    expect(banner).toContain('generated from specs/acme/2026-01.yaml');
    expect(banner).not.toContain('token URL'); // an apiKey vendor has none
    expect((await request(`${url}/wallets/${wallet}`, { headers: { 'x-acme-key': key } })).statusCode).toBe(200);
    expect((await request(`${url}/wallets/${wallet}`, { headers: { 'x-acme-key': 'wrong' } })).statusCode).toBe(401);
    stop.abort();
    expect(await exit).toBe(0);
    expect(fake.stderr()).toBe('');
  });

  it('prints the token URL of an oauth2 vendor\'s sandbox, where its client credentials get a token its API accepts', async () => {
    const fake = fakeIo();
    fake.io.cwd = await acmeCheckout({ vendorText: OAUTH2_ACME });
    await copyFile('test/fixtures/generic-sandbox/oauth2.yaml', join(fake.io.cwd, 'specs/acme/2026-01.yaml'));
    const stop = new AbortController();
    const exit = runSandboxCli(['acme'], fake.io, stop.signal);
    const banner = await fake.firstOutput;
    const url = /listening at (\S+)/.exec(banner)?.[1] ?? '';
    const tokenUrl = /token URL .*: (\S+)\n/.exec(banner)?.[1] ?? '';
    expect(banner).toContain('credentials (fake, valid only against this sandbox; scheme remoteOauth, client_id:client_secret):\n  valid: conform-sandbox-client:conform-sandbox-secret\n');
    expect(tokenUrl).toBe(`${new URL(url).origin}/oauth2/token`);
    const token = await exchangeClientCredentials(tokenUrl, /valid: (\S+)/.exec(banner)?.[1] ?? '');
    expect((await request(`${url}/payments/pay_1`, { headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    stop.abort();
    expect(await exit).toBe(0);
    expect(fake.stdout()).toContain('acme sandbox stopped\n');
    expect(fake.stderr()).toBe('');
  });

  it('refuses a drift scenario for a sandbox generated from a document', async () => {
    const fake = fakeIo();
    fake.io.cwd = await acmeCheckout();
    const code = await runSandboxCli(['acme', '--scenario', 'status-drift'], fake.io, new AbortController().signal);
    expect([code, fake.stderr()]).toEqual([2, "conform sandbox: unknown acme scenario 'status-drift'; a sandbox generated from a document has one: faithful\n"]);
  });

  it('says whether Midaz requires its bearer token', async () => {
    const fake = fakeIo();
    const stop = new AbortController();
    const exit = runSandboxCli(['midaz', '--require-auth', '--port', '0'], fake.io, stop.signal);
    expect(await fake.firstOutput).toContain('bearer auth: required\n');
    stop.abort();
    expect(await exit).toBe(0);
  });

  it('stops on SIGTERM when run as the command, and removes its signal listeners', async () => {
    const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
    const fake = fakeIo();
    const exit = sandboxCommand(['xendit'], fake.io);
    expect(await fake.firstOutput).toContain('xendit sandbox listening at http://127.0.0.1:');
    // Only the command's own listener is called: emitting the signal would reach the test runner's too.
    const added = process.listeners('SIGTERM').filter((listener) => !before.SIGTERM.includes(listener));
    expect(added).toHaveLength(1);
    added[0]!('SIGTERM');
    expect(await exit).toBe(0);
    expect(process.listeners('SIGTERM')).toEqual(before.SIGTERM);
    expect(process.listeners('SIGINT')).toEqual(before.SIGINT);
  });

  it.each([
    [['stripe'], "conform sandbox: unknown vendor 'stripe'; valid vendors: whop, midaz, xendit\n"],
    [[], 'conform sandbox: expected exactly one VENDOR (whop, midaz, xendit); usage: conform sandbox VENDOR [--port N] [--scenario NAME] [--require-auth]\n'],
    [['whop', '--port', 'eighty'], "conform sandbox: invalid --port 'eighty'; expected an integer from 0 to 65535 (0 picks a free port)\n"],
    [['whop', '--port', '65536'], "conform sandbox: invalid --port '65536'; expected an integer from 0 to 65535 (0 picks a free port)\n"],
    [['whop', '--require-auth'], 'conform sandbox: --require-auth applies only where auth is optional (midaz), not whop\n'],
  ])('refuses %j with one line naming the valid values, exit 2', async (args, message) => {
    expect(await refused(args)).toEqual({ code: 2, stderr: message, stdout: '' });
  });

  it('refuses an unknown scenario, listing the vendor\'s scenarios', async () => {
    const { code, stderr } = await refused(['xendit', '--scenario', 'amounts-as-strings']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^conform sandbox: unknown xendit scenario 'amounts-as-strings'; valid scenarios: faithful, enum-value-added, .*\n$/);
  });

  it('refuses an unknown option', async () => {
    const { code, stderr } = await refused(['whop', '--verbose']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^conform sandbox: Unknown option '--verbose'.*; usage: conform sandbox VENDOR/);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('exits 2 with the reason when the port is taken', async () => {
    const occupant = await startSandbox('whop');
    try {
      const port = new URL(occupant.url).port;
      const { code, stderr } = await refused(['midaz', '--port', port]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^conform sandbox: could not start the midaz sandbox: .*EADDRINUSE/);
    } finally {
      await occupant.close();
    }
  });
});
