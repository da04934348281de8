import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingId } from '../../../src/findings/registry.ts';
import { withSeverity, type JudgedFinding } from '../../../src/judge/index.ts';
import { verdictFor } from '../../../src/judge/verdict.ts';
import { applyWaivers, describeWaiver, loadWaivers, waiversFor, type Waiver } from '../../../src/judge/waivers/index.ts';
import type { CaseResult } from '../../../src/results/index.ts';
import { runWhop } from '../baseline/whop-run.ts';

const reported = (results: CaseResult[]): JudgedFinding[] => withSeverity(results.flatMap((r) => r.findings.map((f) => ({ ...f, case: r.case }))), {});
const options = { inconclusiveThreshold: 0.25 };
const now = new Date('2026-03-15T09:00:00Z');

async function waiversFrom(yaml: string): Promise<Waiver[]> {
  const cwd = await mkdtemp(join(tmpdir(), 'conform-waivers-'));
  await writeFile(join(cwd, 'conform.waivers.yaml'), yaml);
  return loadWaivers('conform.waivers.yaml', { cwd, required: true, vendors: ['whop', 'midaz', 'xendit'] });
}

function byId(id: FindingId, pointer: string | null): Waiver {
  return { entry: 1, line: 2, vendor: 'whop', id, pointer, reason: 'accepted', expires: '2026-12-31' };
}

describe('waivers on a failing run (Whop without the required transfer_fee)', () => {
  let results: CaseResult[];
  let findings: JudgedFinding[];
  let fingerprint: string;
  beforeAll(async () => {
    results = await runWhop({ scenario: 'required-field-removed' });
    findings = reported(results);
    fingerprint = findings[0]!.fingerprint;
  });

  it('without a waiver the verdict is fail', () => {
    expect(findings.map((f) => [f.case, f.id, f.pointer, f.severity])).toEqual(expect.arrayContaining([['by user id', 'response-property-missing', '/transfer_fee', 'breaking']]));
    expect(verdictFor(results, findings, options)).toMatchObject({ verdict: 'fail', failing: 3, reason: '3 breaking finding(s) not waived' });
  });

  it('a waiver by fingerprint turns fail into pass; the waived findings stay, marked with its reason and expiry', async () => {
    const waivers = await waiversFrom(`waivers:\n  - fingerprint: ${fingerprint}\n    vendor: whop\n    reason: Whop is removing transfer_fee (ticket 4411)\n    expires: 2026-03-31\n`);
    const outcome = applyWaivers(findings, waiversFor(waivers, 'whop'), now);
    expect(outcome.findings).toHaveLength(3);
    for (const finding of outcome.findings) {
      expect(finding).toMatchObject({ state: 'waived', waiver: { reason: 'Whop is removing transfer_fee (ticket 4411)', expires: '2026-03-31' } });
    }
    expect(outcome.expired).toEqual([]);
    expect(outcome.stale).toEqual([]);
    expect(verdictFor(results, outcome.findings, options)).toMatchObject({ verdict: 'pass', failing: 0 });
  });

  it('a waiver applies through its expiry day (UTC), not after', async () => {
    const [waiver] = await waiversFrom(`waivers:\n  - fingerprint: ${fingerprint}\n    vendor: whop\n    reason: accepted\n    expires: 2026-03-15\n`);
    expect(applyWaivers(findings, [waiver!], new Date('2026-03-15T23:59:59Z')).findings.every((f) => f.state === 'waived')).toBe(true);
    expect(applyWaivers(findings, [waiver!], new Date('2026-03-16T00:00:00Z')).findings.some((f) => f.state === 'waived')).toBe(false);
  });

  it('an expired waiver waives nothing, so the run still fails, and it is listed as expired (not stale)', async () => {
    const waivers = await waiversFrom(`waivers:\n  - fingerprint: ${fingerprint}\n    vendor: whop\n    reason: until Whop's February release\n    expires: 2026-02-28\n`);
    const outcome = applyWaivers(findings, waivers, now);
    expect(outcome.findings).toEqual(findings);
    expect(outcome.expired).toEqual(waivers);
    expect(outcome.stale).toEqual([]);
    expect(outcome.expired.map(describeWaiver)).toEqual([`waiver 1 (line 2): whop fingerprint ${fingerprint}, expires 2026-02-28: until Whop's February release`]);
    expect(verdictFor(results, outcome.findings, options).verdict).toBe('fail');
  });

  it('a waiver that matches nothing is stale; waivers of another vendor are not applied to this one', async () => {
    const waivers = await waiversFrom(`waivers:
  - fingerprint: ${fingerprint}
    vendor: whop
    reason: accepted
    expires: 2026-12-31
  - id: response-property-enum-mismatch
    vendor: whop
    pointer: /ledger_type
    reason: escrow accounts are expected
    expires: 2026-12-31
  - fingerprint: ${fingerprint}
    vendor: xendit
    reason: a different vendor
    expires: 2026-12-31
`);
    const outcome = applyWaivers(findings, waiversFor(waivers, 'whop'), now);
    expect(outcome.stale.map(describeWaiver)).toEqual(['waiver 2 (line 6): whop response-property-enum-mismatch at /ledger_type, expires 2026-12-31: escrow accounts are expected']);
    expect(outcome.findings.every((f) => f.state === 'waived')).toBe(true);
  });

  it('a waiver that names the wrong vendor waives nothing', () => {
    const outcome = applyWaivers(findings, [{ entry: 1, line: 2, vendor: 'xendit', fingerprint, reason: 'accepted', expires: '2026-12-31' }], now);
    expect(outcome.findings).toEqual(findings);
    expect(outcome.stale).toHaveLength(1);
  });
});

describe('waivers by id and pointer pattern', () => {
  let nullable: JudgedFinding[];
  beforeAll(async () => {
    // reserve_balance is null in every balances item: /balances/0/reserve_balance, /balances/1/..., ...
    nullable = reported(await runWhop({ scenario: 'field-nullable' }));
  });

  it.each([
    ['/balances/*/reserve_balance', 6],
    ['/balances/0/reserve_balance', 3],
    ['/balances/**', 6],
    ['/**', 6],
    ['/balances/*', 0],
    ['/reserve_balance', 0],
  ])('%s waives %i of the six findings (* is one segment, ** any number)', (pointer, waived) => {
    const outcome = applyWaivers(nullable, [byId('response-property-type-mismatch', pointer)], now);
    expect(outcome.findings.filter((f) => f.state === 'waived')).toHaveLength(waived);
    expect(outcome.stale).toHaveLength(waived === 0 ? 1 : 0);
  });

  it('a waiver for another id waives nothing', () => {
    expect(applyWaivers(nullable, [byId('response-property-missing', '/**')], now).findings.some((f) => f.state === 'waived')).toBe(false);
  });

  it('without a pointer it matches every pointer, and findings that have none', async () => {
    const drift = reported(await runWhop({ scenario: 'status-drift' }));
    expect(drift.map((f) => [f.id, f.pointer])).toEqual([['response-status-unexpected', null]]);
    expect(applyWaivers(drift, [byId('response-status-unexpected', null)], now).findings[0]!.state).toBe('waived');
    expect(applyWaivers(drift, [byId('response-status-unexpected', '/**')], now).findings[0]!.state).toBeUndefined();
  });
});
