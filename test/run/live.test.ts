import { createServer, request as forward } from 'node:http';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { callCli, type CliRun } from '../support/cli.ts';
import { LIVE, liveMidaz, liveWhop, liveXendit, type LiveVendor, whopLiveEnv } from '../support/live-vendors.ts';

describe('all three vendors run live through their variables', () => {
  let servers: { whop: LiveVendor; midaz: LiveVendor; xendit: LiveVendor };
  let run: CliRun;
  let reportsDir: string;
  const report = async (vendor: string) => JSON.parse(await readFile(join(reportsDir, 'latest', `${vendor}.json`), 'utf8')) as VendorReport;

  beforeAll(async () => {
    servers = { whop: await liveWhop(), midaz: await liveMidaz(), xendit: await liveXendit() };
    reportsDir = await mkdtemp(join(tmpdir(), 'conform-live-'));
    run = await callCli(['run'], {
      CONFORM_REPORTS_DIR: reportsDir,
      WHOP_API_KEY: LIVE.whopKey,
      WHOP_BASE_URL: `${servers.whop.url}/api/v1`,
      WHOP_API_VERSION: '2026-11-01',
      WHOP_LEDGER_ACCOUNT_ID: LIVE.whopLedgerAccount,
      WHOP_COMPANY_ID: LIVE.whopCompany,
      WHOP_USER_ID: LIVE.whopUser,
      WHOP_API_KEY_LIMITED: LIVE.whopLimitedKey,
      MIDAZ_BASE_URL: servers.midaz.url,
      MIDAZ_TOKEN: LIVE.midazToken,
      MIDAZ_ORGANIZATION_ID: LIVE.midazOrganization,
      MIDAZ_LEDGER_ID: LIVE.midazLedger,
      MIDAZ_ACCOUNT_ID: LIVE.midazAccount,
      XENDIT_SECRET_KEY: LIVE.xenditKey,
      XENDIT_BASE_URL: servers.xendit.url,
      XENDIT_ACCOUNT_ID: LIVE.xenditAccount,
      // XENDIT_MANAGED_ACCOUNT_ID left unset on purpose: its case must be skipped, not passed.
    });
  });

  afterAll(async () => {
    await Promise.all(Object.values(servers).map((server) => server.close()));
  });

  it('passes with exit code 0, every vendor in live mode at its configured URL', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await report('whop')).mode).toBe('live');
    expect((await report('whop')).baseUrl).toBe(`${servers.whop.url}/api/v1`);
    expect((await report('midaz')).baseUrl).toBe(servers.midaz.url);
    expect((await report('xendit')).baseUrl).toBe(servers.xendit.url);
  });

  it('sends each vendor its own credentials and version header', () => {
    const whopAuth = new Set(servers.whop.requests.map((r) => r.headers.authorization));
    expect(whopAuth).toEqual(new Set([`Bearer ${LIVE.whopKey}`, `Bearer ${LIVE.whopLimitedKey}`, undefined, expect.stringMatching(/^Bearer /)]));
    expect(servers.whop.requests.every((r) => r.headers['api-version-date'] === '2026-11-01')).toBe(true);
    expect(servers.midaz.requests.some((r) => r.headers.authorization === `Bearer ${LIVE.midazToken}`)).toBe(true);
    expect(servers.xendit.requests.some((r) => r.headers.authorization === `Basic ${Buffer.from(`${LIVE.xenditKey}:`).toString('base64')}`)).toBe(true);
  });

  it('runs every case, and skips the one whose fixture is unset', async () => {
    expect((await report('whop')).outcomes).toEqual({ passed: 8, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 });
    expect((await report('midaz')).outcomes).toEqual({ passed: 10, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 });
    const xendit = await report('xendit');
    expect(xendit.outcomes).toEqual({ passed: 4, failed: 0, unverified: 0, skipped: 1, 'transport-error': 0 });
    expect(xendit.interactions.find((i) => i.case === 'managed account')).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('XENDIT_MANAGED_ACCOUNT_ID') });
  });

  it('writes no credential into any report', async () => {
    const secrets = [LIVE.whopKey, LIVE.whopLimitedKey, LIVE.midazToken, LIVE.xenditKey, Buffer.from(`${LIVE.xenditKey}:`).toString('base64')];
    for (const file of await readdir(join(reportsDir, 'latest'))) {
      const text = await readFile(join(reportsDir, 'latest', file), 'utf8');
      for (const secret of secrets) expect(text, file).not.toContain(secret);
    }
    expect(run.stdout + run.stderr).not.toContain(LIVE.whopKey);
  });
});

describe('a live vendor that answers a request with 408 every time', () => {
  it('leaves that case unverified (a transport error, no finding), never breaking', async () => {
    const whop = await liveWhop();
    // In front of the Whop stand-in: the user's ledger account times out, everything else passes through.
    const front = createServer((request, response) => {
      if (request.url?.endsWith(LIVE.whopUser)) return void response.writeHead(408, { 'content-type': 'application/json' }).end('{"error":{"type":"timeout"}}');
      request.pipe(forward(`${whop.url}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      }));
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const reportsDir = await mkdtemp(join(tmpdir(), 'conform-live-408-'));
      const run = await callCli(['run'], {
        CONFORM_VENDORS: 'whop',
        CONFORM_REPORTS_DIR: reportsDir,
        CONFORM_RETRIES: '1',
        ...whopLiveEnv(`http://127.0.0.1:${(front.address() as AddressInfo).port}`),
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^ERR {2}whop {4}by user id +UNAVAILABLE: the vendor answered 408 Request Timeout \(2 attempts\)$/m);
      expect(run.code).toBe(0);
      const report = JSON.parse(await readFile(join(reportsDir, 'latest', 'whop.json'), 'utf8')) as VendorReport;
      expect(report.outcomes).toEqual({ passed: 7, failed: 0, unverified: 0, skipped: 0, 'transport-error': 1 });
      expect(report.findings.filter((f) => f.case === 'by user id')).toEqual([]);
      expect(whop.requests.filter((r) => r.url.endsWith(LIVE.whopUser))).toEqual([]);
    } finally {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
      await whop.close();
    }
  });
});
