import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { acmeCheckout, acmeVendorText } from '../support/acme-vendor.ts';
import { callCli, type CliRun } from '../support/cli.ts';
import { ACME } from '../support/acme-vendor.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const acmeDocument = await readFile(join(ACME, 'specs/acme/2026-01.yaml'), 'utf8');
// Acme's balance becomes a string (a decimal, say): a consumer reading a number breaks.
const published = acmeDocument.replace('        balance:\n          type: integer', '        balance:\n          type: string');

/** Acme's published document, on port 0, counting the requests for it. */
async function startUpstream(): Promise<{ server: Server; url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.writeHead(200, { 'content-type': 'application/yaml' }).end(published);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/acme/openapi.yaml`, requests: () => requests };
}

describe('conform run with CONFORM_REFRESH_SPECS=1 compares each vendor with its published document', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let root: string;
  const run = (env: Record<string, string> = {}) => callCli(['run'], { CONFORM_VENDORS: 'acme', CONFORM_REPORTS_DIR: join(root, 'reports'), CONFORM_RETRIES: '0', ...env }, root);
  const latest = (file: string) => readFile(join(root, 'reports', 'latest', file), 'utf8');
  const report = async () => JSON.parse(await latest('acme.json')) as VendorReport;
  const specsListing = () => readdir(join(root, 'specs', 'acme'));
  let refreshed: CliRun;
  let refreshedReport: VendorReport;

  beforeAll(async () => {
    upstream = await startUpstream();
    const vendorText = (await acmeVendorText()).replace('live:\n', `upstream: { url: '${upstream.url}', format: openapi }\nlive:\n`);
    root = await acmeCheckout({ vendorText });
    refreshed = await run({ CONFORM_REFRESH_SPECS: '1' });
    refreshedReport = await report();
  });

  afterAll(async () => {
    await new Promise((resolve) => upstream.server.close(resolve));
  });

  it('reports the graded change list in VENDOR.json and the breaking change as a spec-changed-upstream finding', () => {
    expect(refreshed.stderr).toBe('');
    expect(refreshedReport.specChangedUpstream).toEqual({
      url: upstream.url,
      base: 'specs/acme/2026-01.yaml',
      breaking: true,
      changes: [expect.objectContaining({ id: 'response-property-type-changed', severity: 'breaking', operation: 'GET /wallets/{wallet_id}', status: '200', where: '/balance' })],
    });
    const findings = refreshedReport.findings.filter((f) => f.id === 'spec-changed-upstream');
    expect(findings).toEqual([
      expect.objectContaining({
        case: 'upstream document',
        operation: 'GET /wallets/{wallet_id}',
        status: 200,
        pointer: null,
        severity: 'breaking',
        state: 'new',
        observed: 'response-property-type-changed at /balance in 200',
        fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/),
      }),
    ]);
    // A breaking change not waived fails the vendor like any breaking finding.
    expect(refreshedReport.verdict).toBe('fail');
    expect(refreshed.code).toBe(1);
  });

  it('shows the finding and the comparison in the Markdown report and the JUnit file', async () => {
    const markdown = await latest('acme.md');
    expect(markdown).toContain('`spec-changed-upstream`');
    expect(markdown).toContain("## The vendor's published document");
    expect(markdown).toContain('`response-property-type-changed`');
    const junit = await latest('junit.xml');
    expect(junit).toMatch(/<testcase classname="acme\.document" name="upstream document" time="0\.000">\s*<failure type="spec-changed-upstream"/);
  });

  it('writes nothing to specs/ and fetches nothing without the variable', async () => {
    expect(await specsListing()).toEqual(['2026-01.yaml']);
    const before = upstream.requests();
    const plain = await run();
    expect(upstream.requests()).toBe(before);
    expect(plain.code).toBe(0);
    expect((await report()).specChangedUpstream).toBeUndefined();
    expect((await report()).findings.filter((f) => f.id === 'spec-changed-upstream')).toEqual([]);
  });

  it('keeps the fingerprint from run to run, so a waiver accepts the change', async () => {
    const [finding] = refreshedReport.findings.filter((f) => f.id === 'spec-changed-upstream');
    const waivers = join(root, 'waivers.yaml');
    await writeFile(waivers, `waivers:\n  - fingerprint: '${finding!.fingerprint}'\n    vendor: acme\n    reason: USD wallets are gone; ticket 12\n    expires: 2999-12-31\n`);
    const waived = await run({ CONFORM_REFRESH_SPECS: '1', CONFORM_WAIVERS_FILE: waivers });
    expect(waived.code).toBe(0);
    expect((await report()).findings.filter((f) => f.id === 'spec-changed-upstream')).toEqual([expect.objectContaining({ fingerprint: finding!.fingerprint, state: 'waived' })]);
  });

  it('warns on an unreachable upstream and leaves the exit code as it was', async () => {
    const closed = upstream.url;
    await new Promise((resolve) => upstream.server.close(resolve));
    const unreachable = await run({ CONFORM_REFRESH_SPECS: '1' });
    expect(unreachable.code).toBe(0);
    expect(unreachable.stderr).toMatch(new RegExp(`^warning: acme: upstream ${closed.replace(/[.]/g, '\\.')} not compared: CONNECTION_REFUSED: .*\\n$`));
    const acme = await report();
    expect(acme.specChangedUpstream).toEqual({ url: closed, unreachable: expect.stringMatching(/^CONNECTION_REFUSED: /) });
    expect(acme.verdict).toBe('pass');
    expect(await latest('acme.md')).toContain(`Warning: \`${closed}\` could not be compared: CONNECTION\\_REFUSED`);
    upstream = await startUpstream();
  });
});

describe("conform run grades the published document's changes with the vendor's live baseline, as specs diff does", () => {
  const KEY = 'acme_live_key_from_the_environment_0001';
  const WALLET = 'wal_abcd1234';
  // GBP joins the currency enum: breaking for a consumer who never met it, news to nobody once the vendor sent it.
  const withGbp = acmeDocument.replace('enum: [EUR, USD]', 'enum: [EUR, GBP, USD]');
  const servers: Server[] = [];
  let root: string;
  let acmeUrl: string;
  let documentUrl: string;

  async function listen(answer: Parameters<typeof createServer>[1] & {}): Promise<string> {
    const server = createServer(answer);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const run = (env: Record<string, string>) =>
    callCli(['run'], { CONFORM_VENDORS: 'acme', CONFORM_REPORTS_DIR: join(root, 'reports'), CONFORM_BASELINES_DIR: join(root, 'baselines'), CONFORM_RETRIES: '0', ...env }, root);
  const live = { ACME_API_KEY: KEY, ACME_BASE_URL: '', ACME_WALLET_ID: WALLET };
  const report = async () => JSON.parse(await readFile(join(root, 'reports', 'latest', 'acme.json'), 'utf8')) as VendorReport;

  beforeAll(async () => {
    // Acme's live API answers a GBP wallet, as its published document will say.
    acmeUrl = `${await listen((request, response) => {
      const json = (status: number, body: object) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.headers['x-acme-key'] !== KEY) return json(401, { code: 'unauthorized' });
      if (request.url === `/v1/wallets/${WALLET}`) return json(200, { id: WALLET, currency: 'GBP', balance: 1250 });
      return json(404, { code: 'not_found' });
    })}/v1`;
    documentUrl = `${await listen((_request, response) => response.writeHead(200, { 'content-type': 'application/yaml' }).end(withGbp))}/acme/openapi.yaml`;
    const vendorText = (await acmeVendorText()).replace('live:\n', `upstream: { url: '${documentUrl}', format: openapi }\nlive:\n`);
    root = await acmeCheckout({ vendorText });
    // The first live run records the live baseline: the vendor sent GBP.
    await run({ ...live, ACME_BASE_URL: acmeUrl });
    const baseline = JSON.parse(await readFile(join(root, 'baselines', 'acme.json'), 'utf8')) as Record<string, any>;
    expect(baseline.operations['GET /wallets/{wallet_id}'].responses['200'].properties['/currency'].values).toEqual(['GBP']);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  const gradedByTheWire = async (outcome: CliRun) => {
    expect(outcome.stderr).toBe('');
    const acme = await report();
    expect(acme.specChangedUpstream).toEqual({
      url: documentUrl,
      base: 'specs/acme/2026-01.yaml',
      breaking: false,
      changes: [expect.objectContaining({ id: 'response-property-enum-value-added', severity: 'info', value: 'GBP', wire: { baseline: 'live', pointer: '/currency', observed: 'sent "GBP"' } })],
    });
    expect(acme.findings.filter((f) => f.id === 'spec-changed-upstream')).toEqual([]);
  };

  it('in a live run, with the baseline the run judges by', async () => {
    await gradedByTheWire(await run({ ...live, ACME_BASE_URL: acmeUrl, CONFORM_REFRESH_SPECS: '1' }));
  });

  it('in a sandbox run, with the live baseline still', async () => {
    await gradedByTheWire(await run({ CONFORM_REFRESH_SPECS: '1' }));
  });
});
