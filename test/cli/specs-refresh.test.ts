import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { callCli, runCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

vi.setConfig({ testTimeout: 60_000 });

const whopText = await readFile(join(REPO_ROOT, 'specs/whop/1.0.0.yaml'), 'utf8');
const whopVendor = await readFile(join(REPO_ROOT, 'vendors/whop.yaml'), 'utf8');
// The payout account's status enum in the 200 response of GET /ledger_accounts/{id}.
const STATUS_ENUM = '        - connected\n        - disabled\n';
const withoutDisabled = whopText.replace(STATUS_ENUM, '        - connected\n');
// No waiting between retries of a failing upstream: the tests are about what is said, not the back-off.
const ENV = { CONFORM_RETRIES: '0' };

type Answer = (response: import('node:http').ServerResponse, request: import('node:http').IncomingMessage) => void;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server on port 0 answering every request with `answer`; returns its URL and the requests it saw. */
async function publish(answer: Answer): Promise<{ url: string; requests: Array<{ url: string; authorization: string | undefined }> }> {
  const requests: Array<{ url: string; authorization: string | undefined }> = [];
  const server = createServer((request, response) => {
    requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    answer(response, request);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.yaml`, requests };
}

const serve = (text: string): Answer => (response) => response.writeHead(200, { 'content-type': 'application/yaml' }).end(text);

/** A working directory with Whop's vendor file (naming `upstream`) and its checked-in document. */
async function checkout(upstream: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'conform-refresh-'));
  await mkdir(join(root, 'vendors'));
  await cp(join(REPO_ROOT, 'specs/whop'), join(root, 'specs/whop'), { recursive: true });
  await writeFile(join(root, 'vendors/whop.yaml'), whopVendor.replace('specs:\n  - specs/whop/1.0.0.yaml\n', `specs:\n  - specs/whop/1.0.0.yaml\nupstream: ${upstream}\n`));
  return root;
}

const listing = async (root: string) => (await readdir(join(root, 'specs/whop'))).sort();
const today = () => new Date().toISOString().slice(0, 10);

describe('conform specs refresh', () => {
  it('writes a changed upstream as a new version with provenance and prints the change; a second refresh says unchanged and writes nothing', async () => {
    const { url, requests } = await publish(serve(withoutDisabled));
    const root = await checkout(`{ url: '${url}', format: openapi }`);

    const first = await callCli(['specs', 'refresh'], ENV, root);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // 1.0.0.yaml exists: the same version published with other content gets the date.
    const written = `specs/whop/1.0.0-${today()}.yaml`;
    expect(first.stdout).toContain('response-property-enum-value-removed');
    expect(first.stdout).toContain('value "disabled"');
    expect(first.stdout).toContain(`whop: wrote ${written}`);
    expect(await listing(root)).toEqual([`1.0.0-${today()}.yaml`, '1.0.0.yaml']);
    const document = parse(await readFile(join(root, written), 'utf8')) as Record<string, any>;
    expect(Object.keys(document).slice(0, 3)).toEqual(['openapi', 'info', 'x-provenance']);
    expect(document['x-provenance']).toMatchObject({ vendor: 'whop', version: '1.0.0', handWritten: false, retrievedAt: today() });
    expect(document['x-provenance'].upstream).toEqual({
      url,
      format: 'openapi',
      retrievedAt: expect.stringMatching(new RegExp(`^${today()}T`)),
      sha256: createHash('sha256').update(withoutDisabled).digest('hex'),
    });
    expect(requests.every((r) => r.authorization === undefined)).toBe(true);

    const second = await callCli(['specs', 'refresh', '--vendor', 'whop'], ENV, root);
    expect(second).toEqual({ code: 0, stdout: `whop: unchanged: ${url} matches ${written}\n`, stderr: '' });
    expect(await listing(root)).toEqual([`1.0.0-${today()}.yaml`, '1.0.0.yaml']);
  });

  it('says unchanged and writes nothing when the upstream publishes the checked-in document', async () => {
    const { url } = await publish(serve(whopText));
    const root = await checkout(`{ url: '${url}', format: openapi }`);
    const run = await callCli(['specs', 'refresh'], ENV, root);
    expect(run).toEqual({ code: 0, stdout: `whop: unchanged: ${url} matches specs/whop/1.0.0.yaml\n`, stderr: '' });
    expect(await listing(root)).toEqual(['1.0.0.yaml']);
  });

  it('imports a documentation page as specs import does, and names the new version after it', async () => {
    const bumped = withoutDisabled.replace('  version: 1.0.0\n', '  version: 1.1.0\n');
    const page = ['---', 'url: https://docs.example.com/ledger-accounts', '---', '````yaml openapi.yaml get /ledger_accounts/{id}', bumped, '````', ''].join('\n');
    const { url } = await publish(serve(page));
    const root = await checkout(`{ url: '${url.replace('openapi.yaml', 'ledger-accounts.md')}', format: page }`);
    const run = await callCli(['specs', 'refresh'], ENV, root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('response-property-enum-value-removed');
    expect(run.stdout).toContain('whop: wrote specs/whop/1.1.0.yaml');
    const provenance = (parse(await readFile(join(root, 'specs/whop/1.1.0.yaml'), 'utf8')) as Record<string, any>)['x-provenance'];
    expect(provenance.sources).toEqual([{ page: 'ledger-accounts.md', url: 'https://docs.example.com/ledger-accounts', specSource: 'openapi.yaml', operation: 'GET /ledger_accounts/{id}' }]);
    expect(provenance.upstream).toMatchObject({ format: 'page', sha256: createHash('sha256').update(page).digest('hex') });
  });

  it("grades the changes with the vendor's live baseline, as specs diff does: a value the vendor already sent is no breaking change", async () => {
    const { url } = await publish(serve(whopText));
    const root = await checkout(`{ url: '${url}', format: openapi }`);
    await writeFile(join(root, 'specs/whop/1.0.0.yaml'), withoutDisabled);
    const sandbox = JSON.parse(await readFile(join(REPO_ROOT, 'baselines/whop.sandbox.json'), 'utf8')) as Record<string, any>;
    const status = sandbox.operations['GET /ledger_accounts/{id}'].responses['200'].properties['/payout_account_details/status'];
    status.values = [...status.values, 'disabled'];
    await mkdir(join(root, 'baselines'));
    await writeFile(join(root, 'baselines/whop.json'), JSON.stringify({ ...sandbox, mode: 'live' }));

    const graded = await callCli(['specs', 'refresh'], { ...ENV, CONFORM_BASELINES_DIR: join(root, 'baselines') }, root);
    expect(graded.stderr).toBe('');
    expect(graded.code).toBe(0);
    expect(graded.stdout).toContain('1 change: 0 breaking, 0 warning, 1 info');
    expect(graded.stdout).toMatch(/^ {2}info +response-property-enum-value-added .*value "disabled"$/m);
    expect(graded.stdout).toContain('the document catches up with the wire');
  });

  /** Whop's document with one more operation whose body nests 70 objects deep, beyond the diff's bound, the leaf described as `leaf`. */
  const deep = (leaf: string) => {
    let schema: object = { type: 'string', description: leaf };
    for (let i = 0; i < 70; i++) schema = { type: 'object', properties: { a: schema } };
    const document = parse(whopText) as { paths: Record<string, unknown> };
    document.paths['/things'] = { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } };
    return JSON.stringify(document);
  };

  it('says unchanged and writes nothing when the upstream sends the bytes the newest version was refreshed from, whatever the diff would say', async () => {
    const { url } = await publish(serve(withoutDisabled));
    const root = await checkout(`{ url: '${url}', format: openapi }`);
    expect((await callCli(['specs', 'refresh'], ENV, root)).code).toBe(0);
    const written = `specs/whop/1.0.0-${today()}.yaml`;
    // Edited by hand since (the header says not to): the publication is still the one it came from.
    await writeFile(join(root, written), (await readFile(join(root, written), 'utf8')).replace('        - connected\n', '        - connected\n        - closed\n'));
    const again = await callCli(['specs', 'refresh'], ENV, root);
    expect(again).toEqual({ code: 0, stdout: `whop: unchanged: ${url} matches ${written}\n`, stderr: '' });
    expect(await listing(root)).toEqual([`1.0.0-${today()}.yaml`, '1.0.0.yaml']);
  });

  it('writes nothing when the only change is where the diff stopped at a bound, and says so', async () => {
    const { url } = await publish(serve(deep('the leaf, described anew')));
    const root = await checkout(`{ url: '${url}', format: openapi }`);
    await writeFile(join(root, 'specs/whop/1.0.0.yaml'), deep('the leaf'));
    for (let refresh = 0; refresh < 2; refresh++) {
      const run = await callCli(['specs', 'refresh'], ENV, root);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('spec-diff-incomplete');
      expect(run.stdout).toMatch(/^whop: not written: the diff stopped at a bound before finding a change \(spec-diff-incomplete\)$/m);
    }
    expect(await listing(root)).toEqual(['1.0.0.yaml']);
  });

  it('reads a published document with ordinary anchors as specs diff does, and finds what it wrote again', async () => {
    // 150 aliases of one anchored schema: more than a bare YAML parser's default allows, far below the loader's bound.
    const anchored = `${withoutDisabled}x-reused:\n  shared: &shared { type: string }\n  uses:\n${'    - *shared\n'.repeat(150)}`;
    const { url } = await publish(serve(anchored));
    const root = await checkout(`{ url: '${url}', format: openapi }`);
    const first = await callCli(['specs', 'refresh'], ENV, root);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain(`whop: wrote specs/whop/1.0.0-${today()}.yaml`);
    const second = await callCli(['specs', 'refresh'], ENV, root);
    expect(second).toEqual({ code: 0, stdout: `whop: unchanged: ${url} matches specs/whop/1.0.0-${today()}.yaml\n`, stderr: '' });
    // A refreshed version is written without anchors; one that has them (written otherwise) is still found as the newest.
    const written = join(root, `specs/whop/1.0.0-${today()}.yaml`);
    await writeFile(written, `${await readFile(written, 'utf8')}x-reused-again:\n  shared: &shared { type: string }\n  uses:\n${'    - *shared\n'.repeat(150)}`);
    expect(await callCli(['specs', 'refresh'], ENV, root)).toEqual(second);
    expect(await listing(root)).toEqual([`1.0.0-${today()}.yaml`, '1.0.0.yaml']);
  });

  const unreachable: Array<[string, () => Promise<string>, RegExp]> = [
    ['resets the connection', async () => (await publish((_response, request) => request.socket.destroy())).url, /CONNECTION_RESET|SOCKET_CLOSED/],
    ['answers 500', async () => (await publish((response) => response.writeHead(500).end('oops'))).url, /HTTP 500/],
    [
      'is closed',
      async () => {
        const { url } = await publish(serve(whopText));
        await new Promise((resolve) => servers.pop()!.close(resolve));
        return url;
      },
      /CONNECTION_REFUSED/,
    ],
    ['redirects', async () => (await publish((response) => response.writeHead(301, { location: 'https://api.whop.com/openapi.yaml' }).end())).url, /HTTP 301, redirected to "https:\/\/api\.whop\.com\/openapi\.yaml"; redirects are not followed/],
    ['publishes a document nested beyond any stack', async () => (await publish(serve(`openapi: 3.1.0\ninfo: { title: Whop API, version: 2.0.0 }\nx-deep: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`))).url, /cannot be used: /],
    ['publishes what is not OpenAPI', async () => (await publish(serve('just: text\n'))).url, /cannot be used: not an OpenAPI document \(no info\.version\)/],
  ];

  it.each(unreachable)('warns, exits 3 and writes nothing when the upstream %s', async (_name, start, reason) => {
    const url = await start();
    const root = await checkout(`{ url: '${url}', format: openapi }`);
    const run = await callCli(['specs', 'refresh'], ENV, root);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^warning: whop: upstream ${url.replace(/[.?]/g, '\\$&')} not compared: `));
    expect(run.stderr).toMatch(reason);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(await listing(root)).toEqual(['1.0.0.yaml']);
  });

  it('refuses a document cut at the size cap, even one cut where it still parses: it warns, exits 3 and writes nothing', async () => {
    const { url } = await publish(serve(withoutDisabled));
    const root = await checkout(`{ url: '${url}', format: openapi }`);
    // Cut at a line boundary past the info block: the first part is a smaller document whose every missing operation would read as removed.
    const cap = withoutDisabled.indexOf('\n', withoutDisabled.length / 2) + 1;
    expect(parse(withoutDisabled.slice(0, cap))).toMatchObject({ info: { version: '1.0.0' } });
    const run = await callCli(['specs', 'refresh'], { ...ENV, CONFORM_MAX_BODY_BYTES: String(cap) }, root);
    expect(run).toEqual({ code: 3, stdout: '', stderr: `warning: whop: upstream ${url} not compared: the document is larger than ${cap} bytes (CONFORM_MAX_BODY_BYTES)\n` });
    expect(await listing(root)).toEqual(['1.0.0.yaml']);
  });

  it('says in its help why an upstream that could not be compared exits 3', async () => {
    const help = await callCli(['specs', 'refresh', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('exit 3, inconclusive as in conform run, when one could not be compared: unchanged is not known');
  });

  it('exits 2 with one line when no vendor names an upstream, or the one named does not', async () => {
    const root = await checkout(`{ url: 'https://docs.example.com/openapi.yaml', format: openapi }`);
    await writeFile(join(root, 'vendors/whop.yaml'), whopVendor);
    expect(await runCli(['specs', 'refresh'], ENV, root)).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^conform specs refresh: no vendor file names an upstream .*\n$/) });
    expect(await callCli(['specs', 'refresh', '--vendor', 'whop'], ENV, root)).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^conform specs refresh: configuration error: --vendor: vendors\/whop\.yaml names no upstream .*\n$/) });
  });
});
