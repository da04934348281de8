import { appendFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/report/index.ts';
import { BURSAR_CLIENT, BURSAR_SECRET, BURSAR_SPEC, BURSAR_TOKEN, bursarCheckout, LEDGER, startBursar, type BursarServer } from '../support/bursar-vendor.ts';
import { callCli, runCli, type CliRun } from '../support/cli.ts';

const CLIENT = `${BURSAR_CLIENT}:${BURSAR_SECRET}`;

/** `conform audit` of Bursar at `url`, its client credentials read from the environment. */
function audit(root: string, url: string, extra: string[] = []): Promise<CliRun> {
  const args = ['audit', '--vendor', 'bursar', '--spec', BURSAR_SPEC, '--base-url', url, '--auth', 'bursarOAuth=env:BURSAR_CLIENT', '--fixture', `ledger_id=${LEDGER}`, ...extra];
  return callCli(args, { BURSAR_CLIENT: CLIENT }, root);
}

async function written(dir: string): Promise<{ json: AuditReport; all: string }> {
  const texts = await Promise.all(['audit.json', 'audit.md', 'audit.html'].map((file) => readFile(join(dir, file), 'utf8')));
  return { json: JSON.parse(texts[0]!) as AuditReport, all: texts.join('\n') };
}

function expectNoSecret(text: string): void {
  for (const secret of [BURSAR_SECRET, encodeURIComponent(BURSAR_SECRET), BURSAR_TOKEN, Buffer.from(CLIENT).toString('base64')]) expect(text).not.toContain(secret);
}

describe('conform audit of a fourth vendor with OAuth 2.0 client credentials, from its document alone', () => {
  let bursar: BursarServer;
  let root: string;
  let run: CliRun;
  let out: { json: AuditReport; all: string };

  beforeAll(async () => {
    bursar = await startBursar();
    root = await bursarCheckout();
    run = await audit(root, bursar.url);
    out = await written(join(root, 'reports', 'audit', 'bursar'));
  });
  afterAll(() => bursar.close());

  it('passes a vendor that answers as documented: exit 0, every derived case as expected', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(out.json).toMatchObject({ vendor: 'bursar', baseUrl: bursar.url, spec: BURSAR_SPEC, verdict: 'pass', exitCode: 0, findings: [] });
    expect(out.json.interactions).toHaveLength(9);
    expect(out.json.interactions.map((i) => [i.case, i.method, i.path, i.status, i.outcome])).toEqual(expect.arrayContaining([
      ['GET /ledgers/{ledger_id}: success', 'GET', `/ledgers/${LEDGER}`, 200, 'passed'],
      ['GET /ledgers/{ledger_id}: unknown ledger_id', 'GET', '/ledgers/ldg_00000000', 404, 'passed'],
      ['GET /ledgers/{ledger_id}: malformed ledger_id', 'GET', expect.stringMatching(/^\/ledgers\//), 400, 'passed'],
      ['GET /ledgers/{ledger_id}: missing credentials', 'GET', `/ledgers/${LEDGER}`, 401, 'passed'],
      ['GET /ledgers/{ledger_id}: invalid credentials', 'GET', `/ledgers/${LEDGER}`, 401, 'passed'],
      ['GET /ledgers/{ledger_id}/entries: success', 'GET', `/ledgers/${LEDGER}/entries`, 200, 'passed'],
      ['GET /ledgers/{ledger_id}/entries: unknown ledger_id', 'GET', '/ledgers/ldg_00000000/entries', 404, 'passed'],
      ['GET /ledgers/{ledger_id}/entries: missing credentials', 'GET', `/ledgers/${LEDGER}/entries`, 401, 'passed'],
      ['GET /ledgers/{ledger_id}/entries: invalid credentials', 'GET', `/ledgers/${LEDGER}/entries`, 401, 'passed'],
    ]));
  });

  it('fetches one token at the relative tokenUrl under the base URL, sends it as a bearer token, and the required query parameter from its example', () => {
    expect(bursar.tokenRequests).toBe(1);
    const api = bursar.requests.filter((r) => r.path !== '/v2/oauth/token');
    expect(new Set(api.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${BURSAR_TOKEN}`, undefined, expect.stringMatching(/^Bearer conform-invalid/)]));
    expect(api.filter((r) => r.path.includes('/entries')).every((r) => r.path.endsWith('?limit=10'))).toBe(true);
    expect(api.every((r) => r.method === 'GET')).toBe(true);
  });

  it('lists every operation in coverage: the one a fixture would reach, and the unsafe one never called', () => {
    expect(out.json.coverage.map((c) => [c.operation, c.state, c.missingFixtures])).toEqual([
      ['POST /ledgers', 'unsafe', []],
      ['GET /ledgers/{ledger_id}', 'exercised', []],
      ['GET /ledgers/{ledger_id}/entries', 'exercised', []],
      ['GET /accounts/{account_id}', 'not-reachable', [{ fixture: 'account_id', variable: null }]],
    ]);
    expect(out.json.scorecard.grade).toMatch(/^[A-F]$/);
    expect(out.json.scorecard.authEnforcement).toMatchObject({ numerator: 4, denominator: 4 });
  });

  it('writes and prints neither the client secret nor the token, in any form', () => {
    expectNoSecret(out.all);
    expectNoSecret(run.stdout + run.stderr);
    expect(run.stdout).toContain('audit: reports/audit/bursar/audit.{json,md,html}');
  });

  it('fails a vendor whose error body breaks its schema, naming the finding, operation and pointer (exit 1)', async () => {
    const drifted = await startBursar({ dropErrorMessage: true });
    try {
      const broken = await audit(root, drifted.url, ['--out', 'reports/audit/drifted']);
      expect(broken.code).toBe(1);
      const { json } = await written(join(root, 'reports', 'audit', 'drifted'));
      expect(json.findings).toContainEqual(
        expect.objectContaining({ id: 'response-property-missing', severity: 'breaking', operation: 'GET /ledgers/{ledger_id}', status: 404, pointer: '/message', case: 'GET /ledgers/{ledger_id}: unknown ledger_id' }),
      );
      expect(json.verdict).toBe('fail');
    } finally {
      await drifted.close();
    }
  });

  it('puts two audits side by side', async () => {
    const compared = await callCli(['audit', '--compare', 'reports/audit/bursar', 'reports/audit/drifted', '--out', 'reports/audit/compared'], {}, root);
    expect(compared.stderr).toBe('');
    expect(compared.code).toBe(0);
    expect(compared.stdout).toMatch(/bursar[\s\S]*bursar/);
    expect((await readdir(join(root, 'reports', 'audit', 'compared'))).sort()).toEqual(['compare.html', 'compare.md']);
  });

  it('lists the ledger shapes recognised in the document and the money integrity line, n/a where no money rule reached a case', () => {
    expect(Array.isArray(out.json.recognitions)).toBe(true);
    expect(out.all).toContain('## Money rules recognised');
    expect(out.all).toContain('<h2 id="recognitions">Money rules recognised</h2>');
    const reached = new Set(out.json.recognitions.map((r) => r.operation));
    const successes = out.json.interactions.filter((i) => reached.has(i.operation) && i.status === 200);
    expect(out.json.scorecard.moneyIntegrity).toEqual(successes.length === 0 ? { score: null, numerator: 0, denominator: 0 } : expect.objectContaining({ denominator: successes.length }));
  });

  it('compares an audit written before the money integrity line, as n/a', async () => {
    const older = JSON.parse(await readFile(join(root, 'reports', 'audit', 'bursar', 'audit.json'), 'utf8')) as { scorecard: Record<string, unknown> };
    delete older.scorecard.moneyIntegrity;
    await mkdir(join(root, 'older'));
    await writeFile(join(root, 'older', 'audit.json'), JSON.stringify(older));
    const compared = await callCli(['audit', '--compare', 'reports/audit/bursar', 'older'], {}, root);
    expect(compared.stderr).toBe('');
    expect(compared.stdout).toMatch(/\| Money integrity \| [^|]+ \| n\/a \(0 \/ 0\) \|/);
  });

  it('refuses to compare a folder whose audit.json is not an audit, in one line (exit 2)', async () => {
    await mkdir(join(root, 'forged'));
    await writeFile(join(root, 'forged', 'audit.json'), JSON.stringify({ vendor: 'a', verdict: 'pass', exitCode: 0, specDefects: [], counts: { findings: { breaking: 0, warning: 0, info: 0 } }, scorecard: {} }));
    const compared = await callCli(['audit', '--compare', 'reports/audit/bursar', 'forged'], {}, root);
    expect(compared.code).toBe(2);
    expect(compared.stderr).toMatch(/^conform audit --compare: forged\/audit.json is not a conform audit \(\/scorecard: [^\n]+\)\n$/);
  });
});

describe('conform audit when the vendor cannot be tried', () => {
  it('a token endpoint that refuses the client: one line naming the vendor and the token URL, no credential', async () => {
    const refusing = await startBursar({ refuseClients: true });
    const root = await bursarCheckout();
    try {
      const run = await audit(root, refusing.url);
      expect(run.stdout).toContain(`bursar: no OAuth 2.0 token from ${refusing.url}/oauth/token: the client credentials were refused (401`);
      expect(run.code).toBe(3);
      expectNoSecret(run.stdout + run.stderr + (await written(join(root, 'reports', 'audit', 'bursar'))).all);
    } finally {
      await refusing.close();
    }
  });

  it('nothing listening at the base URL: exit 2 and a line naming the vendor and the URL', async () => {
    const gone = await startBursar();
    await gone.close();
    const root = await bursarCheckout();
    const run = await audit(root, gone.url);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`bursar: nothing could be tried at ${gone.url}`);
  });

  it('no credential for a secured document, or one that is not client_id:client_secret: one line before any request (exit 2)', async () => {
    const root = await bursarCheckout();
    const none = await runCli(['audit', '--vendor', 'bursar', '--spec', BURSAR_SPEC, '--base-url', 'http://127.0.0.1:9/v2', '--fixture', `ledger_id=${LEDGER}`], {}, root);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('conform audit: configuration error: --auth: GET /ledgers/{ledger_id} requires credentials (securitySchemes: bursarOAuth): give --auth SCHEME=VALUE (or SCHEME=env:VAR)\n');
    const colonless = await callCli(['audit', '--vendor', 'bursar', '--spec', BURSAR_SPEC, '--base-url', 'http://127.0.0.1:9/v2', '--auth', 'bursarOAuth=justasecret_canary'], {}, root);
    expect(colonless.code).toBe(2);
    expect(colonless.stderr).toBe('conform audit: configuration error: bursar: the valid credential for oauth2 scheme bursarOAuth must be client_id:client_secret\n');
  });

  it('a host a vendor file calls production: refused (exit 2) unless CONFORM_ALLOW_PRODUCTION=1, and then its token only over https', async () => {
    const bursar = await startBursar();
    const root = await bursarCheckout();
    try {
      const flags = ['--vendor', 'bursar', '--spec', BURSAR_SPEC, '--base-url', bursar.url, '--auth', 'bursarOAuth=env:BURSAR_CLIENT', '--fixture', `ledger_id=${LEDGER}`];
      expect((await callCli(['init', ...flags], { BURSAR_CLIENT: CLIENT }, root)).code).toBe(0);
      await appendFile(join(root, 'vendors', 'bursar.yaml'), 'production:\n  hosts: [127.0.0.1]\n');
      const refused = await callCli(['audit', ...flags, '--allow-unsafe'], { BURSAR_CLIENT: CLIENT }, root);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`--base-url: ${bursar.url} is a production credential or host`);
      expect(bursar.requests).toEqual([]);
      // Allowed, it is still production: the client secret goes over https only, so this plain-http token URL stops it.
      const allowed = await callCli(['audit', ...flags, '--allow-unsafe'], { BURSAR_CLIENT: CLIENT, CONFORM_ALLOW_PRODUCTION: '1' }, root);
      expect(allowed.code).toBe(2);
      expect(allowed.stderr).toBe(`conform audit: configuration error: bursar: no OAuth 2.0 token from ${bursar.url}/oauth/token: a production target sends its client secret over https only\n`);
      expect(bursar.requests).toEqual([]);
    } finally {
      await bursar.close();
    }
  });

  it('a scheme the document lacks stops before any request (exit 2)', async () => {
    const root = await bursarCheckout();
    const run = await callCli(['audit', '--spec', BURSAR_SPEC, '--base-url', 'http://127.0.0.1:9/v2', '--auth', 'apiKey=k_canary_123456'], {}, root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--auth apiKey: not in the documents' securitySchemes (bursarOAuth)");
    expect(run.stderr).not.toContain('k_canary_123456');
  });
});
