import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_CREDENTIALS, canaryForms, startBrokerStandIn, type BrokerStandIn } from '../support/broker-stand-in.ts';
import { callCli, runCli } from '../support/cli.ts';

/**
 * `conform can-i-deploy` against the Broker stand-in (test/support/broker-stand-in.ts), which answers
 * the matrix from what was published and verified there. The history, set up through the stand-in's
 * HAL resources as conform and a provider would:
 *   conform c1 (main): pact with whop, verified by whop w1 (success); whop w1 deployed to production
 *   conform c2 (feature-x): another pact with whop, verified by whop w2 (failure); whop w0 in staging
 */
const TOKEN = 'deploy-Token_gate+5678/efgh=';
let broker: BrokerStandIn;

const pact = (description: string) => ({ consumer: { name: 'conform' }, provider: { name: 'whop' }, interactions: [{ description, request: { method: 'GET', path: '/x' }, response: { status: 200 } }], metadata: { pactSpecification: { version: '4.0' } } });

async function call(method: string, url: string, body?: unknown): Promise<any> {
  const response = await fetch(url, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', accept: 'application/hal+json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.status, `${method} ${url}`).toBeLessThan(300);
  return response.json();
}

async function publishAndVerify(version: string, branch: string, description: string, providerVersion: string, success: boolean) {
  const content = Buffer.from(JSON.stringify(pact(description))).toString('base64');
  await call('POST', `${broker.url}/contracts/publish`, { pacticipantName: 'conform', pacticipantVersionNumber: version, branch, contracts: [{ consumerName: 'conform', providerName: 'whop', specification: 'pact', contentType: 'application/json', content }] });
  const fetched = await call('GET', `${broker.url}/pacts/provider/whop/consumer/conform/version/${version}`);
  await call('POST', fetched._links['pb:publish-verification-results'].href, { success, providerApplicationVersion: providerVersion });
}

const env = (extra: Record<string, string> = {}) => ({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN, ...extra });
const matrixQueries = () => broker.requests.filter((r) => r.url.startsWith('/matrix')).map((r) => decodeURIComponent(r.url));

beforeAll(async () => {
  broker = await startBrokerStandIn({ token: TOKEN });
  await publishAndVerify('c1', 'main', 'by id', 'w1', true);
  await publishAndVerify('c2', 'feature-x', 'by id, with a new field', 'w2', false);
  broker.deploy('whop', 'w1', 'production');
  broker.deploy('whop', 'w0', 'staging');
});

afterAll(async () => {
  await broker.close();
});

describe('conform can-i-deploy', () => {
  it('yes: exit 0, the matrix rows and the reason, asked as the Pact CLI asks', async () => {
    const run = await callCli(['can-i-deploy', '--version', 'c1', '--to-environment', 'production'], env());
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'CONSUMER | C.VERSION | PROVIDER | P.VERSION | SUCCESS?\n' +
        '-------- | --------- | -------- | --------- | --------\n' +
        'conform  | c1        | whop     | w1        | true\n' +
        '\n' +
        'yes: conform c1 to production can be deployed\n' +
        '  All required verification results are published and successful\n',
    });
    expect(matrixQueries().at(-1)).toBe('/matrix?q[][pacticipant]=conform&q[][version]=c1&latestby=cvp&environment=production');
    expect(broker.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('no: exit 1, with the reason, when the version in the environment never verified the pact', async () => {
    const run = await callCli(['can-i-deploy', '--version', 'c1', '--to-environment', 'staging'], env());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('conform  | c1        | whop     | w0        | ???\n');
    expect(run.stdout).toContain('no: conform c1 to staging cannot be deployed\n  There is no verified pact between version c1 of conform and the version of whop currently in staging (w0)\n');
  });

  it('no: exit 1 when the verification failed; --branch asks about the latest version of a branch', async () => {
    const run = await callCli(['can-i-deploy', '--branch', 'feature-x'], env());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('no: conform the latest version of branch feature-x cannot be deployed\n');
    expect(run.stdout).toContain('  The verification for the pact between the latest version of conform from branch feature-x (c2) and the latest version of whop (w2) failed\n');
    expect(matrixQueries().at(-1)).toBe('/matrix?q[][pacticipant]=conform&q[][latest]=true&q[][branch]=feature-x&latestby=cvp&latest=true');
  });

  it('--latest: the latest version of all; --pacticipant names another application (default CONFORM_CONSUMER)', async () => {
    const latest = await callCli(['can-i-deploy', '--latest'], env({ CONFORM_CONSUMER: 'conform' }));
    expect(latest.code).toBe(1);
    expect(latest.stdout).toContain('(c2)');
    const other = await callCli(['can-i-deploy', '--version', 'c1'], env({ CONFORM_CONSUMER: 'billing' }));
    expect(other.code).toBe(1);
    expect(other.stdout).toBe('no: billing c1 cannot be deployed\n  No pacts or verifications have been published for version c1 of billing\n');
    const named = await callCli(['can-i-deploy', '--pacticipant', 'conform', '--version', 'c1', '--to-environment', 'production'], env({ CONFORM_CONSUMER: 'billing' }));
    expect(named.code).toBe(0);
  });

  it('a version the broker does not know: no, exit 1, saying so', async () => {
    const run = await callCli(['can-i-deploy', '--version', 'nope'], env());
    expect(run).toEqual({ code: 1, stderr: '', stdout: 'no: conform nope cannot be deployed\n  No pacts or verifications have been published for version nope of conform\n' });
  });

  it.each([[[]], [['--version', 'c1', '--latest']], [['--version', 'c1', '--branch', 'main']]])('exit 2 unless exactly one version is named: %j', async (flags) => {
    // The real binary: its exit code is main's.
    const run = await runCli(['can-i-deploy', ...flags], env());
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'conform can-i-deploy: name the version to deploy: --version V, --latest or --branch B (one of them); see conform can-i-deploy --help\n' });
  });

  it('exit 2 when the broker is not configured', async () => {
    const run = await callCli(['can-i-deploy', '--version', 'c1'], {});
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'conform can-i-deploy: configuration error: PACT_BROKER_BASE_URL: is not set: it names the Pact Broker to publish to\n' });
  });
});

describe('conform record-deployment', () => {
  it('records a version in an environment through its pb:record-deployment link; can-i-deploy then checks against it', async () => {
    const before = await callCli(['can-i-deploy', '--version', 'c1', '--to-environment', 'test'], env());
    expect(before.code).toBe(1);
    const recorded = await callCli(['record-deployment', '--pacticipant', 'whop', '--version', 'w1', '--environment', 'test'], env());
    expect(recorded).toEqual({ code: 0, stderr: '', stdout: 'recorded: whop w1 is deployed to test\n' });
    expect(broker.requests.slice(-3).map((r) => `${r.method} ${r.url}`)).toEqual(['GET /', 'GET /pacticipants/whop/versions/w1', 'POST /pacticipants/whop/versions/w1/deployed-versions/environment/test']);
    const after = await callCli(['can-i-deploy', '--version', 'c1', '--to-environment', 'test'], env());
    expect(after.code).toBe(0);
  });

  it.each([
    [['--pacticipant', 'whop', '--version', 'w1', '--environment', 'moon'], 'the Pact Broker has no environment moon to record a deployment of whop in (it has: production, test)'],
    [['--pacticipant', 'whop', '--version', 'w9', '--environment', 'test'], 'the Pact Broker knows no version w9 of whop: publish its pacts or results first'],
    [['--version', 'w1'], 'name --version V and --environment E; see conform record-deployment --help'],
  ])('exit 2 with one line: %j', async (flags, message) => {
    const run = await callCli(['record-deployment', ...flags], env());
    expect(run).toEqual({ code: 2, stdout: '', stderr: `conform record-deployment: ${message}\n` });
  });
});

describe('conform can-i-deploy could not ask: exit 2, one located line, no stack trace', () => {
  it.each([
    ['401', { status: 401, body: '{"error":"Unauthorized"}' }, /^conform can-i-deploy: the Pact Broker answered GET http:\/\/127\.0\.0\.1:\d+\/matrix\?\S+ with HTTP 401: Unauthorized\n$/],
    ['5xx', { status: 500, body: '{"error":"Internal error"}' }, /^conform can-i-deploy: the Pact Broker answered GET \S+ with HTTP 500: Internal error\n$/],
    ['a non-JSON answer', { status: 200, body: '<html>Login</html>', contentType: 'text/html' }, /^conform can-i-deploy: the Pact Broker answered GET \S+ with something that is not JSON: <html>Login<\/html>\n$/],
    ['JSON that is not a matrix', { status: 200, body: '{"_links":{}}' }, /^conform can-i-deploy: the Pact Broker answered the matrix query without a summary\n$/],
  ] as const)('%s', async (_name, fault, message) => {
    broker.failNext('/matrix', fault);
    const run = await callCli(['can-i-deploy', '--version', 'c1'], env());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('a wrong token: the stand-in refuses it as the Broker would', async () => {
    const run = await callCli(['can-i-deploy', '--version', 'c1'], env({ PACT_BROKER_TOKEN: 'not-the-token' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/with HTTP 401: Unauthorized\n$/);
  });

  it('an unreachable broker', async () => {
    const run = await callCli(['can-i-deploy', '--version', 'c1'], env({ PACT_BROKER_BASE_URL: 'http://127.0.0.1:1' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^conform can-i-deploy: cannot reach the Pact Broker at http:\/\/127\.0\.0\.1:1 \(GET http:\/\/127\.0\.0\.1:1\/matrix\?\S+\): /);
  });
});

describe('conform can-i-deploy redacts the broker credentials from what the broker says', () => {
  it.each(CANARY_CREDENTIALS.map((canary) => [canary.name, canary] as const))('%s, echoed in plain, base64 and URL-encoded forms in its notices and in its refusal', async (_name, canary) => {
    const echoing = await startBrokerStandIn({ ...canary.options, echoCredentials: true });
    try {
      const answered = await callCli(['can-i-deploy', '--version', 'c1'], { PACT_BROKER_BASE_URL: echoing.url, ...canary.env });
      expect(answered.code).toBe(1);
      expect(answered.stdout).toContain('No pacts or verifications have been published for version c1 of conform');
      const refused = await callCli(['can-i-deploy', '--version', 'c1'], { PACT_BROKER_BASE_URL: echoing.url, ...canary.wrong });
      expect(refused.code).toBe(2);
      for (const run of [answered, refused]) {
        expect(run.stdout + run.stderr).toContain('[redacted]');
        for (const secret of canary.secrets) for (const form of canaryForms(secret)) expect(run.stdout + run.stderr).not.toContain(form);
      }
    } finally {
      await echoing.close();
    }
  });
});
