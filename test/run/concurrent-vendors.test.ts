import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { acmeCheckout, acmeVendorText } from '../support/acme-vendor.ts';
import { callCli, runCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { heldFront } from '../support/held-vendor.ts';
import { LIVE, liveWhop, liveXendit, whopLiveEnv } from '../support/live-vendors.ts';

const KEY = 'acme_live_key_0001';
const WALLET = 'wal_abcd1234';

/** Acme's document answered by hand, each answer only once `hold()` resolves. */
async function heldWallets(hold: () => Promise<void>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    void hold().then(() => {
      const json = (status: number, body: object) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.headers['x-acme-key'] !== KEY) return json(401, { code: 'unauthorized' });
      if (request.url === `/v1/wallets/${WALLET}`) return json(200, { id: WALLET, currency: 'EUR', balance: 1250 });
      return json(404, { code: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Acme (its vendor file's cases) and Zenith, the same API, whose cases are in a hand-written suite (suites/zenith/) only. */
async function checkoutWithHandWrittenSuite(): Promise<string> {
  const root = await acmeCheckout();
  await rm(join(root, 'suites'));
  await mkdir(join(root, 'suites', 'zenith'), { recursive: true });
  await symlink(join(REPO_ROOT, 'suites', 'vendors.suite.ts'), join(root, 'suites', 'vendors.suite.ts'));
  const zenith = (await acmeVendorText()).replaceAll('acme', 'zenith').replaceAll('ACME', 'ZENITH').replace('specs/zenith/', 'specs/acme/');
  // No cases in the file, and none derived: Zenith's cases run only in its own suite file.
  await writeFile(join(root, 'vendors', 'zenith.yaml'), `${zenith.slice(0, zenith.indexOf('cases:'))}operations:\n  exclude: ['GET /wallets/{wallet_id}']\n`);
  await writeFile(
    join(root, 'suites', 'zenith', 'wallets.suite.ts'),
    `import { conformSuite, fixture } from '../../src/run/suite.ts';

conformSuite('zenith', [
  { name: 'wallet', operation: 'GET /wallets/{wallet_id}', params: { wallet_id: fixture('wallet') }, expectStatus: 200 },
  { name: 'unknown wallet', operation: 'GET /wallets/{wallet_id}', params: { wallet_id: 'wal_00000000' }, expectStatus: 404 },
]);
`,
  );
  return root;
}

describe('vendors run concurrently', () => {
  it("a hand-written suite runs while the vendor files' cases do, not after them", async () => {
    // Each vendor answers only once the other has received a request. Run one suite file after the
    // other, the first one's cases wait until their timeout and end as transport errors.
    let acmeAsked = () => {};
    let zenithAsked = () => {};
    const acmeWasAsked = new Promise<void>((resolve) => (acmeAsked = resolve));
    const zenithWasAsked = new Promise<void>((resolve) => (zenithAsked = resolve));
    const acme = await heldWallets(() => (acmeAsked(), zenithWasAsked));
    const zenith = await heldWallets(() => (zenithAsked(), acmeWasAsked));
    try {
      const root = await checkoutWithHandWrittenSuite();
      const reportsDir = join(root, 'reports');
      const live = (prefix: string, url: string) => ({ [`${prefix}_API_KEY`]: KEY, [`${prefix}_BASE_URL`]: url, [`${prefix}_WALLET_ID`]: WALLET });
      // Long enough for the second suite file's worker to start on a busy machine.
      const run = await runCli(['run'], { CONFORM_REPORTS_DIR: reportsDir, CONFORM_TIMEOUT_MS: '30000', CONFORM_RETRIES: '0', ...live('ACME', acme.url), ...live('ZENITH', zenith.url) }, root);
      expect(run.stderr).toBe('');
      const outcomes = async (vendor: string) => (JSON.parse(await readFile(join(reportsDir, 'latest', `${vendor}.json`), 'utf8')) as VendorReport).outcomes;
      expect(await outcomes('acme')).toEqual({ passed: 4, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 });
      expect(await outcomes('zenith')).toEqual({ passed: 2, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 });
      expect(run.code).toBe(0);
    } finally {
      await acme.close();
      await zenith.close();
    }
  }, 120_000);

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
