import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/judge/baseline/index.ts';
import type { VendorReport } from '../../src/report/types.ts';
import { callCli } from '../support/cli.ts';
import { readBody } from '../support/fixtures.ts';
import { LIVE, liveWhop, type LiveVendor } from '../support/live-vendors.ts';

// Issue 10 §5: what conform stores (baselines, contracts, reports) is shaped only by verified answers,
// holds what the vendor documents, and survives a kill at the worst moment.

const operation = 'GET /ledger_accounts/{id}';

async function folders(prefix: string): Promise<Record<'CONFORM_REPORTS_DIR' | 'CONFORM_BASELINES_DIR' | 'CONFORM_CONTRACTS_DIR', string>> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  return { CONFORM_REPORTS_DIR: join(root, 'reports'), CONFORM_BASELINES_DIR: join(root, 'baselines'), CONFORM_CONTRACTS_DIR: join(root, 'contracts') };
}

function whopLive(url: string): Record<string, string> {
  return {
    CONFORM_VENDORS: 'whop',
    CONFORM_RETRIES: '0',
    WHOP_API_KEY: LIVE.whopKey,
    WHOP_API_KEY_LIMITED: LIVE.whopLimitedKey,
    WHOP_BASE_URL: `${url}/api/v1`,
    WHOP_LEDGER_ACCOUNT_ID: LIVE.whopLedgerAccount,
    WHOP_COMPANY_ID: LIVE.whopCompany,
    WHOP_USER_ID: LIVE.whopUser,
  };
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const readJson = async <T>(file: string) => JSON.parse(await readFile(file, 'utf8')) as T;

describe('baselines are shaped only by verified answers', () => {
  let honest: LiveVendor;
  let limitedRateLimited: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    honest = await liveWhop();
    // Whop as it is, but the limited key is rate limited: its 429 says nothing about scopes.
    limitedRateLimited = await listen((request, response) => {
      if (request.headers.authorization === `Bearer ${LIVE.whopLimitedKey}`) {
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end(JSON.stringify({ error: { type: 'rate_limited', message: 'Too many requests', code: null, param: null } }));
        return;
      }
      void fetch(`${honest.url}${request.url ?? ''}`, { headers: { authorization: request.headers.authorization ?? '', accept: 'application/json' } }).then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
      });
    });
  });

  afterAll(async () => {
    await Promise.all([honest.close(), limitedRateLimited.close()]);
  });

  it('a 429 never becomes the expected status of "insufficient scope", so the next honest 403 is no drift', async () => {
    const dirs = await folders('conform-429-');
    await callCli(['run'], { ...dirs, ...whopLive(limitedRateLimited.url) });
    const baseline = await readJson<Baseline>(join(dirs.CONFORM_BASELINES_DIR, 'whop.json'));
    const cases = baseline.operations[operation]!.cases;
    expect(cases['insufficient scope']).toBeUndefined();
    expect(cases['by ledger account id']).toEqual({ statuses: [200], mediaTypes: ['application/json'] });
    expect(Object.keys(baseline.operations[operation]!.responses)).not.toContain('429');
    expect(baseline.findings.filter((finding) => finding.case === 'insufficient scope')).toEqual([]);

    const next = await callCli(['run'], { ...dirs, ...whopLive(honest.url) });
    expect(next.stderr).toBe('');
    const report = await readJson<VendorReport>(join(dirs.CONFORM_REPORTS_DIR, 'latest', 'whop.json'));
    expect(report.findings.filter((finding) => finding.id === 'response-shape-changed')).toEqual([]);
  });

  it('a run where nothing answered writes no baseline, and leaves an existing one untouched', async () => {
    const dirs = await folders('conform-unreachable-');
    const unreachable = whopLive('http://127.0.0.1:9');
    await callCli(['run'], { ...dirs, ...unreachable });
    expect(await readdir(dirs.CONFORM_BASELINES_DIR).catch(() => [])).toEqual([]);

    expect((await callCli(['run'], { ...dirs, ...whopLive(honest.url) })).code).toBe(0);
    const file = join(dirs.CONFORM_BASELINES_DIR, 'whop.json');
    const written = await readFile(file, 'utf8');
    await callCli(['run'], { ...dirs, ...unreachable });
    expect(await readFile(file, 'utf8')).toBe(written);
  });

  it('an empty baseline left by an all-unreachable run counts as none: the next verified run refreshes it', async () => {
    const dirs = await folders('conform-empty-baseline-');
    await mkdir(dirs.CONFORM_BASELINES_DIR, { recursive: true });
    const file = join(dirs.CONFORM_BASELINES_DIR, 'whop.json');
    const empty: Baseline = { version: 2, vendor: 'whop', mode: 'live', updatedAt: '2026-11-01T00:00:00.000Z', operations: {}, findings: [] };
    await writeFile(file, JSON.stringify(empty));
    expect((await callCli(['run'], { ...dirs, ...whopLive(honest.url) })).code).toBe(0);
    const refreshed = await readJson<Baseline>(file);
    expect(Object.keys(refreshed.operations[operation]!.cases)).toHaveLength(8);
  });
});

describe('contracts hold a documented mixed array by its schema', () => {
  let xendit: { url: string; close: () => Promise<void> };
  const basic = `Basic ${Buffer.from(`${LIVE.xenditKey}:`).toString('base64')}`;

  beforeAll(async () => {
    // Xendit's ErrorResponse: `errors` items are oneOf string / object, and this vendor sends both.
    xendit = await listen((request, response) => {
      const answer = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const id = /^\/v2\/accounts\/([^/]+)$/.exec(request.url ?? '')?.[1];
      if (request.headers.authorization !== basic) return answer(401, { error_code: 'INVALID_API_KEY', message: 'API key is invalid' });
      if (id === LIVE.xenditAccount) return answer(200, { ...(readBody('xendit-account.json') as object), id });
      answer(404, { ...(readBody('xendit-error-404.json') as object), errors: ['Detailed description here', { path: 'id', message: 'no such account' }] });
    });
  });

  afterAll(() => xendit.close());

  it('records a contract that the Pact Verifier verifies against the vendor that answered it', async () => {
    const dirs = await folders('conform-mixed-array-');
    const env = { ...dirs, CONFORM_VENDORS: 'xendit', XENDIT_SECRET_KEY: LIVE.xenditKey, XENDIT_BASE_URL: xendit.url, XENDIT_ACCOUNT_ID: LIVE.xenditAccount };
    expect((await callCli(['run'], env)).code).toBe(0);
    const verified = await callCli(['verify', '--vendor', 'xendit'], env);
    expect(verified.stdout).toContain('0 broken');
    expect(verified.code).toBe(0);
    expect(await readFile(join(dirs.CONFORM_CONTRACTS_DIR, 'conform-xendit.json'), 'utf8')).toContain('"arrayContains"');
  });
});
