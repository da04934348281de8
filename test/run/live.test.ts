import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { runCli, type CliRun } from '../support/cli.ts';
import { LIVE, liveMidaz, liveWhop, liveXendit, type LiveVendor } from '../support/live-vendors.ts';

describe('all three vendors run live through their variables', () => {
  let servers: { whop: LiveVendor; midaz: LiveVendor; xendit: LiveVendor };
  let run: CliRun;
  let reportsDir: string;
  const report = async (vendor: string) => JSON.parse(await readFile(join(reportsDir, 'latest', `${vendor}.json`), 'utf8')) as VendorReport;

  beforeAll(async () => {
    servers = { whop: await liveWhop(), midaz: await liveMidaz(), xendit: await liveXendit() };
    reportsDir = await mkdtemp(join(tmpdir(), 'conform-live-'));
    run = await runCli(['run'], {
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
    expect((await report('whop')).outcomes).toEqual({ passed: 8, failed: 0, skipped: 0, 'transport-error': 0 });
    expect((await report('midaz')).outcomes).toEqual({ passed: 10, failed: 0, skipped: 0, 'transport-error': 0 });
    const xendit = await report('xendit');
    expect(xendit.outcomes).toEqual({ passed: 4, failed: 0, skipped: 1, 'transport-error': 0 });
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
