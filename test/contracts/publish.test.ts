import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InteractionPlan } from '../../src/contracts/interaction.ts';
import { writeContract } from '../../src/contracts/pact-writer.ts';
import { callCli, runCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

/** A stand-in Pact Broker that records every request and answers what the test sets. */
interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: { pacticipantName: string; pacticipantVersionNumber: string; branch?: string; contracts: Array<Record<string, string>> };
}

const plan = (description: string): InteractionPlan => ({
  description,
  providerState: 'an account exists',
  comments: { case: description, operation: 'GET /accounts/{id}' },
  request: { method: 'GET', path: '/accounts/1', query: [], headers: [['accept', 'application/json']] },
  response: { status: 200, contentType: 'application/json', mediaType: 'application/json', body: { id: { 'pact:matcher:type': 'type', value: '1' } } },
});

const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();

describe('conform contracts publish', () => {
  let server: Server;
  let broker: string;
  let requests: Recorded[];
  let answer: { status: number; body: unknown };
  let contractsDir: string;

  beforeAll(async () => {
    contractsDir = await mkdtemp(join(tmpdir(), 'conform-publish-'));
    await writeContract(join(contractsDir, 'conform-whop.json'), { consumer: 'conform', provider: 'whop' }, [plan('by id')], [], 'live');
    await writeContract(join(contractsDir, 'conform-xendit.json'), { consumer: 'conform', provider: 'xendit' }, [plan('owned account')], [], 'live');
    // Recorded against the embedded sandboxes: never the vendor's, so never published.
    await writeContract(join(contractsDir, 'conform-whop.sandbox.json'), { consumer: 'conform', provider: 'whop' }, [plan('by id on the sandbox')], [], 'sandbox');
    await writeContract(join(contractsDir, 'conform-midaz.sandbox.json'), { consumer: 'conform', provider: 'midaz' }, [plan('account')], [], 'sandbox');
    server = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: JSON.parse(text || '{}') as Recorded['body'] });
        response.writeHead(answer.status, { 'content-type': 'application/hal+json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    broker = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    requests = [];
    answer = { status: 200, body: { notices: [{ type: 'success', text: 'Pacts successfully published for conform.' }] } };
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('posts every live contract, base64-encoded, under the git version and branch, with the token, and skips the sandbox ones, saying why', async () => {
    const run = await callCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: broker, PACT_BROKER_TOKEN: 'broker-token-1234', CONFORM_CONTRACTS_DIR: contractsDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent).toMatchObject({ method: 'POST', url: '/contracts/publish' });
    expect(sent!.headers).toMatchObject({ authorization: 'Bearer broker-token-1234', 'content-type': 'application/json', accept: 'application/hal+json' });
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
    expect(sent!.body).toMatchObject({ pacticipantName: 'conform', pacticipantVersionNumber: git('rev-parse', '--short', 'HEAD') });
    expect(sent!.body.branch).toBe(branch === 'HEAD' ? undefined : branch);
    expect(sent!.body.contracts.map(({ content, ...rest }) => rest)).toEqual([
      { consumerName: 'conform', providerName: 'whop', specification: 'pact', contentType: 'application/json' },
      { consumerName: 'conform', providerName: 'xendit', specification: 'pact', contentType: 'application/json' },
    ]);
    for (const [index, vendor] of ['whop', 'xendit'].entries()) {
      const decoded = Buffer.from(sent!.body.contracts[index]!.content!, 'base64').toString('utf8');
      expect(decoded).toBe(await readFile(join(contractsDir, `conform-${vendor}.json`), 'utf8'));
    }
    expect(run.stdout).toMatch(/^published .*conform-whop\.json, .*conform-xendit\.json as conform \w+/m);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('skipped '))).toEqual([
      expect.stringMatching(/^skipped .*conform-midaz\.sandbox\.json: recorded against the embedded sandbox, which is not midaz; only live contracts are published$/),
      expect.stringMatching(/^skipped .*conform-whop\.sandbox\.json: recorded against the embedded sandbox, which is not whop; only live contracts are published$/),
    ]);
    expect(run.stdout).toContain('  Pacts successfully published for conform.\n');
    expect(run.stdout).not.toContain('broker-token-1234');
  });

  it('authenticates with a user name and password when no token is set', async () => {
    const run = await callCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: broker, PACT_BROKER_USERNAME: 'ci', PACT_BROKER_PASSWORD: 'pw-5678', CONFORM_CONTRACTS_DIR: contractsDir });
    expect(run.code).toBe(0);
    expect(requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ci:pw-5678').toString('base64')}`);
  });

  it('exits 1 with the broker\'s notices when it refuses the pacts', async () => {
    answer = { status: 409, body: { notices: [{ type: 'error', text: 'Cannot change the content of the pact for conform version abc.' }] } };
    const run = await callCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: broker, PACT_BROKER_TOKEN: 't', CONFORM_CONTRACTS_DIR: contractsDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^the Pact Broker refused .* \(HTTP 409\)\n {2}Cannot change the content of the pact for conform version abc\.\n$/);
  });

  it.each([
    [{}, 'configuration error: PACT_BROKER_BASE_URL: is not set: it names the Pact Broker to publish to'],
    [{ PACT_BROKER_BASE_URL: 'http://127.0.0.1:1' }, 'configuration error: PACT_BROKER_TOKEN: no broker credentials: set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD'],
    [{ PACT_BROKER_BASE_URL: 'http://127.0.0.1:1', PACT_BROKER_USERNAME: 'ci' }, 'configuration error: PACT_BROKER_TOKEN: no broker credentials: set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD'],
  ])('exits 2 with one clear line when the broker is not configured: %j', async (env, message) => {
    const run = await callCli(['contracts', 'publish'], { ...env, CONFORM_CONTRACTS_DIR: contractsDir });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `conform contracts publish: ${message}\n` });
    expect(requests).toEqual([]);
  });

  it('exits 2 when there is no contract to publish', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'conform-publish-empty-'));
    const run = await runCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: broker, PACT_BROKER_TOKEN: 't', CONFORM_CONTRACTS_DIR: empty });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `conform contracts publish: no live contracts in ${empty}; record them with: conform run, with the vendors' live variables set\n` });
  });

  it("refuses a sandbox's pact renamed to the vendor's name: the pact says what it was recorded against", async () => {
    const renamed = await mkdtemp(join(tmpdir(), 'conform-publish-renamed-'));
    await writeContract(join(renamed, 'conform-xendit.sandbox.json'), { consumer: 'conform', provider: 'xendit' }, [plan('owned account')], [], 'sandbox');
    await rename(join(renamed, 'conform-xendit.sandbox.json'), join(renamed, 'conform-xendit.json'));
    const run = await callCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: broker, PACT_BROKER_TOKEN: 't', CONFORM_CONTRACTS_DIR: renamed });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `conform contracts publish: ${join(renamed, 'conform-xendit.json')} is named as the live vendor's contract but was recorded against the embedded sandbox; record it again with: conform run, with the vendor's live variables set\n`,
    });
    expect(requests).toEqual([]);
  });

  it('does not publish a live-named pact conform did not mark as recorded live (older, or written by hand)', async () => {
    const unmarked = await mkdtemp(join(tmpdir(), 'conform-publish-unmarked-'));
    await writeContract(join(unmarked, 'conform-xendit.json'), { consumer: 'conform', provider: 'xendit' }, [plan('owned account')], [], 'live');
    const pact = JSON.parse(await readFile(join(unmarked, 'conform-xendit.json'), 'utf8')) as { metadata: Record<string, unknown> };
    delete pact.metadata.conform;
    await writeFile(join(unmarked, 'conform-xendit.json'), JSON.stringify(pact));
    const run = await callCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: broker, PACT_BROKER_TOKEN: 't', CONFORM_CONTRACTS_DIR: unmarked });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^skipped .*conform-xendit\.json: not marked as recorded live \(written before conform marked its contracts, or by another tool\); record it again with a live conform run\n$/);
    expect(requests).toEqual([]);
  });

  it('exits 2, sending nothing, when every contract is a sandbox one', async () => {
    const sandboxOnly = await mkdtemp(join(tmpdir(), 'conform-publish-sandbox-'));
    await writeContract(join(sandboxOnly, 'conform-xendit.sandbox.json'), { consumer: 'conform', provider: 'xendit' }, [plan('owned account')], [], 'sandbox');
    const run = await callCli(['contracts', 'publish'], { PACT_BROKER_BASE_URL: broker, PACT_BROKER_TOKEN: 't', CONFORM_CONTRACTS_DIR: sandboxOnly });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^skipped .*conform-xendit\.sandbox\.json: recorded against the embedded sandbox, which is not xendit; only live contracts are published\n$/);
    expect(run.stderr).toBe(`conform contracts publish: no live contracts in ${sandboxOnly} (only sandbox ones, which are never published); record them with: conform run, with the vendors' live variables set\n`);
    expect(requests).toEqual([]);
  });
});
