// What `npm pack` ships, installed from its tarball into an empty project outside the repository (as a
// user would install it), then run: `npx conform audit`, and the matcher in the project's own vitest.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGenericSandbox, type RunningGenericSandbox } from '../../src/sandbox/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

// Neither this test run's vitest nor npm's own variables reach the user's project.
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|npm_|CONFORM_)|^NODE_OPTIONS$/.test(name)));

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...CLEAN_ENV, ...env }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const WHOP = 'specs/whop/1.0.0.yaml';

/** The user's test file: the matcher on a real answer from the sandbox (fetch), and on a body that lacks what is required. */
const MATCHER_TEST = `import { expect, it } from 'vitest';
import { conformTo } from 'conform/vitest';

expect.extend({ conformTo });
const operation = { spec: 'specs/whop.yaml', operation: 'GET /ledger_accounts/{id}' };

it('passes a faithful answer', async () => {
  const response = await fetch(process.env.LEDGER_URL, { headers: { authorization: 'Bearer ' + process.env.TOKEN } });
  await expect(response).conformTo(operation);
});

it('fails: a body without its id', async () => {
  await expect({ status: 200, headers: { 'content-type': 'application/json' }, body: { ledger_type: 'primary' } }).conformTo(operation);
});
`;

interface Packed {
  filename: string;
  files: Array<{ path: string }>;
}

describe('the package npm pack makes, installed into an empty project', () => {
  let packed: Packed;
  let project: string;
  let sandbox: RunningGenericSandbox;

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'conform-package-'));
    // dist/ is fresh: the unit project's globalSetup built it. --ignore-scripts skips `prepare` building it again.
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', root], REPO_ROOT);
    expect(pack.code, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
    project = join(root, 'project');
    await mkdir(join(project, 'specs'), { recursive: true });
    expect((await run('npm', ['init', '-y'], project)).code).toBe(0);
    const { dependencies } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(root, packed.filename), `vitest@${dependencies.vitest}`], project);
    expect(install.code, install.stderr).toBe(0);
    await copyFile(join(REPO_ROOT, WHOP), join(project, 'specs', 'whop.yaml'));
    await writeFile(join(project, 'ledger.test.mjs'), MATCHER_TEST);
    sandbox = await startGenericSandbox({ document: join(REPO_ROOT, WHOP) });
  }, 600_000);
  afterAll(() => sandbox?.close());

  it('holds the compiled JavaScript, its types, the CLI and the schemas; no tests, no TypeScript sources', () => {
    const paths = packed.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['bin/conform.js', 'dist/src/api/index.js', 'dist/src/api/index.d.ts', 'dist/src/api/vitest.d.ts', 'dist/src/cli/main.js', 'dist/suites/vendors.suite.js', 'schemas/vendor.schema.json', 'package.json']));
    expect(paths.filter((path) => path.startsWith('test/') || path.startsWith('src/') || path === 'bin/bench.js' || path.endsWith('.tsbuildinfo'))).toEqual([]);
    expect(paths.filter((path) => path.endsWith('.ts') && !path.endsWith('.d.ts'))).toEqual([]);
  });

  it('resolves conform from the project, not from the repository', async () => {
    const resolved = await run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('conform'), import.meta.resolve('conform/vitest'))"], project);
    expect(resolved.stdout.trim().split(' ')).toEqual([`file://${project}/node_modules/conform/dist/src/api/index.js`, `file://${project}/node_modules/conform/dist/src/api/vitest.js`]);
  });

  it('runs `npx conform audit` against a local server and writes the audit', async () => {
    const credential = sandbox.credentials.bearerAuth!.valid;
    const audit = await run('npx', ['conform', 'audit', '--spec', 'specs/whop.yaml', '--base-url', sandbox.url, '--auth', `bearerAuth=${credential}`, '--fixture', `id=${sandbox.fixtures.id}`, '--vendor', 'whop'], project);
    expect(audit.stderr).toBe('');
    expect(audit.stdout).toMatch(/^audit whop: 5 cases derived for 1 of 1 operations/);
    expect(audit.stdout).toContain('audit: reports/audit/whop/audit.{json,md,html}');
    const written = JSON.parse(await readFile(join(project, 'reports', 'audit', 'whop', 'audit.json'), 'utf8')) as { exitCode: number; interactions: Array<{ case: string; outcome: string }> };
    expect(audit.code).toBe(written.exitCode);
    expect(written.interactions.find((i) => i.case === 'GET /ledger_accounts/{id}: success')?.outcome).toBe('passed');
  });

  it("runs the matcher in the project's vitest: a conforming answer passes, a broken body fails with its findings", async () => {
    const env = { LEDGER_URL: `${sandbox.url}/ledger_accounts/${sandbox.fixtures.id}`, TOKEN: sandbox.credentials.bearerAuth!.valid };
    const tests = await run('npx', ['vitest', 'run', '--reporter=json', '--outputFile=results.json'], project, env);
    expect(tests.code, tests.stderr).toBe(1);
    const results = JSON.parse(await readFile(join(project, 'results.json'), 'utf8')) as { testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }> };
    const outcomes = results.testResults.flatMap((file) => file.assertionResults).map(({ title, status, failureMessages }) => ({ title, status, message: failureMessages.join('\n') }));
    expect(outcomes.map(({ title, status }) => [title, status])).toEqual([['passes a faithful answer', 'passed'], ['fails: a body without its id', 'failed']]);
    const message = outcomes[1]!.message;
    expect(message).toContain('expected the response to GET /ledger_accounts/{id} in specs/whop.yaml to conform, but it has');
    expect(message).toContain('  response-property-missing at /id (status 200)\n    expected: required property\n    observed: absent\n');
  });
});
