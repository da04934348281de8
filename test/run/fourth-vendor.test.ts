import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { acmeCheckout, acmeVendorText, lineOf } from '../support/acme-vendor.ts';
import { callCli, type CliRun } from '../support/cli.ts';

const KEY = 'acme_live_key_from_the_environment_0001';
const WALLET = 'wal_abcd1234';

/** A plain HTTP server that answers as Acme's document says: not conform's sandbox. */
function startAcme(): Promise<{ server: Server; url: string; requests: Array<{ path: string; headers: IncomingHttpHeaders }> }> {
  const requests: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', headers: request.headers });
    const json = (status: number, body: object) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers['x-acme-key'] !== KEY) return json(401, { code: 'unauthorized' });
    if (request.url === `/v1/wallets/${WALLET}`) return json(200, { id: WALLET, currency: 'EUR', balance: 1250 });
    return json(404, { code: 'not_found' });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests })));
}

describe('a fourth vendor, from its vendor file alone, runs live through conform run', () => {
  let acme: Awaited<ReturnType<typeof startAcme>>;
  let run: CliRun;
  let reportsDir: string;
  const report = async () => JSON.parse(await readFile(join(reportsDir, 'latest', 'acme.json'), 'utf8')) as VendorReport;

  beforeAll(async () => {
    acme = await startAcme();
    // .env configures the wallet and the URL; the environment's key wins over the one in .env.
    const root = await acmeCheckout({ dotenv: `ACME_API_KEY=acme_stale_key_in_dotenv\nACME_BASE_URL=${acme.url}\nACME_WALLET_ID=${WALLET}\n` });
    reportsDir = join(root, 'reports');
    run = await callCli(['run'], { CONFORM_VENDORS: 'acme', ACME_API_KEY: KEY, CONFORM_REPORTS_DIR: reportsDir }, root);
  });

  afterAll(async () => {
    await new Promise((resolve) => acme.server.close(resolve));
  });

  it('passes every explicit case of the file, live at the configured URL', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const acmeReport = await report();
    expect(acmeReport).toMatchObject({ vendor: 'acme', mode: 'live', baseUrl: acme.url });
    expect(acmeReport.outcomes).toEqual({ passed: 4, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 });
    expect(acmeReport.interactions.map((i) => [i.case, i.status])).toEqual(
      expect.arrayContaining([['wallet', 200], ['unknown wallet', 404], ['wallet without key', 401], ['wallet with a wrong key', 401]]),
    );
  });

  it("sends the key in the document's apiKey header, the environment's over .env's, and the default version header", () => {
    const keys = new Set(acme.requests.map((r) => r.headers['x-acme-key']));
    expect(keys).toEqual(new Set([KEY, undefined, 'acme_conform_invalid_00000000']));
    expect(acme.requests.every((r) => r.headers['acme-version'] === '2026-01')).toBe(true);
    expect(acme.requests.map((r) => r.path)).toContain(`/v1/wallets/${WALLET}`);
  });

  it('writes the key nowhere', async () => {
    for (const file of await readdir(join(reportsDir, 'latest'))) expect(await readFile(join(reportsDir, 'latest', file), 'utf8'), file).not.toContain(KEY);
    expect(run.stdout).not.toContain(KEY);
  });
});

describe('a vendor file that lists no cases runs the cases derived from its document', () => {
  it('success, unknown wallet and both credential cases, live against the plain server, all passing', async () => {
    const acme = await startAcme();
    try {
      const full = await acmeVendorText();
      const vendorText = full.slice(0, full.indexOf('\ncases:') + 1);
      const root = await acmeCheckout({ vendorText, dotenv: `ACME_WALLET_ID=${WALLET}\n` });
      const reportsDir = join(root, 'reports');
      const run = await callCli(['run'], { CONFORM_VENDORS: 'acme', ACME_API_KEY: KEY, ACME_BASE_URL: acme.url, CONFORM_REPORTS_DIR: reportsDir }, root);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const derived = JSON.parse(await readFile(join(reportsDir, 'latest', 'acme.json'), 'utf8')) as VendorReport;
      expect(derived.interactions.map((i) => [i.case, i.path, i.status, i.outcome]).sort()).toEqual([
        ['GET /wallets/{wallet_id}: invalid credentials', `/wallets/${WALLET}`, 401, 'passed'],
        ['GET /wallets/{wallet_id}: missing credentials', `/wallets/${WALLET}`, 401, 'passed'],
        ['GET /wallets/{wallet_id}: success', `/wallets/${WALLET}`, 200, 'passed'],
        ['GET /wallets/{wallet_id}: unknown wallet_id', '/wallets/wal_00000000', 404, 'passed'],
      ]);
    } finally {
      await new Promise((resolve) => acme.server.close(resolve));
    }
  });
});

describe('a vendor without a hand-made sandbox runs offline against the sandbox generated from its document', () => {
  it('its explicit cases, and the cases derived when its file lists none, all pass', async () => {
    const full = await acmeVendorText();
    for (const vendorText of [full, full.slice(0, full.indexOf('\ncases:') + 1)]) {
      const root = await acmeCheckout({ vendorText });
      const reportsDir = join(root, 'reports');
      const run = await callCli(['run'], { CONFORM_VENDORS: 'acme', CONFORM_REPORTS_DIR: reportsDir }, root);
      expect(run.stderr).toBe('');
      expect(run.code, run.stdout).toBe(0);
      const report = JSON.parse(await readFile(join(reportsDir, 'latest', 'acme.json'), 'utf8')) as VendorReport;
      expect(report).toMatchObject({ vendor: 'acme', mode: 'sandbox', scenario: 'faithful', outcomes: { passed: 4, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 } });
    }
  });
});

describe('a vendor file mistake stops conform run', () => {
  it('with exit 2 and one located line, before any request', async () => {
    const acme = await startAcme();
    try {
      const vendorText = (await acmeVendorText()).replace('headers:', 'hedaers:');
      const root = await acmeCheckout({ vendorText, dotenv: `ACME_WALLET_ID=${WALLET}\n` });
      const run = await callCli(['run'], { ACME_API_KEY: KEY, ACME_BASE_URL: acme.url }, root);
      expect(run).toEqual({ code: 2, stdout: '', stderr: `conform run: configuration error: vendors/acme.yaml:${lineOf(vendorText, 'hedaers:')}: unknown key "hedaers"\n` });
      expect(acme.requests).toEqual([]);
    } finally {
      await new Promise((resolve) => acme.server.close(resolve));
    }
  });
});
