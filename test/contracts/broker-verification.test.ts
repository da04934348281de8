import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokerIndex, brokerSettings, publishVerification, readContract, unpublishable, type InteractionVerdict } from '../../src/contracts/index.ts';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index.ts';
import { CANARY_CREDENTIALS, canaryForms, startBrokerStandIn, type BrokerStandIn } from '../support/broker-stand-in.ts';
import { callCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

/**
 * `conform verify --publish` against the Broker stand-in (test/support/broker-stand-in.ts): Xendit's
 * embedded sandbox served as if it were the live vendor, so its contract is a live one, recorded by a
 * real `conform run`, published by `conform contracts publish`, then verified by the Pact Verifier.
 */
const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
const TOKEN = 'broker-Token_verif+1234/abcd=';

let broker: BrokerStandIn;
let faithful: RunningSandbox;
let drifted: RunningSandbox;
let contractsDir: string;

const vendorEnv = (sandbox: RunningSandbox) => ({
  CONFORM_VENDORS: 'xendit',
  XENDIT_SECRET_KEY: sandbox.credentials.secretKey!,
  XENDIT_BASE_URL: sandbox.url,
  XENDIT_ACCOUNT_ID: sandbox.fixtures.accountId!,
  XENDIT_MANAGED_ACCOUNT_ID: sandbox.fixtures.managedAccountId!,
});
const brokerEnv = () => ({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN, CONFORM_CONTRACTS_DIR: contractsDir });
const resultsPosted = () => broker.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/verification-results'));

beforeAll(async () => {
  [broker, faithful, drifted] = await Promise.all([startBrokerStandIn({ token: TOKEN }), startSandbox('xendit'), startSandbox('xendit', { scenario: 'status-drift' })]);
  contractsDir = await mkdtemp(join(tmpdir(), 'conform-broker-verify-'));
  const ran = await callCli(['run'], { ...vendorEnv(faithful), CONFORM_CONTRACTS_DIR: contractsDir });
  expect(ran.code).toBe(0);
  const published = await callCli(['contracts', 'publish'], brokerEnv());
  expect(published.stderr).toBe('');
  expect(published.code).toBe(0);
}, 120_000);

afterAll(async () => {
  await Promise.all([broker.close(), faithful.close(), drifted.close()]);
});

describe('conform verify --publish', () => {
  it('publishes a success per pact, with a result per interaction, under the git provider version and its branch', async () => {
    const before = broker.requests.length;
    const run = await callCli(['verify', '--publish'], { ...vendorEnv(faithful), ...brokerEnv() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const version = git('rev-parse', '--short', 'HEAD');
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
    const on = branch === 'HEAD' ? '' : ` on branch ${branch}`;
    expect(run.stdout).toContain(`published: xendit ${version}${on} verified conform ${version}: success (5 interactions)\n`);
    const calls = broker.requests.slice(before).map((r) => `${r.method} ${r.url}`);
    expect(calls[0]).toBe('GET /');
    expect(calls[1]).toBe(`GET /pacts/provider/xendit/consumer/conform/version/${version}`);
    if (branch !== 'HEAD') expect(calls).toContain(`PUT /pacticipants/xendit/branches/${encodeURIComponent(branch)}/versions/${version}`);
    const [posted] = resultsPosted().slice(-1);
    expect(posted!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const body = posted!.body as { success: boolean; providerApplicationVersion: string; verifiedBy: unknown; testResults: Array<{ interactionDescription: string; success: boolean }> };
    expect(body).toMatchObject({ success: true, providerApplicationVersion: version, verifiedBy: { implementation: 'conform', version: expect.stringMatching(/^\d+\.\d+\.\d+/) } });
    const pact = JSON.parse(await readFile(join(contractsDir, 'conform-xendit.json'), 'utf8')) as { interactions: Array<{ description: string }> };
    expect(body.testResults.map((r) => r.interactionDescription).sort()).toEqual(pact.interactions.map((i) => i.description).sort());
    expect(body.testResults.every((r) => r.success)).toBe(true);
  }, 120_000);

  it('publishes a failure, with the mismatches of each broken interaction, under a named provider version; can-i-deploy then says no', async () => {
    const run = await callCli(['verify', '--provider-version', 'xendit-2026-12', '--provider-branch', 'nightly'], {
      ...vendorEnv(drifted),
      ...brokerEnv(),
      PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^published: xendit xendit-2026-12 on branch nightly verified conform \w+: failure \(5 interactions\)$/m);
    expect(broker.requests.some((r) => r.method === 'PUT' && r.url === '/pacticipants/xendit/branches/nightly/versions/xendit-2026-12')).toBe(true);
    const body = resultsPosted().at(-1)!.body as { success: boolean; providerApplicationVersion: string; testResults: Array<{ interactionDescription: string; success: boolean; mismatches?: Array<{ description: string }> }> };
    expect(body).toMatchObject({ success: false, providerApplicationVersion: 'xendit-2026-12' });
    const broken = body.testResults.filter((r) => !r.success);
    expect(broken.map((r) => r.interactionDescription)).toEqual(['unknown id (GET /v2/accounts/{id})']);
    expect(broken[0]!.mismatches).toContainEqual(expect.objectContaining({ description: 'status: expected 404 but was 400' }));
    const gate = await callCli(['can-i-deploy', '--version', git('rev-parse', '--short', 'HEAD')], brokerEnv());
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/^ {2}The verification for the pact between version \w+ of conform and the latest version of xendit \(xendit-2026-12\) failed$/m);
  }, 120_000);

  it('takes the provider version from PACT_PROVIDER_VERSION, with no branch unless one is named (git\'s is not the vendor\'s)', async () => {
    const before = broker.requests.length;
    const run = await callCli(['verify', '--publish'], { ...vendorEnv(faithful), ...brokerEnv(), PACT_PROVIDER_VERSION: 'xendit-env-1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^published: xendit xendit-env-1 verified conform \w+: success \(5 interactions\)$/m);
    expect(broker.requests.slice(before).filter((r) => r.method === 'PUT')).toEqual([]);
    expect(resultsPosted().at(-1)!.body).toMatchObject({ providerApplicationVersion: 'xendit-env-1' });
  }, 120_000);

  it('without --publish (or the variable) sends nothing to the broker', async () => {
    const before = broker.requests.length;
    const run = await callCli(['verify'], { ...vendorEnv(faithful), ...brokerEnv(), PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'false' });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('published');
    expect(broker.requests.length).toBe(before);
  }, 120_000);

  it('never publishes a sandbox verification: one line says why, and nothing is sent', async () => {
    const sandboxContracts = await mkdtemp(join(tmpdir(), 'conform-broker-sandbox-'));
    expect((await callCli(['run'], { CONFORM_VENDORS: 'xendit', CONFORM_CONTRACTS_DIR: sandboxContracts })).code).toBe(0);
    const before = broker.requests.length;
    const run = await callCli(['verify', '--publish'], { CONFORM_VENDORS: 'xendit', PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN, CONFORM_CONTRACTS_DIR: sandboxContracts });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('not published: xendit: verified against the embedded sandbox, which is not xendit; only live verifications are published\n');
    expect(broker.requests.length).toBe(before);
  }, 120_000);

  it('refuses to attach results to a pact the broker holds that is not the contract verified', async () => {
    const changed = await mkdtemp(join(tmpdir(), 'conform-broker-changed-'));
    const pact = JSON.parse(await readFile(join(contractsDir, 'conform-xendit.json'), 'utf8')) as { interactions: unknown[] };
    pact.interactions = pact.interactions.slice(1);
    await writeFile(join(changed, 'conform-xendit.json'), JSON.stringify(pact));
    const before = resultsPosted().length;
    const run = await callCli(['verify', '--publish'], { ...vendorEnv(faithful), ...brokerEnv(), CONFORM_CONTRACTS_DIR: changed });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^conform verify: cannot publish the verification of xendit: the Pact Broker's pact between conform \w+ and xendit is not the contract verified \(.*conform-xendit\.json\): publish it with conform contracts publish first\n$/);
    expect(resultsPosted().length).toBe(before);
  }, 120_000);
});

describe('which interactions a published result holds', () => {
  /** The stored live contract and a verification of it in which `skipped` interactions were skipped, the rest verified. */
  async function verificationSkipping(skipped: number) {
    const contract = await readContract(join(contractsDir, 'conform-xendit.json'));
    const interactions = contract.interactions.map((interaction, index): InteractionVerdict => ({ ...interaction, outcome: index < skipped ? 'skipped' : 'verified', mismatches: [], reason: index < skipped ? 'no limited key' : null }));
    return { contract, verification: { vendor: 'xendit', file: contract.file, interactions, problem: null } };
  }

  it('leaves the skipped interactions out: they were not verified', async () => {
    const { contract, verification } = await verificationSkipping(2);
    expect(unpublishable(contract, verification)).toBeNull();
    const settings = brokerSettings({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN });
    const version = git('rev-parse', '--short', 'HEAD');
    const result = await publishVerification(settings, await brokerIndex(settings), contract, verification, { consumer: version, provider: { version: 'skips-1', branch: null } });
    expect(result).toEqual({ success: true, tested: contract.interactions.length - 2 });
    const body = resultsPosted().at(-1)!.body as { testResults: Array<{ interactionDescription: string }> };
    expect(body.testResults.map((r) => r.interactionDescription)).toEqual(contract.interactions.slice(2).map((i) => i.description));
  });

  it('publishes nothing when every interaction was skipped, or one could not be verified', async () => {
    const { contract, verification } = await verificationSkipping(5);
    expect(unpublishable(contract, verification)).toBe('no interaction was verified (all were skipped)');
    const unavailable = { ...verification, interactions: verification.interactions.map((i, index) => ({ ...i, outcome: index === 0 ? ('error' as const) : ('verified' as const) })) };
    expect(unpublishable(contract, unavailable)).toBe('1 interaction could not be verified');
  });
});

describe('conform verify --publish when the broker fails', () => {
  const cases: Array<[string, string, { status: number; body: string; contentType?: string }, RegExp]> = [
    ['401', '/', { status: 401, body: '{"error":"Unauthorized"}' }, /the Pact Broker answered GET http:\/\/127\.0\.0\.1:\d+\/ with HTTP 401: Unauthorized$/],
    ['404 pact not found', '/pacts/', { status: 404, body: '{"error":"No pact found"}' }, /the Pact Broker has no pact between conform \w+ and xendit: publish it first with conform contracts publish$/],
    ['5xx', '/pacts/provider/xendit/consumer/conform/pact-version/', { status: 503, body: '<html>Service Unavailable</html>', contentType: 'text/html' }, /the Pact Broker answered POST http:\/\/\S+\/verification-results with HTTP 503: <html>Service Unavailable<\/html>$/],
    ['a non-JSON answer', '/pacts/', { status: 200, body: 'Welcome to nginx!', contentType: 'text/html' }, /the Pact Broker answered GET http:\/\/\S+ with something that is not JSON: Welcome to nginx!$/],
  ];

  it.each(cases)('%s: exit 2 with one located line, no stack trace', async (_name, path, fault, message) => {
    broker.failNext(path, fault);
    const run = await callCli(['verify', '--publish'], { ...vendorEnv(faithful), ...brokerEnv() });
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^conform verify: cannot publish the verification of xendit: /);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('an unreachable broker: exit 2, naming it', async () => {
    const run = await callCli(['verify', '--publish'], { ...vendorEnv(faithful), ...brokerEnv(), PACT_BROKER_BASE_URL: 'http://127.0.0.1:1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^conform verify: cannot publish the verification of xendit: cannot reach the Pact Broker at http:\/\/127\.0\.0\.1:1 \(GET http:\/\/127\.0\.0\.1:1\/\): /);
  }, 120_000);

  it('no broker configured: exit 2 before anything is verified', async () => {
    const run = await callCli(['verify', '--publish'], { ...vendorEnv(faithful), CONFORM_CONTRACTS_DIR: contractsDir });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'conform verify: configuration error: PACT_BROKER_BASE_URL: is not set: it names the Pact Broker to publish to\n' });
  });
});

describe('the broker credentials are redacted from everything verify prints', () => {
  it.each(CANARY_CREDENTIALS.map((canary) => [canary.name, canary] as const))('%s the broker echoes back, in plain, base64 and URL-encoded forms, in its refusal', async (_name, canary) => {
    // The echoing broker refuses the credentials it was sent (it expects others) and quotes them back.
    const echoing = await startBrokerStandIn({ token: 'another-token', echoCredentials: true });
    try {
      const run = await callCli(['verify', '--publish'], { ...vendorEnv(faithful), CONFORM_CONTRACTS_DIR: contractsDir, PACT_BROKER_BASE_URL: echoing.url, ...canary.env });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('HTTP 401');
      expect(run.stderr).toContain('[redacted]');
      for (const secret of canary.secrets) for (const form of canaryForms(secret)) expect(run.stdout + run.stderr).not.toContain(form);
    } finally {
      await echoing.close();
    }
  }, 120_000);
});
