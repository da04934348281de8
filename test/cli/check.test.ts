import { describe, expect, it } from 'vitest';
import { callCli, runCli } from '../support/cli.ts';
import { expectGolden } from '../support/golden.ts';

const whop = ['--spec', 'specs/whop/1.0.0.yaml', '--operation', 'GET /ledger_accounts/{id}'];

describe('conform check', () => {
  it('prints each planted fault with its ID and pointer and exits 1', async () => {
    const run = await runCli(['check', ...whop, '--status', '200', 'test/fixtures/responses/whop-planted-faults.json']);
    expect(run.code).toBe(1);
    expectGolden('check-whop-planted-faults.txt', run.stdout);
  });

  it('prints the same findings as JSON', async () => {
    const run = await callCli(['check', ...whop, '--status', '200', '--json', 'test/fixtures/responses/whop-planted-faults.json']);
    const output = JSON.parse(run.stdout) as { findings: Array<{ id: string; pointer: string }> };
    expect(output.findings.map((f) => `${f.id} ${f.pointer}`).sort()).toEqual([
      'response-property-enum-mismatch /balances/1/currency',
      'response-property-enum-mismatch /owner/typename',
      'response-property-missing /transfer_fee',
      'response-property-type-mismatch /balances/0/balance',
      'response-property-type-mismatch /ledger_type',
      'response-property-undocumented /payout_account_details/address/region',
    ]);
  });

  it('exits 0 with nothing breaking for a faithful body', async () => {
    const run = await callCli(['check', ...whop, '--status', '200', 'test/fixtures/bodies/whop-ledger-account.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^no findings\n/);
  });

  it('checks error bodies and names an undocumented content type', async () => {
    const run = await callCli(['check', ...whop, '--status', '404', '--content-type', 'text/html', 'test/fixtures/bodies/whop-error-404.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('response-media-type-undocumented');
  });

  it.each([
    [['check', ...whop, 'x.json'], 'usage: conform check --spec FILE'],
    [['check', ...whop, '--status', '999', 'x.json'], '--status must be an HTTP status code (100-599), got "999"'],
    [['check', '--spec', 'specs/whop/1.0.0.yaml', '--operation', 'GET /nope', '--status', '200', 'x.json'], 'has no operation "GET /nope" (it has: GET /ledger_accounts/{id})'],
    [['check', '--spec', 'specs/none.yaml', '--operation', 'GET /x', '--status', '200', 'x.json'], 'conform: specs/none.yaml: file not found'],
    [['check', ...whop, '--status', '200', 'missing-body.json'], 'cannot read body file missing-body.json (ENOENT)'],
  ])('a usage mistake is one line and exit 2: %j', async (args, message) => {
    const run = await callCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('conform specs lint', () => {
  it('reports the two seed defects with their locations and exits 0', async () => {
    const run = await callCli(['specs', 'lint']);
    expect(run.code).toBe(0);
    expectGolden('specs-lint.txt', run.stdout);
  });

  it('exits 2 only for a document that cannot be loaded', async () => {
    const run = await callCli(['specs', 'lint', 'specs/whop/1.0.0.yaml', 'test/fixtures/specs/broken.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('specs/whop/1.0.0.yaml (25.4 KB): 1 defect(s)');
    expect(run.stderr).toMatch(/^test\/fixtures\/specs\/broken\.yaml:7:3: invalid YAML\/JSON/);
  });
});

describe('conform check with configured severities', () => {
  it('applies CONFORM_SEVERITY, so an override can make a run pass or fail', async () => {
    const args = ['check', ...whop, '--status', '200', 'test/fixtures/responses/whop-planted-faults.json'];
    const run = await callCli(args, { CONFORM_SEVERITY: 'response-property-undocumented=breaking' });
    expect(run.stdout).toMatch(/^breaking\s+response-property-undocumented/m);
    const bad = await runCli(args, { CONFORM_SEVERITY: 'nope=info' });
    expect(bad).toMatchObject({ code: 2, stderr: 'conform check: configuration error: CONFORM_SEVERITY: unknown finding id "nope" (see docs/findings.md)\n' });
  });
});
