import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/report/types.ts';
import { callCli } from '../support/cli.ts';
import { LIVE, liveWhop, type LiveVendor } from '../support/live-vendors.ts';

/** What a live Whop run needs besides its base URL: its key and every fixture. */
const WHOP = {
  WHOP_API_KEY: LIVE.whopKey,
  WHOP_LEDGER_ACCOUNT_ID: LIVE.whopLedgerAccount,
  WHOP_COMPANY_ID: LIVE.whopCompany,
  WHOP_USER_ID: LIVE.whopUser,
  WHOP_API_KEY_LIMITED: LIVE.whopLimitedKey,
};

async function withWhop(test: (whop: LiveVendor) => Promise<void>): Promise<void> {
  const whop = await liveWhop();
  try {
    await test(whop);
  } finally {
    await whop.close();
  }
}

describe('a run that requires live vendors', () => {
  it.each([
    ['conform run --live', ['run', '--live'], {}],
    ['CONFORM_REQUIRE_LIVE=1', ['run'], { CONFORM_REQUIRE_LIVE: '1' }],
  ])('%s: a vendor left on its sandbox stops the run (exit 2) before any sandbox starts, every one named', async (_, args, env) => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'conform-require-live-'));
    const run = await callCli(args, { ...env, CONFORM_REPORTS_DIR: reportsDir, XENDIT_SECRET_KEY: LIVE.xenditKey });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'conform run: configuration error: CONFORM_REQUIRE_LIVE: every vendor must run live (CONFORM_REQUIRE_LIVE=1 or --live), ' +
        'but these would run against their embedded sandbox: whop (WHOP_API_KEY is not set), midaz (MIDAZ_BASE_URL is not set)\n',
    );
    expect(existsSync(join(reportsDir, 'latest'))).toBe(false);
  });

  it('passes when every selected vendor is live', async () => {
    await withWhop(async (whop) => {
      const run = await callCli(['run'], { ...WHOP, CONFORM_REQUIRE_LIVE: '1', CONFORM_VENDORS: 'whop', WHOP_BASE_URL: `${whop.url}/api/v1` });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^whop +live at /m);
      expect(run.stdout).not.toContain('mixed run');
      expect(whop.requests.length).toBeGreaterThan(0);
    });
  });
});

describe('a base URL variable set without its credential', () => {
  it('stops the run naming both, and nothing is sent to that URL', async () => {
    await withWhop(async (whop) => {
      const run = await callCli(['run'], { CONFORM_VENDORS: 'whop', WHOP_BASE_URL: `${whop.url}/api/v1` });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'conform run: configuration error: WHOP_BASE_URL: is set but WHOP_API_KEY is not; set WHOP_API_KEY to run against it, or unset WHOP_BASE_URL to run against the embedded sandbox\n',
      );
      expect(whop.requests).toEqual([]);
    });
  });
});

describe('a variable with conform\'s or a vendor\'s prefix that nothing reads', () => {
  it('is warned about with the closest known name, never its value: a misnamed secret is found', async () => {
    const secret = 'apik_misnamed_secret_0123456789';
    const run = await callCli(['run', '--live'], { CONFORM_VENDOR: 'whop', CONFORM_VENDORS: 'whop', WHOP_APIKEY: secret });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'warning: CONFORM_VENDOR is not a variable conform reads; did you mean CONFORM_VENDORS?\n' +
        'warning: WHOP_APIKEY is not a variable conform reads; did you mean WHOP_API_KEY?\n' +
        'conform run: configuration error: CONFORM_REQUIRE_LIVE: every vendor must run live (CONFORM_REQUIRE_LIVE=1 or --live), ' +
        'but these would run against their embedded sandbox: whop (WHOP_API_KEY is not set)\n',
    );
    expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('is warned about by conform verify too', async () => {
    const run = await callCli(['verify', '--vendor', 'whop'], { WHOP_SANDBOX_SCENARO: 'drift' });
    expect(run.stderr).toMatch(/^warning: WHOP_SANDBOX_SCENARO is not a variable conform reads; did you mean WHOP_SANDBOX_SCENARIO\?\n/);
  });
});

describe('a run that mixes live and sandbox vendors', () => {
  it('says so after the vendor lines and in summary.md; summary.json has each vendor\'s mode', async () => {
    await withWhop(async (whop) => {
      const reportsDir = await mkdtemp(join(tmpdir(), 'conform-mixed-'));
      const run = await callCli(['run'], { ...WHOP, CONFORM_VENDORS: 'whop,midaz,xendit', WHOP_BASE_URL: `${whop.url}/api/v1`, CONFORM_REPORTS_DIR: reportsDir });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^xendit .*\nmixed run: live: whop; embedded sandbox: midaz, xendit\n/m);
      const latest = join(reportsDir, 'latest');
      expect(await readFile(join(latest, 'summary.md'), 'utf8')).toContain('\n\n**mixed run: live: whop; embedded sandbox: midaz, xendit**\n\n');
      const summary = JSON.parse(await readFile(join(latest, 'summary.json'), 'utf8')) as RunSummary;
      expect(summary.vendors.map((v) => [v.vendor, v.mode])).toEqual([['whop', 'live'], ['midaz', 'sandbox'], ['xendit', 'sandbox']]);
    });
  });
});
