import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { callCli, type CliRun } from '../support/cli.ts';

// Whop sending its amounts as strings: 18 type findings (three amount fields, six balances over three
// cases) of three root causes, one per field. Every output a person reads shows three, not eighteen.
describe('one row per root cause through conform run', () => {
  let run: CliRun;
  let latest: string;
  let report: VendorReport;

  beforeAll(async () => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'conform-grouped-'));
    latest = join(reportsDir, 'latest');
    run = await callCli(['run'], { CONFORM_VENDORS: 'whop', WHOP_SANDBOX_SCENARIO: 'amounts-as-strings', GITHUB_ACTIONS: 'true', CONFORM_REPORTS_DIR: reportsDir });
    report = JSON.parse(await readFile(join(latest, 'whop.json'), 'utf8')) as VendorReport;
  });

  it('finds 18 type mismatches of 3 fingerprints', () => {
    expect(run.code).toBe(1);
    expect(report.findings.filter((f) => f.id === 'response-property-type-mismatch')).toHaveLength(18);
    expect(new Set(report.findings.map((f) => f.fingerprint)).size).toBe(3);
  });

  it('prints the three root causes under the vendor line, with pattern, count and cases', () => {
    // The state is the baseline's business (a first run records one), and cases run concurrently, so
    // their order is the order they started in: the root causes and the set of cases are asserted.
    const groups = run.stdout.split('\n').flatMap((line) => {
      const match = /^ {2}\[\w+\] (response-property-type-mismatch .*; 6 in 3 cases) \((.*)\)$/.exec(line);
      return match ? [{ rootCause: match[1], cases: match[2]!.split(', ').sort() }] : [];
    });
    expect(groups).toEqual(
      ['balance', 'pending_balance', 'reserve_balance'].map((field) => ({
        rootCause: `response-property-type-mismatch at /balances/*/${field}: number → string; 6 in 3 cases`,
        cases: ['by company id', 'by ledger account id', 'by user id'],
      })),
    );
  });

  it('emits one error annotation per root cause, naming its fingerprint', () => {
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(3);
    for (const fingerprint of new Set(report.findings.map((f) => f.fingerprint))) expect(errors.filter((line) => line.endsWith(`fingerprint ${fingerprint}`))).toHaveLength(1);
  });

  it('shows every fingerprint in whop.md and summary.md, one row each', async () => {
    const markdown = await readFile(join(latest, 'whop.md'), 'utf8');
    const summary = await readFile(join(latest, 'summary.md'), 'utf8');
    for (const fingerprint of new Set(report.findings.map((f) => f.fingerprint))) {
      expect(markdown.split('\n').filter((line) => line.includes(`\`${fingerprint}\``))).toHaveLength(1);
      expect(summary.split('\n').filter((line) => line.includes(`\`${fingerprint}\``))).toHaveLength(1);
    }
    expect(markdown.match(/<details>/g)).toHaveLength(3);
  });
});
