import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { callCli } from '../support/cli.ts';

// A nightly job's life: a clean night sets the baseline, a drifted night is new and fails, the team
// waives what it accepts, a waiver runs out, and a night when the vendor is down is inconclusive.
describe('successive runs against a baseline', () => {
  let folders: { CONFORM_REPORTS_DIR: string; CONFORM_BASELINES_DIR: string; CONFORM_CONTRACTS_DIR: string };
  const whop = async () => JSON.parse(await readFile(join(folders.CONFORM_REPORTS_DIR, 'latest', 'whop.json'), 'utf8')) as VendorReport;
  const run = (env: Record<string, string> = {}) => callCli(['run'], { CONFORM_VENDORS: 'whop', ...folders, ...env });

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'conform-nights-'));
    folders = { CONFORM_REPORTS_DIR: join(root, 'reports'), CONFORM_BASELINES_DIR: join(root, 'baselines'), CONFORM_CONTRACTS_DIR: join(root, 'contracts') };
  });

  it('night 1 (faithful) creates the baseline and passes', async () => {
    expect((await run()).code).toBe(0);
    expect(JSON.parse(await readFile(join(folders.CONFORM_BASELINES_DIR, 'whop.sandbox.json'), 'utf8'))).toMatchObject({ vendor: 'whop', mode: 'sandbox' });
    expect((await whop()).verdict).toBe('pass');
  });

  it('night 2 (a field turned nullable) has new findings, one row per root cause, and fails', async () => {
    const night = await run({ WHOP_SANDBOX_SCENARIO: 'field-nullable' });
    expect(night.code).toBe(1);
    const report = await whop();
    expect(report.verdict).toBe('fail');
    expect(new Set(report.findings.map((f) => f.state))).toEqual(new Set(['new']));
    // The document flags the null reserve, so the baseline's shape change at that pointer is no second row.
    expect(new Set(report.findings.map((f) => `${f.id} ${f.pointer?.replace(/\/\d+\//g, '/*/')}`))).toEqual(new Set(['response-property-type-mismatch /balances/*/reserve_balance']));
  });

  it('a waiver for the change turns the failing night into a passing one, and the findings stay visible', async () => {
    const waivers = join(folders.CONFORM_REPORTS_DIR, '..', 'waivers.yaml');
    await writeFile(waivers, 'waivers:\n  - id: response-property-type-mismatch\n    vendor: whop\n    pointer: /balances/*/reserve_balance\n    reason: Whop now sends null reserves; ticket 4411\n    expires: 2999-12-31\n');
    const night = await run({ WHOP_SANDBOX_SCENARIO: 'field-nullable', CONFORM_WAIVERS_FILE: waivers });
    expect(night.code).toBe(0);
    const report = await whop();
    expect(report.verdict).toBe('pass');
    expect(report.findings.filter((f) => f.state === 'waived')).toHaveLength(6);
  });

  it('an expired waiver waives nothing and says so', async () => {
    const waivers = join(folders.CONFORM_REPORTS_DIR, '..', 'expired.yaml');
    await writeFile(waivers, 'waivers:\n  - id: response-property-type-mismatch\n    vendor: whop\n    pointer: /balances/*/reserve_balance\n    reason: temporary\n    expires: 2020-01-31\n');
    const night = await run({ WHOP_SANDBOX_SCENARIO: 'field-nullable', CONFORM_WAIVERS_FILE: waivers });
    expect(night.code).toBe(1);
    const report = await whop();
    expect(report.findings.some((f) => f.state === 'waived')).toBe(false);
    expect(report.expiredWaivers).toHaveLength(1);
  });

  it('keeps every run for the trend, and the HTML report charts them', async () => {
    const html = await readFile(join(folders.CONFORM_REPORTS_DIR, 'latest', 'whop.html'), 'utf8');
    expect(html).toContain('<svg');
    const junit = await readFile(join(folders.CONFORM_REPORTS_DIR, 'latest', 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites[^>]* tests="8"/);
  });
});

describe('a vendor that is down', () => {
  let down: Server;
  let url: string;
  beforeAll(async () => {
    // Every request: 503 with Retry-After 0, as a vendor's sandbox in maintenance answers.
    down = createServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"error":{"type":"unavailable","message":"maintenance"}}');
    });
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(down.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => down.close(resolve));
  });

  it('is inconclusive (exit 3), never failing, when 503 answers leave every case unverified', async () => {
    const night = await callCli(['run'], {
      CONFORM_VENDORS: 'whop',
      WHOP_API_KEY: 'whop_live_key_down_0001',
      WHOP_BASE_URL: `${url}/api/v1`,
      WHOP_LEDGER_ACCOUNT_ID: 'ldgr_Down0001',
      CONFORM_RETRIES: '1',
    });
    expect(night.stderr).toBe('problem: whop inconclusive: 5 of 5 attempted cases unverified (unavailable): 100% > 25%\n');
    expect(night.code).toBe(3);
    expect(night.stdout).toMatch(/^whop\s+inconclusive .* 0 failed, .*; findings: 0 breaking/m);
  });
});
