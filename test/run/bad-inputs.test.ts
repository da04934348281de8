import { cp, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { openRuntime, runCase } from '../../src/run/runtime.ts';
import { callCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { fromVendorFile } from '../support/seed-vendors.ts';

/** A checkout of conform whose specs/ a test may break: everything else links to the real one. */
async function checkoutWithSpecs(edit: (specs: string) => Promise<void>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'conform-checkout-'));
  for (const entry of ['src', 'suites', 'vendors', 'schemas', 'bin', 'node_modules', 'package.json', 'vitest.config.ts', 'conform.waivers.yaml']) await symlink(join(REPO_ROOT, entry), join(root, entry));
  await cp(join(REPO_ROOT, 'specs'), join(root, 'specs'), { recursive: true });
  await edit(join(root, 'specs'));
  return root;
}

describe('a vendor document that cannot be loaded stops the run with one located line', () => {
  it.each([
    ['invalid YAML', (file: string) => writeFile(file, 'openapi: 3.1.0\ninfo: [unclosed\n'), /^conform run: specs\/whop\/1\.0\.0\.yaml:\d+:\d+: invalid YAML\/JSON/],
    ['a missing file', (file: string) => writeFile(`${file}.gone`, '').then(() => import('node:fs/promises').then((fs) => fs.rm(file))), /^conform run: specs\/whop\/1\.0\.0\.yaml: file not found$/],
    ['not OpenAPI at all', (file: string) => writeFile(file, '"just a string"\n'), /^conform run: specs\/whop\/1\.0\.0\.yaml: the document is not a YAML\/JSON object$/],
  ])('%s: exit 2, no stack trace', async (_what, breakIt, message) => {
    const root = await checkoutWithSpecs((specs) => breakIt(join(specs, 'whop', '1.0.0.yaml')));
    const run = await callCli(['run'], { CONFORM_VENDORS: 'whop' }, root);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a very large vendor document', () => {
  const write = async (schemaFor: (i: number) => unknown) => {
    const root = await mkdtemp(join(tmpdir(), 'conform-large-'));
    const schemas: Record<string, unknown> = { Link: { type: 'object', properties: { id: { type: 'string' }, next: { $ref: '#/components/schemas/Link' } } } };
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++) {
      schemas[`Thing${i}`] = schemaFor(i);
      if (i % 3 === 0) paths[`/things${i}/{id}`] = { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/Thing${i}` } } } } } } };
    }
    await writeFile(join(root, 'large.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 'Large', version: '1' }, paths, components: { schemas } }));
    return loadSpec('large.json', { cwd: root });
  };
  const check = (spec: Awaited<ReturnType<typeof loadSpec>>, body: unknown) =>
    checkResponse(spec, spec.operations.find((o) => o.key === 'GET /things2997/{id}')!, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) });

  it('with 3,000 schemas and 1,000 operations loads, lints and checks like a small one', async () => {
    const spec = await write(() => ({ type: 'object', required: ['id'], properties: { id: { type: 'string' }, link: { $ref: '#/components/schemas/Link' }, amount: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' } } }));
    expect(spec.operations).toHaveLength(1000);
    expect(spec.defects).toEqual([]);
    const findings = check(spec, { id: 'a', amount: 'x', link: { id: 'b', next: { id: 'c', extra: true } } });
    expect(findings.map((f) => `${f.id} ${f.pointer}`).sort()).toEqual(['response-body-schema-mismatch /amount', 'response-property-undocumented /link/next/extra']);
  });

  it('whose $refs chain through all 3,000 schemas is a located defect, never a crash', async () => {
    const spec = await write((i) => ({ type: 'object', properties: { next: { $ref: `#/components/schemas/Thing${(i + 1) % 3000}` } } }));
    // ajv compiles refs recursively: where the chain outgrows the stack, the schema is reported, not crashed on.
    const findings = check(spec, { next: {} });
    const located = [['spec-schema-invalid', '/paths/~1things2997~1{id}/get/responses/200/content/application~1json/schema']];
    expect([[], located]).toContainEqual(findings.map((f) => [f.id, f.location?.pointer]));
  });
});

describe('the production guard', () => {
  it('never sends anything but GET and HEAD to a production host', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.writeHead(201).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const target = { ...fromVendorFile('whop'), vendor: 'whop' as const, mode: 'live' as const, scenario: null, baseUrl: url, credentials: { valid: 'k', limited: null }, fixtures: {}, headers: {}, specs: ['test/fixtures/specs/transfers.yaml'] };
    try {
      const production = await openRuntime({ ...target, production: true }, { cwd: REPO_ROOT });
      const refused = await runCase(production, { name: 'create transfer', operation: 'POST /transfers', params: {}, expectStatus: 201 });
      expect(refused).toMatchObject({ outcome: 'skipped', reason: 'POST is never sent to a production host' });
      expect(requests).toBe(0);
      expect((await runCase(production, { name: 'transfers exist', operation: 'HEAD /transfers', params: {}, expectStatus: 201 })).outcome).toBe('answered');
      expect(requests).toBe(1);
      await production.client.close();
      const sandbox = await openRuntime({ ...target, production: false }, { cwd: REPO_ROOT });
      expect((await runCase(sandbox, { name: 'create transfer', operation: 'POST /transfers', params: {}, expectStatus: 201 })).outcome).toBe('answered');
      expect(requests).toBe(2);
      await sandbox.client.close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('configuration from .env', () => {
  it('is read from the working directory, and the environment wins over it', async () => {
    const root = await checkoutWithSpecs(async () => undefined);
    await writeFile(join(root, '.env'), '# chosen for this checkout\nCONFORM_VENDORS=xendit\nXENDIT_SANDBOX_SCENARIO=enum-value-added\n');
    const fromFile = await callCli(['run'], {}, root);
    expect(fromFile.stdout).toMatch(/^xendit\s+embedded sandbox \(enum-value-added\)/m);
    expect(fromFile.stdout).not.toMatch(/^whop /m);
    const overridden = await callCli(['run'], { XENDIT_SANDBOX_SCENARIO: 'faithful' }, root);
    expect(overridden.stdout).toMatch(/^xendit\s+embedded sandbox \(faithful\)/m);
    expect(overridden.code).toBe(0);
  });
});
