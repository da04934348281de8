import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary, VendorReport } from '../../src/report/types.ts';
import { callCli, type CliRun } from '../support/cli.ts';
import { closedOrigin } from '../support/fault-server.ts';
import { LIVE, liveWhop, type LiveVendor } from '../support/live-vendors.ts';
import { startFaultServer, type FaultServer } from '../judge/baseline/whop-run.ts';

/** A live Whop run at `origin`, its reports and baselines in `dirs`. */
function runWhopAt(origin: string, dirs: { reports: string; baselines: string }, env: Record<string, string> = {}): Promise<CliRun> {
  return callCli(['run'], {
    CONFORM_VENDORS: 'whop',
    CONFORM_REPORTS_DIR: dirs.reports,
    CONFORM_BASELINES_DIR: dirs.baselines,
    CONFORM_RETRIES: '0',
    WHOP_API_KEY: LIVE.whopKey,
    WHOP_API_KEY_LIMITED: LIVE.whopLimitedKey,
    WHOP_BASE_URL: `${origin}/api/v1`,
    WHOP_LEDGER_ACCOUNT_ID: LIVE.whopLedgerAccount,
    WHOP_COMPANY_ID: LIVE.whopCompany,
    WHOP_USER_ID: LIVE.whopUser,
    ...env,
  });
}

async function freshDirs(): Promise<{ reports: string; baselines: string }> {
  const root = await mkdtemp(join(tmpdir(), 'conform-verdicts-'));
  return { reports: join(root, 'reports'), baselines: join(root, 'baselines') };
}

const readJson = async <T>(...path: string[]) => JSON.parse(await readFile(join(...path), 'utf8')) as T;
const exists = (path: string) => access(path).then(() => true, () => false);

describe('a vendor that resets every connection', () => {
  let reset: FaultServer;
  let good: LiveVendor;
  let dirs: { reports: string; baselines: string };
  let failed: CliRun;
  beforeAll(async () => {
    reset = await startFaultServer('reset');
    good = await liveWhop();
    dirs = await freshDirs();
    failed = await runWhopAt(reset.origin, dirs);
  });
  afterAll(async () => {
    await reset.close();
    await good.close();
  });

  it('is inconclusive: exit 3, not 2 (the configuration was fine, the vendor was not), and says why on stderr and in summary.json', async () => {
    const reason = 'whop inconclusive: 8 of 8 attempted cases unverified (connection reset): 100% > 25%';
    expect(failed.code).toBe(3);
    expect(failed.stderr).toBe(`problem: ${reason}\n`);
    expect(failed.stdout).toMatch(/^whop\s+inconclusive\s+0 passed, 0 failed, 0 unverified, 0 skipped, 8 transport errors;/m);
    const summary = await readJson<RunSummary>(dirs.reports, 'latest', 'summary.json');
    expect(summary).toMatchObject({ exitCode: 3, problems: [reason] });
  });

  it('writes no baseline on that first run; the next run against a vendor that answers creates it', async () => {
    const baseline = join(dirs.baselines, 'whop.json');
    expect(await exists(baseline)).toBe(false);
    const next = await runWhopAt(good.url, dirs);
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    const created = await readJson<{ operations: Record<string, unknown> }>(baseline);
    expect(Object.keys(created.operations)).toEqual(['GET /ledger_accounts/{id}']);
  });
});

describe('nothing listening at the base URL', () => {
  it('exits 2, said as such on stderr and in summary.json', async () => {
    const origin = await closedOrigin();
    const dirs = await freshDirs();
    const run = await runWhopAt(origin, dirs);
    const reason = `whop unreachable: nothing listening at ${origin}/api/v1 (connection refused)`;
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`problem: ${reason}\n`);
    expect(await readJson<RunSummary>(dirs.reports, 'latest', 'summary.json')).toMatchObject({ exitCode: 2, problems: [reason] });
    expect(await exists(join(dirs.baselines, 'whop.json'))).toBe(false);
  });
});

describe('a body over the size cap', () => {
  it('leaves its case unverified, never passed, with the reason, and counts it towards inconclusive', async () => {
    const good = await liveWhop();
    try {
      const dirs = await freshDirs();
      // The ledger account (about 1 KB) is cut at 512 bytes; the error bodies (about 100 bytes) are whole.
      const run = await runWhopAt(good.url, dirs, { CONFORM_MAX_BODY_BYTES: '512' });
      const report = await readJson<VendorReport>(dirs.reports, 'latest', 'whop.json');
      const cut = ['by ledger account id', 'by company id', 'by user id'];
      for (const name of cut) {
        expect(report.interactions.find((i) => i.case === name)).toMatchObject({ outcome: 'unverified', reason: 'body cut at the size cap (CONFORM_MAX_BODY_BYTES): not checked' });
      }
      expect(report.outcomes).toEqual({ passed: 5, failed: 0, unverified: 3, skipped: 0, 'transport-error': 0 });
      // The case lines say so as the cases finish, not `ok`.
      for (const name of cut) expect(run.stdout).toMatch(new RegExp(`^UNVR whop\\s+${name}\\s+200 in \\d+ ms; .*\\(unverified: body cut at the size cap\\)$`, 'm'));
      // 3 of 8 unverified is more than the default 25%.
      expect(report.verdict).toBe('inconclusive');
      expect(run.code).toBe(3);
      expect(run.stderr).toBe('problem: whop inconclusive: 3 of 8 attempted cases unverified (body cut at the size cap): 38% > 25%\n');
      const junit = await readFile(join(dirs.reports, 'latest', 'junit.xml'), 'utf8');
      expect(junit.match(/<error type="unverified"/g)).toHaveLength(3);
      expect(junit).toMatch(/<testsuite name="whop"[^>]* errors="3"/);
      // An inconclusive first run shapes no baseline.
      expect(await exists(join(dirs.baselines, 'whop.json'))).toBe(false);
    } finally {
      await good.close();
    }
  });
});
