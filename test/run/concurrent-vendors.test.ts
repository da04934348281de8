import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { callCli } from '../support/cli.ts';
import { heldFront } from '../support/held-vendor.ts';
import { LIVE, liveWhop, liveXendit, whopLiveEnv } from '../support/live-vendors.ts';

describe('vendors run concurrently', () => {
  it("one vendor's late answers do not hold up another's cases", async () => {
    // Xendit's stand-in releases Whop's once it has received all 5 of Xendit's cases. Run one vendor
    // after the other, Whop (first) waits for ever and its cases fail at the timeout; run
    // concurrently, Xendit's cases arrive while Whop's wait, and Whop's pass.
    let xenditCases = 0;
    let release = () => {};
    const xenditDone = new Promise<void>((resolve) => (release = resolve));
    const whop = await heldFront(await liveWhop(), () => xenditDone);
    const xendit = await heldFront(await liveXendit(), () => {
      if (++xenditCases === 5) release();
      return Promise.resolve();
    });
    try {
      const reportsDir = await mkdtemp(join(tmpdir(), 'conform-concurrent-'));
      const run = await callCli(['run'], {
        CONFORM_VENDORS: 'whop,xendit',
        CONFORM_REPORTS_DIR: reportsDir,
        CONFORM_TIMEOUT_MS: '10000',
        CONFORM_RETRIES: '0',
        ...whopLiveEnv(whop.url),
        XENDIT_SECRET_KEY: LIVE.xenditKey,
        XENDIT_BASE_URL: xendit.url,
        XENDIT_ACCOUNT_ID: LIVE.xenditAccount,
        XENDIT_MANAGED_ACCOUNT_ID: LIVE.xenditManaged,
      });
      expect(run.stderr).toBe('');
      const report = async (vendor: string) => JSON.parse(await readFile(join(reportsDir, 'latest', `${vendor}.json`), 'utf8')) as VendorReport;
      expect((await report('whop')).outcomes).toEqual({ passed: 8, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 });
      expect((await report('xendit')).outcomes).toEqual({ passed: 5, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 });
      expect(run.code).toBe(0);
      // Piped output (no terminal): one plain line per case, each naming its vendor, no live status.
      expect(run.stdout).not.toMatch(/[\r\x1b]/);
      expect(run.stdout.match(/^ok {3}whop {4}/gm)).toHaveLength(8);
      expect(run.stdout.match(/^ok {3}xendit {2}/gm)).toHaveLength(5);
    } finally {
      await whop.close();
      await xendit.close();
    }
  });
});
