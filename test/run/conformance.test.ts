import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary, VendorReport } from '../../src/report/types.ts';
import { callCli, runCli, type CliRun } from '../support/cli.ts';
import { expectGolden, scrub } from '../support/golden.ts';
import { REPO_ROOT } from '../support/paths.ts';

describe('npm run conformance on a machine with nothing configured', () => {
  let run: CliRun;
  let latest: string;

  let contractsDir: string;

  beforeAll(async () => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'conform-run-'));
    contractsDir = await mkdtemp(join(tmpdir(), 'conform-contracts-'));
    latest = join(reportsDir, 'latest');
    run = await runCli(['run'], { CONFORM_REPORTS_DIR: reportsDir, CONFORM_CONTRACTS_DIR: contractsDir });
  });

  it('records exactly the sandbox contracts checked in under contracts/, and no live one (re-run npm run conformance when they change)', async () => {
    expect((await readdir(contractsDir)).sort()).toEqual(['conform-midaz.sandbox.json', 'conform-whop.sandbox.json', 'conform-xendit.sandbox.json']);
    for (const file of ['conform-whop.sandbox.json', 'conform-midaz.sandbox.json', 'conform-xendit.sandbox.json']) {
      expect(await readFile(join(contractsDir, file), 'utf8'), file).toBe(await readFile(join(REPO_ROOT, 'contracts', file), 'utf8'));
    }
  });

  it('exits 0 against the faithful sandboxes, with one progress line per case', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Cases run concurrently; their lines are compared in a stable order.
    const [header, ...rest] = scrub(run.stdout).split('\n\n');
    const lines = header!.split('\n');
    expectGolden('run-faithful.txt', [...lines.slice(0, 3), ...lines.slice(3).sort(), '', ...rest].join('\n'));
  });

  it('writes the three vendor reports in every format, the summary, JUnit and the case results', async () => {
    expect((await readdir(latest)).sort()).toEqual([
      'junit.xml',
      'midaz.html',
      'midaz.json',
      'midaz.md',
      'results.json',
      'summary.html',
      'summary.json',
      'summary.md',
      'whop.html',
      'whop.json',
      'whop.md',
      'xendit.html',
      'xendit.json',
      'xendit.md',
    ]);
  });

  it('fills every report field the issue names', async () => {
    const whop = JSON.parse(await readFile(join(latest, 'whop.json'), 'utf8')) as VendorReport;
    expect(Object.keys(whop)).toEqual(expect.arrayContaining(['vendor', 'mode', 'baseUrl', 'spec', 'startedAt', 'finishedAt', 'interactions', 'findings', 'counts']));
    expect(whop).toMatchObject({ vendor: 'whop', mode: 'sandbox', spec: [{ file: 'specs/whop/1.0.0.yaml', version: '1.0.0' }], counts: { breaking: 0, warning: 0, info: 0 } });
    expect(whop.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect(whop.interactions).toHaveLength(8);
    expect(whop.interactions[0]).toEqual({
      method: 'GET',
      path: expect.stringMatching(/^\/ledger_accounts\//),
      operation: 'GET /ledger_accounts/{id}',
      case: expect.any(String),
      status: expect.any(Number),
      durationMs: expect.any(Number),
      outcome: 'passed',
      reason: null,
    });
    const midaz = JSON.parse(await readFile(join(latest, 'midaz.json'), 'utf8')) as VendorReport;
    expect(midaz.spec.map((s) => s.version).sort()).toEqual(['3.7.0', '3.7.1']);
    expect(midaz.specDefects.map((d) => d.id)).toEqual(['spec-schema-invalid']);
  });

  it('summarises every vendor with its counts and exit code', async () => {
    const summary = JSON.parse(await readFile(join(latest, 'summary.json'), 'utf8')) as RunSummary;
    expect(summary.exitCode).toBe(0);
    expect(summary.vendors.map((v) => [v.vendor, v.report, v.outcomes.passed])).toEqual([['whop', 'whop.json', 8], ['midaz', 'midaz.json', 10], ['xendit', 'xendit.json', 5]]);
  });
});

describe('a drifted vendor', () => {
  it('exits 1 and names the breaking findings in its report', async () => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'conform-run-'));
    const run = await runCli(['run'], { CONFORM_VENDORS: 'whop', WHOP_SANDBOX_SCENARIO: 'required-field-removed', CONFORM_REPORTS_DIR: reportsDir });
    expect(run.code).toBe(1);
    const whop = JSON.parse(await readFile(join(reportsDir, 'latest', 'whop.json'), 'utf8')) as VendorReport;
    expect(whop.findings.filter((f) => f.severity === 'breaking').map((f) => [f.case, f.id, f.pointer]).sort()).toEqual([
      ['by company id', 'response-property-missing', '/transfer_fee'],
      ['by ledger account id', 'response-property-missing', '/transfer_fee'],
      ['by user id', 'response-property-missing', '/transfer_fee'],
    ]);
  });

  it('exits 2 when no vendor can be reached', async () => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'conform-run-'));
    const run = await callCli(['run'], {
      CONFORM_VENDORS: 'xendit',
      XENDIT_SECRET_KEY: 'xnd_development_unreachable',
      XENDIT_BASE_URL: 'http://127.0.0.1:9',
      XENDIT_ACCOUNT_ID: 'aaaaaaaaaaaaaaaaaaaaaaaa',
      XENDIT_MANAGED_ACCOUNT_ID: 'bbbbbbbbbbbbbbbbbbbbbbbb',
      CONFORM_RETRIES: '0',
      CONFORM_REPORTS_DIR: reportsDir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('problem: xendit unreachable: nothing listening at http://127.0.0.1:9 (connection refused)\n');
    const xendit = JSON.parse(await readFile(join(reportsDir, 'latest', 'xendit.json'), 'utf8')) as VendorReport;
    expect(new Set(xendit.interactions.map((i) => i.outcome))).toEqual(new Set(['transport-error']));
    expect(xendit.findings).toEqual([]);
  });
});
