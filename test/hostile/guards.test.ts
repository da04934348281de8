import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRuntime } from '../../src/run/runtime.ts';
import { callCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { fromVendorFile } from '../support/seed-vendors.ts';

/**
 * The production guard is decided from the configuration, before any sandbox starts or request is
 * sent: a refused run exits 2, names the variable, and leaves no report behind (it never ran).
 */
async function refused(command: 'run' | 'verify', env: Record<string, string>) {
  const reportsDir = join(mkdtempSync(join(tmpdir(), 'conform-guard-')), 'reports');
  const run = await callCli([command], { CONFORM_REPORTS_DIR: reportsDir, ...env });
  return { ...run, ranAtAll: existsSync(reportsDir) };
}

describe("every spelling of Whop's production host is production", () => {
  it.concurrent.each([
    ['a trailing dot', 'https://api.whop.com./api/v1'],
    ['two trailing dots', 'https://api.whop.com../api/v1'],
    ['upper case', 'https://API.WHOP.COM/api/v1'],
    ['a percent-encoded trailing dot', 'https://api.whop.com%2e/api/v1'],
    ['percent-encoded dots', 'https://api%2Ewhop%2Ecom/api/v1'],
    ['fullwidth letters (IDNA)', 'https://ａｐｉ.whop.com/api/v1'],
    ['ideographic full stops (IDNA)', 'https://api。whop。com/api/v1'],
    ['the sandbox host as user name', 'https://sandbox-api.whop.com@api.whop.com/api/v1'],
    ['a port', 'https://api.whop.com:8443/api/v1'],
  ])('%s (%s): refused with exit 2 before anything is sent', async (_name, url) => {
    const run = await refused('run', { CONFORM_VENDORS: 'whop', WHOP_API_KEY: 'apik_guard_test', WHOP_BASE_URL: url });
    expect(run.stderr).toMatch(/^conform run: configuration error: WHOP_BASE_URL: .* is a production credential or host; conform refuses it unless CONFORM_ALLOW_PRODUCTION=1/);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.ranAtAll).toBe(false);
  });

  it('conform verify refuses it too', async () => {
    const run = await refused('verify', { CONFORM_VENDORS: 'whop', WHOP_API_KEY: 'apik_guard_test', WHOP_BASE_URL: 'https://api.whop.com./api/v1' });
    expect(run.stderr).toMatch(/^conform verify: configuration error: WHOP_BASE_URL: .* production/);
    expect(run.code).toBe(2);
  });

  it('a production URL with a password in it is refused as production, without echoing the password', async () => {
    const run = await refused('run', { CONFORM_VENDORS: 'whop', WHOP_API_KEY: 'apik_guard_test', WHOP_BASE_URL: 'https://user:hunter2-in-url@api.whop.com./api/v1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/WHOP_BASE_URL: https:\/\/\*\*\*@api\.whop\.com\.\/api\/v1 is a production credential or host/);
    expect(run.stderr).not.toContain('hunter2');
  });
});

describe('an Xendit production key in any case is production', () => {
  it.concurrent.each([['xnd_production_guardtest0001'], ['XND_PRODUCTION_guardtest0001'], ['Xnd_Production_guardtest0001']])('%s: refused', async (key) => {
    const run = await refused('run', { CONFORM_VENDORS: 'xendit', XENDIT_SECRET_KEY: key });
    expect(run.stderr).toMatch(/^conform run: configuration error: XENDIT_SECRET_KEY: an xnd_production_ key is a production credential/);
    expect(run.code).toBe(2);
    expect(run.ranAtAll).toBe(false);
  });
});

describe('a base URL that does not parse never echoes its password', () => {
  it.concurrent.each([
    ['a space in the host', 'https://user:hunter2-in-url@exa mple.com/api/v1'],
    ['a slash in the password', 'https://user:hunter2/in-url@host:port/api/v1'],
    ['an unterminated IPv6 host', 'http://user:hunter2-in-url@[::1/api/v1'],
  ])('%s', async (_name, url) => {
    const run = await refused('run', { CONFORM_VENDORS: 'midaz', MIDAZ_BASE_URL: url });
    expect(run.stderr).toMatch(/^conform run: configuration error: MIDAZ_BASE_URL: ".*\*\*\*@.*" is not a URL/);
    expect(run.stderr).not.toContain('hunter2');
    expect(run.code).toBe(2);
  });
});

describe("a production target's HTTP client", () => {
  it('refuses anything but GET and HEAD itself, whoever asks it', async () => {
    const methods: string[] = [];
    const server = createServer((request, response) => {
      methods.push(request.method ?? '');
      request.resume();
      response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const target = { ...fromVendorFile('xendit'), vendor: 'xendit' as const, mode: 'live' as const, scenario: null, baseUrl: url, production: true, credentials: { valid: 'xnd_production_k', limited: null }, fixtures: {}, headers: {}, specs: ['specs/xendit/2026-01-08.yaml'] };
    const runtime = await openRuntime(target, { cwd: REPO_ROOT });
    try {
      const sent = await Promise.all(['POST', 'DELETE', 'GET', 'HEAD'].map((method) => runtime.client.send({ method, url: `${url}/v2/accounts` })));
      expect(sent.map((exchange) => (exchange.outcome === 'response' ? exchange.status : exchange.code))).toEqual(['PRODUCTION_REFUSED', 'PRODUCTION_REFUSED', 200, 200]);
      expect(methods.sort()).toEqual(['GET', 'HEAD']);
    } finally {
      await runtime.client.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
