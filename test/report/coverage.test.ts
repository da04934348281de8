import { createServer, type Server } from 'node:http';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejudgeLatest } from '../../src/pipeline/rejudge.ts';
import { renderReportFiles } from '../../src/report/formats/index.ts';
import type { VendorReport } from '../../src/report/types.ts';
import { acmeCheckout, acmeVendorText, ACME } from '../support/acme-vendor.ts';
import { callCli, type CliRun } from '../support/cli.ts';
import { HOSTILE_OBSERVED, sampleSummary, whopReport } from './formats/sample-reports.ts';

const KEY = 'acme_live_key_from_the_environment_0001';
const WALLET = { id: 'wal_abcd1234', currency: 'EUR', balance: 1250 };

/** Acme's document with a list operation that needs no fixture beside the one that needs a wallet. */
async function acmeWithWalletList(): Promise<string> {
  const document = await readFile(join(ACME, 'specs', 'acme', '2026-01.yaml'), 'utf8');
  const list = `paths:
  /wallets:
    get:
      operationId: listWallets
      security:
        - walletKey: []
      responses:
        '200':
          description: The wallets.
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/Wallet'
        '401':
          description: No or a wrong key.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
`;
  return document.replace('paths:\n', list);
}

/** A plain HTTP server that answers as the document says: not conform's sandbox. */
function startAcme(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.headers['x-acme-key'] !== KEY) return json(401, { code: 'unauthorized' });
    if (request.url === '/v1/wallets') return json(200, [WALLET]);
    if (request.url === `/v1/wallets/${WALLET.id}`) return json(200, WALLET);
    return json(404, { code: 'not_found' });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` })));
}

const WALLET_ROW = /^\| `GET \/wallets\/\{wallet_id\}` \| – not reachable \| 0 \| needs `wallet_id` \(set `ACME_WALLET_ID`\) \|$/m;

describe('a vendor whose cases are derived reports what became of every operation (coverage)', () => {
  let acme: Awaited<ReturnType<typeof startAcme>>;
  let run: CliRun;
  let latest: string;
  const stored = async (name: string) => readFile(join(latest, name), 'utf8');

  beforeAll(async () => {
    acme = await startAcme();
    const full = await acmeVendorText();
    // No cases in the file, and ACME_WALLET_ID left unset: the wallet operation cannot be reached.
    const root = await acmeCheckout({ vendorText: full.slice(0, full.indexOf('\ncases:') + 1) });
    await writeFile(join(root, 'specs', 'acme', '2026-01.yaml'), await acmeWithWalletList());
    const reportsDir = join(root, 'reports');
    latest = join(reportsDir, 'latest');
    run = await callCli(['run'], { CONFORM_VENDORS: 'acme', ACME_API_KEY: KEY, ACME_BASE_URL: acme.url, CONFORM_REPORTS_DIR: reportsDir }, root);
  });

  afterAll(async () => {
    await new Promise((resolve) => acme.server.close(resolve));
  });

  it('VENDOR.json lists the unreachable operation with the fixture it needs and its variable, beside the exercised one', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(await stored('acme.json')) as VendorReport;
    expect(report.interactions.map((i) => i.operation)).not.toContain('GET /wallets/{wallet_id}');
    expect(report.coverage).toEqual([
      {
        operation: 'GET /wallets',
        state: 'exercised',
        reason: null,
        missingFixtures: [],
        cases: ['GET /wallets: success', 'GET /wallets: missing credentials', 'GET /wallets: invalid credentials'],
        notDerived: expect.any(Array),
      },
      {
        operation: 'GET /wallets/{wallet_id}',
        state: 'not-reachable',
        reason: 'needs the fixture wallet_id',
        missingFixtures: [{ fixture: 'wallet_id', variable: 'ACME_WALLET_ID' }],
        cases: [],
        notDerived: [],
      },
    ]);
  });

  it('VENDOR.md and VENDOR.html show it in a Coverage table', async () => {
    const markdown = await stored('acme.md');
    expect(markdown).toContain('## Coverage\n\n| Operation | State | Cases | Why not exercised |');
    expect(markdown).toMatch(/^\| `GET \/wallets` \| ✓ exercised \| 3 \| — \|$/m);
    expect(markdown).toMatch(WALLET_ROW);
    const page = await stored('acme.html');
    expect(page).toContain('<h2 id="coverage">Coverage</h2>');
    expect(page).toContain(
      '<tr class="coverage not-reachable"><td><code class="operation">GET /<wbr>wallets/<wbr>{wallet_id}</code></td><td>– not reachable</td><td>0</td><td>needs <code>wallet_id</code> (set <code>ACME_WALLET_ID</code>)</td></tr>',
    );
  });

  it('conform report renders the same coverage again from the stored JSON', async () => {
    const [markdown, page] = [await stored('acme.md'), await stored('acme.html')];
    await rm(join(latest, 'acme.md'));
    await rm(join(latest, 'acme.html'));
    const rendered = await callCli(['report', '--dir', join(latest, '..')]);
    expect(rendered).toMatchObject({ code: 0, stderr: '' });
    expect(await stored('acme.md')).toBe(markdown);
    expect(await stored('acme.md')).toMatch(WALLET_ROW);
    expect(await stored('acme.html')).toBe(page);
  });

  it('a re-judgement of the stored run (conform verify) keeps it', async () => {
    const before = JSON.parse(await stored('acme.json')) as VendorReport;
    const policy = { waivers: [], inconclusiveThreshold: 0.25, severity: {}, baselinesDir: join(latest, '..', 'no-baselines') };
    await rejudgeLatest({ policy, reportsDir: join(latest, '..'), later: [], secretForms: [] });
    expect((JSON.parse(await stored('acme.json')) as VendorReport).coverage).toEqual(before.coverage);
    expect(await stored('acme.md')).toMatch(WALLET_ROW);
  });

  it('conform report refuses stored coverage that is not what a run writes, in one line', async () => {
    const report = JSON.parse(await stored('acme.json')) as VendorReport;
    await writeFile(join(latest, 'acme.json'), JSON.stringify({ ...report, coverage: [{ ...report.coverage![1], missingFixtures: ['wallet_id'] }] }));
    const rendered = await callCli(['report', '--dir', join(latest, '..')]);
    expect(rendered).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^conform report: .*acme\.json is not a conform vendor report\n$/) });
  });
});

describe('a vendor file that lists its cases has no coverage', () => {
  it('in VENDOR.json, VENDOR.md or VENDOR.html', async () => {
    const acme = await startAcme();
    try {
      const root = await acmeCheckout({ dotenv: `ACME_WALLET_ID=${WALLET.id}\n` });
      const reportsDir = join(root, 'reports');
      const run = await callCli(['run'], { CONFORM_VENDORS: 'acme', ACME_API_KEY: KEY, ACME_BASE_URL: acme.url, CONFORM_REPORTS_DIR: reportsDir }, root);
      expect(run.code).toBe(0);
      const report = JSON.parse(await readFile(join(reportsDir, 'latest', 'acme.json'), 'utf8')) as VendorReport;
      expect(report.outcomes.passed).toBe(4);
      expect(report).not.toHaveProperty('coverage');
      expect(await readFile(join(reportsDir, 'latest', 'acme.md'), 'utf8')).not.toContain('Coverage');
      expect(await readFile(join(reportsDir, 'latest', 'acme.html'), 'utf8')).not.toContain('Coverage');
    } finally {
      await new Promise((resolve) => acme.server.close(resolve));
    }
  });
});

describe('coverage text from the vendor is escaped', () => {
  it('an operation, fixture and variable holding markup render as text in both formats', () => {
    const report: VendorReport = {
      ...whopReport(),
      coverage: [{ operation: `GET /x/${HOSTILE_OBSERVED}`, state: 'not-reachable', reason: 'needs the fixture', missingFixtures: [{ fixture: HOSTILE_OBSERVED, variable: '<b>|V' }], cases: [], notDerived: [] }],
    };
    const files = renderReportFiles([report], sampleSummary([report]), [], ['md', 'html']);
    expect(files['whop.html']).not.toMatch(/<script|<b>/i);
    expect(files['whop.html']).toContain('(set <code>&lt;b&gt;|V</code>)');
    const row = files['whop.md']!.split('\n').find((line) => line.includes('not reachable'))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
    expect(row).toContain('(set `<b>\\|V`)');
  });
});
