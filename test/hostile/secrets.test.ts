import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { writeContract } from '../../src/contracts/pact-writer.ts';
import { displayFinding } from '../../src/findings/finding.ts';
import { stringPlaceholder } from '../../src/privacy/placeholder.ts';
import { redactStrings, secretForms } from '../../src/redaction/index.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { displayUrl } from '../../src/vendors/display-url.ts';
import { VENDORS } from '../support/seed-vendors.ts';
import { runNodeBounded } from '../support/bounded.ts';
import { runCli, type CliRun } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { ECHO, startEchoVendor } from './echo-vendor.ts';
import { encodings, leaksOf } from './secret-encodings.ts';

/** The placeholder the reports name the undocumented `echo_raw` by. */
const RAW = stringPlaceholder('echo_raw');

/** Every file under a folder, recursively, as text. */
async function filesUnder(root: string): Promise<Array<{ file: string; text: string }>> {
  const entries = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return Promise.all(entries.map(async (entry) => ({ file: join(entry.parentPath, entry.name), text: await readFile(join(entry.parentPath, entry.name), 'utf8') })));
}

function leaksIn(artifacts: Array<{ file: string; text: string }>, secrets: readonly string[]): string[] {
  return artifacts.flatMap(({ file, text }) => secrets.flatMap((secret) => leaksOf(text, secret, PUBLIC).map((leak) => `${file}: ${leak}`)));
}

// The invalid credentials conform sends are public (src/vendors/), and share a prefix with real keys.
const PUBLIC = [VENDORS.whop.invalidCredential, VENDORS.xendit.invalidCredential];

describe('a vendor that echoes its credentials in every encoding: no artifact holds any form of them', () => {
  const secrets = [ECHO.whopKey, ECHO.whopLimitedKey, ECHO.xenditKey];
  let vendor: { url: string; close(): Promise<void> };
  let root: string;
  let run: CliRun;

  beforeAll(async () => {
    vendor = await startEchoVendor();
    root = await mkdtemp(join(tmpdir(), 'conform-echo-'));
    run = await runCli(['run'], {
      CONFORM_VENDORS: 'whop,xendit',
      WHOP_API_KEY: ECHO.whopKey,
      WHOP_API_KEY_LIMITED: ECHO.whopLimitedKey,
      WHOP_BASE_URL: `${vendor.url}/api/v1`,
      WHOP_LEDGER_ACCOUNT_ID: ECHO.whopIds.ledgerAccountId,
      WHOP_COMPANY_ID: ECHO.whopIds.companyId,
      WHOP_USER_ID: ECHO.whopIds.userId,
      XENDIT_SECRET_KEY: ECHO.xenditKey,
      XENDIT_BASE_URL: vendor.url,
      XENDIT_ACCOUNT_ID: ECHO.xenditIds.accountId,
      XENDIT_MANAGED_ACCOUNT_ID: ECHO.xenditIds.managedAccountId,
      CONFORM_REPORTS_DIR: join(root, 'reports'),
      CONFORM_BASELINES_DIR: join(root, 'baselines'),
      CONFORM_CONTRACTS_DIR: join(root, 'contracts'),
      GITHUB_ACTIONS: 'true',
    });
  }, 150_000);

  afterAll(async () => {
    await vendor.close();
  });

  it('the run answers every case and writes reports, baselines and both contracts', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = (await filesUnder(root)).map((f) => f.file);
    for (const name of ['whop.json', 'xendit.json', 'whop.html', 'junit.xml', 'results.json', 'conform-whop.json', 'conform-xendit.json']) expect(files.some((f) => f.endsWith(name)), name).toBe(true);
    expect(files.some((f) => f.includes('baselines'))).toBe(true);
  });

  it('the echoed credentials are evidence in the reports, masked or redacted, then cut', async () => {
    const report = JSON.parse(await readFile(join(root, 'reports', 'latest', 'whop.json'), 'utf8')) as { findings: Array<{ pointer: string; observed: string; message: string }> };
    // An undocumented property's name is data too: the report names each echo_NAME by its placeholder (src/privacy).
    const pointers = new Set(Object.keys(encodings('x')).map((name) => `/${stringPlaceholder(`echo_${name}`)}`));
    const echoed = report.findings.filter((f) => pointers.has(f.pointer));
    expect(new Set(echoed.map((f) => f.pointer)).size).toBe(pointers.size);
    const raw = echoed.find((f) => f.pointer === `/${RAW}`)!;
    // An undocumented value is masked by position in the worker (src/privacy) before redaction runs: a placeholder of its shape.
    expect(raw.observed).toMatch(new RegExp(`^${RAW}: "[^"]+`));
    expect(raw.observed).not.toContain(ECHO.whopKey.slice(0, 12));
    for (const finding of echoed) expect(finding.observed.length, finding.pointer).toBeLessThanOrEqual(80);
  });

  it('no encoding of any credential in any file the run wrote (reports, contracts, baselines)', async () => {
    const artifacts = await filesUnder(root);
    expect(artifacts.length).toBeGreaterThan(10);
    expect(leaksIn(artifacts, secrets)).toEqual([]);
  }, 120_000);

  it('no encoding of any credential in stdout, stderr or the GitHub annotations', () => {
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations.some((line) => line.includes(RAW))).toBe(true);
    expect(leaksIn([{ file: 'stdout', text: run.stdout }, { file: 'stderr', text: run.stderr }], secrets)).toEqual([]);
  });
});

describe('a body that is not JSON is quoted only after redaction', () => {
  it('a credential past the old 60-character quote of the body start is redacted whole, then cut', async () => {
    const spec = await loadSpec('specs/whop/1.0.0.yaml', { cwd: REPO_ROOT });
    const operation = spec.operations.find((o) => o.key === 'GET /ledger_accounts/{id}')!;
    const body = Buffer.from(`debug token=${ECHO.whopKey}; not JSON`);
    const findings = checkResponse(spec, operation, { status: 200, headers: { 'content-type': 'application/json' }, body });
    const notJson = findings.find((f) => f.id === 'response-body-not-json')!;
    const shown = displayFinding(redactStrings(notJson, secretForms([ECHO.whopKey])));
    expect(shown.observed).toBe(`Unexpected token 'd' is not valid JSON (body starts "debug token=[redacted]; no…`);
    expect(leaksOf(JSON.stringify(shown), ECHO.whopKey)).toEqual([]);
  });
});

describe('displayUrl drops user information, whether the URL parses or not', () => {
  it.each([
    ['https://api.example.test/v1', 'https://api.example.test/v1'],
    ['https://ci:pw_Secret@api.example.test/v1', 'https://***@api.example.test/v1'],
    ['https://ci:pw/Se cret@api.example.test:99999/v1', 'https://***@api.example.test:99999/v1'],
    ['https://ci:p@ss@[::1/v1', 'https://***@[::1/v1'],
    ['ci:pw_Secret@api.example.test', '***@api.example.test'],
  ])('%s', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });
});

describe('a base URL with a password that does not parse is not echoed', () => {
  it('the configuration error shows the URL without its user information', async () => {
    const password = 'pw_Echo.Secret+98765/zyx';
    const run = await runCli(['run'], { CONFORM_VENDORS: 'whop', WHOP_API_KEY: ECHO.whopKey, WHOP_BASE_URL: `https://ci:${password}@api.example.test:99999/api/v1` });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conform run: configuration error: WHOP_BASE_URL: "https://***@api.example.test:99999/api/v1" is not a URL (expected e.g. https://api.example.com/v1)\n');
    expect(leaksOf(run.stdout + run.stderr, password)).toEqual([]);
  });
});

describe('conform contracts publish: a broker that echoes the credentials back', () => {
  const token = 'pact_broker.Token_Echo+0123456789/abcdefghijklmnopqrstuvwxyz=ABCDEFGHIJ';
  const username = 'ci.publisher_echo';
  const password = 'pw.Broker_Echo+Secret/0123456789=abcdefghijklmnopqrstuvwxyz';
  let server: Server;
  let broker: string;
  let contractsDir: string;
  /** What the broker answers: its status, and a body built from the Authorization header it received. */
  let reply: { status: number; body: (authorization: string) => string };

  beforeAll(async () => {
    contractsDir = await mkdtemp(join(tmpdir(), 'conform-echo-publish-'));
    const plan = { description: 'by id', providerState: null, comments: { case: 'by id', operation: 'GET /x/{id}' }, request: { method: 'GET', path: '/x/1', query: [], headers: [] }, response: { status: 200, contentType: null, mediaType: null, body: null } };
    await writeContract(join(contractsDir, 'conform-whop.json'), { consumer: 'conform', provider: 'whop' }, [plan as never], [], 'live');
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(reply.status, { 'content-type': 'application/hal+json' }).end(reply.body(request.headers.authorization ?? '')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    broker = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** The credential a broker saw, decoded, and every encoding of it: what the broker echoes. */
  const echoes = (authorization: string) => {
    const sent = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : authorization.slice(7);
    const credentials = sent.includes(':') ? sent.split(':') : [sent];
    return [authorization, ...credentials.flatMap((c) => Object.values(encodings(c)))];
  };
  const modes = {
    'notices on success': { status: 200, body: (auth: string) => JSON.stringify({ notices: echoes(auth).map((text) => ({ type: 'success', text: `published with ${text}` })) }) },
    'notices on refusal': { status: 409, body: (auth: string) => JSON.stringify({ notices: echoes(auth).map((text) => ({ type: 'error', text: `refused ${text}` })) }) },
    'errors by field': { status: 400, body: (auth: string) => JSON.stringify({ errors: { authorization: echoes(auth), pacticipantVersionNumber: [`bad for ${echoes(auth)[1]}`] } }) },
    // Not JSON: printed as text, cut at 300 characters, with the long token starting at character 250.
    'plain text, long': { status: 500, body: (auth: string) => `${'-'.repeat(250)}${echoes(auth).join(' ')}` },
  };
  const credentials = {
    token: { PACT_BROKER_TOKEN: token },
    'user name and password': { PACT_BROKER_USERNAME: username, PACT_BROKER_PASSWORD: password },
  };

  for (const [credentialName, env] of Object.entries(credentials)) {
    for (const [modeName, mode] of Object.entries(modes)) {
      it(`${credentialName}, ${modeName}: nothing printed holds them in any encoding`, async () => {
        reply = mode;
        const run = await runCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: broker, ...env, CONFORM_CONTRACTS_DIR: contractsDir });
        expect(run.code).toBe(mode.status === 200 ? 0 : 1);
        expect(run.stdout + run.stderr).toContain('[redacted]');
        expect(leaksIn([{ file: 'output', text: run.stdout + run.stderr }], [token, username, password])).toEqual([]);
      });
    }
  }

  it('a broker that cannot be reached: the error names the broker without credentials', async () => {
    const run = await runCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: 'http://127.0.0.1:1', PACT_BROKER_TOKEN: token, CONFORM_CONTRACTS_DIR: contractsDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^conform contracts publish: cannot reach the Pact Broker at http:\/\/127\.0\.0\.1:1: /);
    expect(leaksOf(run.stderr, token)).toEqual([]);
  });
});

describe('redaction is linear in the text', () => {
  it('16 MB of escapes and near-misses is redacted within 512 MB and 60 s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-redact-bound-'));
    const script = join(dir, 'redact-hostile.ts');
    await writeFile(
      script,
      `import { redactText, secretForms } from ${JSON.stringify(join(REPO_ROOT, 'src', 'redaction', 'index.ts'))};
const secret = ${JSON.stringify(ECHO.whopKey)};
const noise = ('%5F\\\\u0041&amp;&#x41;' + secret.slice(0, 40)).repeat(140_000);
const text = noise + encodeURIComponent(secret) + noise;
const redacted = redactText(text, secretForms([secret]));
console.log(text.length, redacted === noise + '[redacted]' + noise);
`,
    );
    const run = await runNodeBounded(['--import', 'tsx', script], { memoryMb: 512, timeoutMs: 60_000 });
    expect(run.timedOut).toBe(false);
    expect(run.outOfMemory).toBe(false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [length, whole] = run.stdout.trim().split(' ');
    expect(Number(length)).toBeGreaterThan(16_000_000);
    expect(whole).toBe('true');
  });
});
