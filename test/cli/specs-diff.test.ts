import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCliBounded } from '../support/bounded.ts';
import { callCli, runCli, type CliRun } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

vi.setConfig({ testTimeout: 60_000 });

const WHOP = 'specs/whop/1.0.0.yaml';
const whopText = await readFile(join(REPO_ROOT, WHOP), 'utf8');
// The payout account's status enum in the 200 response of GET /ledger_accounts/{id}.
const STATUS_ENUM = '        - connected\n        - disabled\n';

/** Whop's document with one edit, written to a fresh folder; returns its path. */
async function whopWith(edit: (text: string) => string, name = 'whop-next.yaml'): Promise<string> {
  const edited = edit(whopText);
  expect(edited, 'the edit applies').not.toBe(whopText);
  const file = join(await mkdtemp(join(tmpdir(), 'conform-specs-diff-')), name);
  await writeFile(file, edited);
  return file;
}

const addStatus = (text: string) => text.replace(STATUS_ENUM, `${STATUS_ENUM}        - frozen\n`);
const deprecate = (text: string) => text.replace('  /ledger_accounts/{id}:\n    get:\n', '  /ledger_accounts/{id}:\n    get:\n      deprecated: true\n');

/** A minimal OpenAPI document: `extra` is YAML appended at the top level. */
const doc = (title: string, extra = '') => `openapi: 3.1.0\ninfo: { title: ${JSON.stringify(title)}, version: '1' }\npaths: {}\n${extra}`;
/** One operation whose 200 response body is `schema` (YAML flow text). */
const withSchema = (schema: string) =>
  doc('Acme API').replace('paths: {}\n', `paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${schema}\n`);

async function scratch(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'conform-specs-diff-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

/** A diff that cannot run: exit 2, one line matching `located` on stderr, nothing on stdout, no stack trace. */
function expectRefused(run: Pick<CliRun, 'code' | 'stdout' | 'stderr'>, located: RegExp): void {
  expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(located);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
}

describe('conform specs diff', () => {
  it('a response enum value added is breaking for a consumer: exit 1, the change in JSON', async () => {
    const run = await runCli(['specs', 'diff', WHOP, await whopWith(addStatus), '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      breaking: true,
      changes: [
        {
          id: 'response-property-enum-value-added',
          level: 'WARN',
          severity: 'breaking',
          reason: expect.any(String),
          operation: 'GET /ledger_accounts/{id}',
          status: '200',
          where: '/payout_account_details/status',
          value: 'frozen',
        },
      ],
    });
  });

  it('prints the same change as text and Markdown, under its operation, naming the vendor', async () => {
    const revision = await whopWith(addStatus);
    const text = await callCli(['specs', 'diff', WHOP, revision]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^whop: specs\/whop\/1\.0\.0\.yaml -> .*whop-next\.yaml: 1 change: 1 breaking, 0 warning, 0 info\n\nGET \/ledger_accounts\/\{id\}\n  breaking  response-property-enum-value-added  level WARN  status 200  where \/payout_account_details\/status  value "frozen"\n      reason: /);
    const md = await callCli(['specs', 'diff', WHOP, revision, '--format', 'md']);
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^# Spec diff: whop\n/);
    expect(md.stdout).toContain('## GET /ledger\\_accounts/{id}\n');
    expect(md.stdout).toContain('| breaking | `response-property-enum-value-added` | WARN | `200` | `/payout_account_details/status` | `frozen` |');
  });

  it('a document compared with itself has no changes: exit 0', async () => {
    const run = await callCli(['specs', 'diff', WHOP, WHOP, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ breaking: false, changes: [] });
  });

  it('a warning passes by default and fails with --fail-on warning', async () => {
    const revision = await whopWith(deprecate);
    const lenient = await callCli(['specs', 'diff', WHOP, revision]);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('  warning   endpoint-deprecated  level INFO  whole endpoint\n');
    const strict = await callCli(['specs', 'diff', WHOP, revision, '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(lenient.stdout);
  });

  it.each([
    [['specs', 'diff', WHOP], /^conform specs diff: needs two documents, BASE and REVISION; usage: conform specs diff BASE REVISION /],
    [['specs', 'diff', WHOP, WHOP, WHOP], /^conform specs diff: needs two documents/],
    [['specs', 'diff', WHOP, WHOP, '--format', 'html'], /^conform specs diff: --format must be text, json or md, got "html"$/],
    [['specs', 'diff', WHOP, WHOP, '--fail-on', 'info'], /^conform specs diff: --fail-on must be breaking or warning, got "info"$/],
    [['specs', 'diff', WHOP, WHOP, '--fail-on', 'constructor'], /^conform specs diff: --fail-on must be breaking or warning, got "constructor"$/],
    [['specs', 'diff', WHOP, WHOP, '--vendor', 'Not A Name'], /^conform specs diff: --vendor must be a letter then lower-case letters/],
    [['specs', 'diff', WHOP, WHOP, '--since', 'x'], /^conform specs diff: Unknown option '--since'.*; see conform specs diff --help$/],
    [['specs', 'diff', WHOP, 'specs/whop/none.yaml'], /^conform: specs\/whop\/none\.yaml: file not found$/],
  ])('a usage mistake or a missing file is one line, exit 2: %j', async (args, message) => {
    expectRefused(await callCli(args), message);
  });
});

describe('conform specs diff refuses what it cannot compare (one located line, exit 2)', () => {
  it('documents of two vendors, by their x-provenance.vendor', async () => {
    expectRefused(
      await callCli(['specs', 'diff', WHOP, 'specs/midaz/3.7.0.yaml']),
      /^conform specs diff: specs\/midaz\/3\.7\.0\.yaml#\/x-provenance\/vendor names vendor "midaz", specs\/whop\/1\.0\.0\.yaml#\/x-provenance\/vendor "whop": a diff compares two versions of one vendor's document$/,
    );
  });

  it('documents of two vendors, by the specs/VENDOR/ folders they sit in', async () => {
    const root = await scratch({ 'specs/acme/1.yaml': doc('Payments API'), 'specs/bursar/1.yaml': doc('Payments API') });
    expectRefused(await callCli(['specs', 'diff', 'specs/acme/1.yaml', 'specs/bursar/1.yaml'], {}, root), /^conform specs diff: specs\/bursar\/ names vendor "bursar", specs\/acme\/ "acme": /);
  });

  it('a document of another vendor than --vendor names', async () => {
    expectRefused(await callCli(['specs', 'diff', WHOP, WHOP, '--vendor', 'midaz']), /^conform specs diff: specs\/whop\/1\.0\.0\.yaml#\/x-provenance\/vendor names vendor "whop", not --vendor midaz$/);
  });

  it('titles with no word in common, outside specs/ and without provenance; --vendor says they are one vendor', async () => {
    const root = await scratch({ 'a.yaml': doc('Acme Payments API'), 'b.yaml': doc('Bursar Ledger API v2'), 'c.yaml': doc('Acme API v2') });
    expectRefused(
      await callCli(['specs', 'diff', 'a.yaml', 'b.yaml'], {}, root),
      /^conform specs diff: b\.yaml#\/info\/title: "Bursar Ledger API v2" shares no word with a\.yaml's "Acme Payments API": not two versions of one vendor's document \(give --vendor NAME if they are\)$/,
    );
    expect((await callCli(['specs', 'diff', 'a.yaml', 'b.yaml', '--vendor', 'acme'], {}, root)).code).toBe(0);
    expect((await callCli(['specs', 'diff', 'a.yaml', 'c.yaml'], {}, root)).code).toBe(0);
  });

  it('a document that is not OpenAPI', async () => {
    const root = await scratch({ 'a.yaml': doc('Acme API'), 'b.yaml': 'swagger: "2.0"\ninfo: { title: Acme API }\n' });
    expectRefused(await runCli(['specs', 'diff', 'a.yaml', 'b.yaml'], {}, root), /^conform: b\.yaml#\/openapi: no "openapi" field: not an OpenAPI 3 document \(Swagger 2\.0 is not supported/);
  });

  it('a YAML bomb, within a memory cap and a time limit', async () => {
    const laughs = ['    L0: &L0 { type: string }', ...Array.from({ length: 9 }, (_, i) => `    L${i + 1}: &L${i + 1} { allOf: [${Array(9).fill(`*L${i}`).join(', ')}] }`)].join('\n');
    const root = await scratch({ 'a.yaml': doc('Acme API'), 'bomb.yaml': doc('Acme API', `components:\n  schemas:\n${laughs}\n`) });
    const run = await runCliBounded(['specs', 'diff', 'a.yaml', 'bomb.yaml'], { memoryMb: 512, timeoutMs: 30_000, cwd: root });
    expect(run.timedOut || run.outOfMemory).toBe(false);
    expectRefused({ ...run, code: run.code ?? -1 }, /^conform: bomb\.yaml:\d+:\d+: aliases repeat more than 50,000 values/);
  });

  it('a $ref to a URL, in a schema or where a response belongs, is never fetched', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('{"type": "string"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/schema.json`;
    try {
      const inResponse = doc('Acme API').replace('paths: {}\n', `paths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: '${url}' }\n`);
      const root = await scratch({ 'a.yaml': withSchema('{ type: string }'), 'schema.yaml': withSchema(`{ $ref: '${url}' }`), 'response.yaml': inResponse });
      const pointer = '/paths/~1a/get/responses/200/content/application~1json/schema/$ref';
      expectRefused(
        await callCli(['specs', 'diff', 'a.yaml', 'schema.yaml'], {}, root),
        new RegExp(`^conform specs diff: schema\\.yaml#${pointer.replace(/\$/g, '\\$')}: \\$ref http://127\\.0\\.0\\.1:\\d+/schema\\.json is a URL, never fetched during a diff: `),
      );
      expectRefused(await callCli(['specs', 'diff', 'response.yaml', 'a.yaml'], {}, root), /^conform specs diff: response\.yaml#\/paths\/~1a\/get\/responses\/200\/\$ref: \$ref http:\/\/127\.0\.0\.1:\d+\/schema\.json is a URL, never fetched during a diff: /);
    } finally {
      server.close();
    }
    expect(requests).toEqual([]);
  });

  it('a $ref to a file outside the folder the document may read', async () => {
    const root = await scratch({ 'outside.yaml': 'X: { type: string }\n', 'docs/a.yaml': withSchema('{ type: string }'), 'docs/b.yaml': withSchema("{ $ref: '../outside.yaml#/X' }") });
    expectRefused(
      await callCli(['specs', 'diff', 'docs/a.yaml', 'docs/b.yaml'], {}, root),
      /^conform specs diff: docs\/b\.yaml#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\/\$ref: \$ref \.\.\/outside\.yaml#\/X \(outside .*\) was not read: /,
    );
  });

  it('a $ref to a file that is not there', async () => {
    const root = await scratch({ 'a.yaml': withSchema('{ type: string }'), 'b.yaml': withSchema("{ $ref: 'missing.yaml#/X' }") });
    expectRefused(
      await callCli(['specs', 'diff', 'a.yaml', 'b.yaml'], {}, root),
      /^conform specs diff: b\.yaml#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\/\$ref: \$ref missing\.yaml#\/X \(file not found\) was not read: /,
    );
  });
});
