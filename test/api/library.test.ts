import { copyFile, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, checkResponse, ConfigError, diffSpecs, loadSpec, SpecLoadError, type Spec } from '../../src/api/index.ts';
import { startGenericSandbox, type RunningGenericSandbox } from '../../src/sandbox/index.ts';
import { callCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const WHOP = 'specs/whop/1.0.0.yaml';
const OPERATION = 'GET /ledger_accounts/{id}';
const json = { 'content-type': 'application/json' };

describe('the library API on the seed documents', () => {
  let whop: Spec;
  let faithful: string;
  beforeAll(async () => {
    whop = await loadSpec(WHOP, { cwd: REPO_ROOT });
    faithful = await readFile(join(REPO_ROOT, 'test/fixtures/bodies/whop-ledger-account.json'), 'utf8');
  });

  it('loadSpec: the document, its operations by key and its defects', () => {
    expect(whop).toMatchObject({ file: WHOP, vendor: 'whop', title: 'Whop API', version: '1.0.0', operations: [OPERATION] });
    expect(whop.defects.map((d) => d.id)).toEqual(['spec-example-mismatch']);
  });

  it('loadSpec rejects a document that cannot be read with a SpecLoadError naming it', async () => {
    await expect(loadSpec('specs/none.yaml', { cwd: REPO_ROOT })).rejects.toThrow(SpecLoadError);
    await expect(loadSpec('specs/none.yaml', { cwd: REPO_ROOT })).rejects.toThrow('specs/none.yaml: file not found');
  });

  it('checkResponse: no finding for a faithful body; the operation as the document keys it', async () => {
    const result = await checkResponse(whop, 'get  /ledger_accounts/{id}', { status: 200, headers: json, body: faithful }, { cwd: REPO_ROOT, env: {} });
    expect(result).toEqual({ operation: OPERATION, findings: [], moneyRules: 'vendors/whop.yaml' });
  });

  it("checkResponse runs the semantic checks with the vendor file's money rules, judged and worded", async () => {
    const body = faithful.replace('"balance": 1520.75,', '"balance": 1520.755,');
    const { findings } = await checkResponse(whop, OPERATION, { status: 200, headers: json, body }, { cwd: REPO_ROOT, env: {} });
    expect(findings.map(({ id, severity, pointer, expected, observed, message }) => ({ id, severity, pointer, expected, observed, message }))).toEqual([
      {
        id: 'amount-scale-exceeds-currency',
        severity: 'breaking',
        pointer: '/balances/0/balance',
        expected: 'at most 2 decimals (USD)',
        observed: '1520.755',
        message: 'amount at /balances/0/balance has more decimals than its currency allows: expected at most 2 decimals (USD), got 1520.755',
      },
    ]);
  });

  it('checkResponse applies severity overrides, given or from CONFORM_SEVERITY', async () => {
    const body = faithful.replace('"id": "ldgr_7hK2mQ9xR4tV1c",', '');
    const given = await checkResponse(whop, OPERATION, { status: 200, headers: json, body }, { cwd: REPO_ROOT, severity: { 'response-property-missing': 'info' } });
    const fromEnv = await checkResponse(whop, OPERATION, { status: 200, headers: json, body }, { cwd: REPO_ROOT, env: { CONFORM_SEVERITY: 'response-property-missing=warning' } });
    expect([given, fromEnv].map((r) => r.findings.map((f) => `${f.id} ${f.severity} ${f.pointer}`))).toEqual([['response-property-missing info /id'], ['response-property-missing warning /id']]);
  });

  it('checkResponse masks what its findings quote of the body, as runs do: nothing personal or secret leaves', async () => {
    const canaries = ['alice.canary@example.com', 'sk_live_canary0123456789'];
    const undocumented = JSON.stringify({ ...JSON.parse(faithful), email: canaries[0], api_secret: canaries[1] });
    const notJson = canaries.join(' ');
    const checked = await Promise.all([undocumented, notJson].map((body) => checkResponse(whop, OPERATION, { status: 200, headers: json, body }, { cwd: REPO_ROOT, env: {} })));
    expect(checked.map(({ findings }) => findings.map((f) => f.id))).toEqual([['response-property-undocumented', 'response-property-undocumented'], ['response-body-not-json']]);
    const shown = JSON.stringify(checked);
    // Any part of them (a quote of a text body is cut short), and the names too: an undocumented key is data, not a name the document gives.
    for (const canary of ['canary', 'sk_live_', 'api_secret']) expect(shown).not.toContain(canary);
  });

  it('checkResponse refuses an operation the document lacks, listing those it has', async () => {
    await expect(checkResponse(whop, 'GET /nope', { status: 200 })).rejects.toThrow(`${WHOP} has no operation "GET /nope" (it has: ${OPERATION})`);
  });

  describe('reading real responses off a local server', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      // The faithful body with its id removed, gzip-encoded as a server may send it.
      server = createServer((_, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(gzipSync(faithful.replace('"id": "ldgr_7hK2mQ9xR4tV1c",', '')));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ledger_accounts/ldgr_1`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('from undici.request(), its body still encoded: decoded, then checked', async () => {
      const { findings } = await checkResponse(whop, OPERATION, await request(url), { cwd: REPO_ROOT, env: {} });
      expect(findings.map((f) => `${f.id} ${f.pointer}`)).toEqual(['response-property-missing /id']);
    });

    it('from fetch(), already decoded; a Response whose body was read is refused', async () => {
      const { findings } = await checkResponse(whop, OPERATION, await fetch(url), { cwd: REPO_ROOT, env: {} });
      expect(findings.map((f) => `${f.id} ${f.pointer}`)).toEqual(['response-property-missing /id']);
      const read = await fetch(url);
      await read.text();
      await expect(checkResponse(whop, OPERATION, read)).rejects.toThrow('the response body was already read');
    });
  });

  it('diffSpecs: what `conform specs diff --format json --baseline none` prints', async () => {
    const [base, revision] = await Promise.all(['specs/midaz/3.7.0.yaml', 'specs/midaz/3.7.1.yaml'].map((file) => loadSpec(file, { cwd: REPO_ROOT })));
    const diff = diffSpecs(base!, revision!);
    const cli = await callCli(['specs', 'diff', 'specs/midaz/3.7.0.yaml', 'specs/midaz/3.7.1.yaml', '--format', 'json', '--baseline', 'none']);
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(JSON.parse(cli.stdout));
  });

  describe('audit, against the generic sandbox serving the Whop document', () => {
    let sandbox: RunningGenericSandbox;
    let project: string;
    beforeAll(async () => {
      sandbox = await startGenericSandbox({ document: join(REPO_ROOT, WHOP) });
      // A user's folder: the document, no vendor file.
      project = await mkdtemp(join(tmpdir(), 'conform-api-audit-'));
      await mkdir(join(project, 'specs'));
      await copyFile(join(REPO_ROOT, WHOP), join(project, 'specs', 'whop.yaml'));
    });
    afterAll(() => sandbox.close());

    it('runs the derived cases, writes the audit and returns it with the exit code `conform audit` would give', async () => {
      const lines: string[] = [];
      const credential = sandbox.credentials.bearerAuth!.valid;
      const result = await audit({ spec: 'specs/whop.yaml', baseUrl: `${sandbox.url}/`, vendor: 'whop', auth: { scheme: 'bearerAuth', credential }, fixtures: sandbox.fixtures, cwd: project, env: {}, print: (line) => lines.push(line) });
      expect(result.out).toBe(join(project, 'reports', 'audit', 'whop'));
      expect((await readdir(result.out)).sort()).toEqual(['audit.html', 'audit.json', 'audit.md']);
      expect(JSON.parse(await readFile(join(result.out, 'audit.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(result.audit)));
      expect(result.audit).toMatchObject({ vendor: 'whop', baseUrl: sandbox.url, exitCode: result.exitCode });
      expect(result.exitCode).toBe(result.audit.findings.some((f) => f.severity === 'breaking') ? 1 : 0);
      expect(result.audit.interactions.find((i) => i.case === `${OPERATION}: success`)).toMatchObject({ status: 200, outcome: 'passed' });
      expect(lines[0]).toMatch(/^audit whop: 5 cases derived for 1 of 1 operations/);
      expect(lines.join('\n')).not.toContain(credential);
    });

    it.each([
      ['a base URL with a query token', { baseUrl: 'http://127.0.0.1:9/?token=sk_live_canary0123456789' }, 'audit: baseUrl must not contain a query or fragment'],
      ['a base URL with user:password', { baseUrl: 'http://user:sk_live_canary0123456789@127.0.0.1:9' }, 'audit: baseUrl must not contain credentials (user:password@)'],
      ['a base URL that is not http(s)', { baseUrl: 'file:///etc' }, 'audit: baseUrl must be an http(s) URL'],
      ['a vendor name that climbs out of its folder', { vendor: 'Who Op/../x' }, 'audit: vendor must be a letter then lower-case letters, digits and -, at most 40'],
      ['a header name that is not one', { headers: { 'bad header': 'sk_live_canary0123456789' } }, 'audit: a header name is not a valid name'],
      ['a fixture name that is not one', { fixtures: { 'wallet id': 'x' } }, 'audit: a fixture name is not a valid name'],
    ])('refuses %s as `conform audit` does, writing nothing', async (_, given, message) => {
      const folder = await mkdtemp(join(tmpdir(), 'conform-api-audit-refused-'));
      await mkdir(join(folder, 'specs'));
      await copyFile(join(REPO_ROOT, WHOP), join(folder, 'specs', 'whop.yaml'));
      const refused = audit({ spec: 'specs/whop.yaml', baseUrl: sandbox.url, vendor: 'whop', cwd: folder, env: {}, ...given });
      await expect(refused).rejects.toThrow(new ConfigError('audit', message.slice('audit: '.length)));
      expect(await readdir(folder)).toEqual(['specs']);
    });
  });
});

describe('docs/api.md', () => {
  /** The names in the first column of a section's table, as written between backticks (`loadSpec(file, options?)` is loadSpec); a type augmentation is no export. */
  function documented(docs: string, heading: string): string[] {
    const section = docs.slice(docs.indexOf(`\n## \`${heading}\`\n`) + 1).split(/\n## /)[0]!;
    return section
      .split('\n')
      .filter((line) => line.startsWith('| `') && !line.includes('| type augmentation |'))
      .flatMap((line) => [...line.split('|')[1]!.matchAll(/`(\w+)[`(]/g)].map((match) => match[1]!));
  }

  it('lists exactly the exports of each entry point, and each entry point is in package.json exports', async () => {
    const docs = await readFile(join(REPO_ROOT, 'docs', 'api.md'), 'utf8');
    const entries = { conform: ['.', 'src/api/index.ts'], 'conform/vitest': ['./vitest', 'src/api/vitest.ts'] } as const;
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { default: string }> };
    for (const [heading, [entry, source]] of Object.entries(entries)) {
      expect(pkg.exports[entry]?.default).toBe(`./dist/${source.replace(/\.ts$/, '.js')}`);
      const text = await readFile(join(REPO_ROOT, source), 'utf8');
      // `export { a, type B } from …`, `export type { C } from …` and `export function d` / `interface E` / `class F` / `const G`.
      const listed = [...text.matchAll(/^export (?:type )?\{([^}]*)\}/gm)].flatMap((match) => match[1]!.split(',').map((name) => name.trim().replace(/^type /, '')));
      const declared = [...text.matchAll(/^export (?:declare )?(?:async )?(?:function|interface|class|const|type) (\w+)/gm)].map((match) => match[1]!);
      const runtime = Object.keys(await import(join(REPO_ROOT, source)));
      const exported = [...new Set([...listed, ...declared, ...runtime])].filter(Boolean).sort();
      expect({ [heading]: [...new Set(documented(docs, heading))].sort() }).toEqual({ [heading]: exported });
    }
  });
});
