import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, type CaseResult } from '../../src/results/index.ts';
import { withSeverity, type JudgedFinding } from '../../src/judge/index.ts';
import { DEFAULT_INCONCLUSIVE_THRESHOLD, inconclusiveThresholdFrom, runExitCode, verdictFor, type VendorVerdict } from '../../src/judge/verdict.ts';
import { ConfigError } from '../../src/vendors/index.ts';
import { runWhop, runWhopSplit, startFaultServer, WHOP_CASES, type FaultServer } from './baseline/whop-run.ts';

const reported = (results: CaseResult[]): JudgedFinding[] => withSeverity(results.flatMap((r) => r.findings.map((f) => ({ ...f, case: r.case }))), {});
const judge = (results: CaseResult[], inconclusiveThreshold = 0.25) => verdictFor(results, reported(results), { inconclusiveThreshold });
const allBut = (...unreachable: string[]) => WHOP_CASES.map((c) => c.name).filter((name) => !unreachable.includes(name));

describe('verdicts from real runs', () => {
  let reset: FaultServer;
  let unavailable: FaultServer;
  beforeAll(async () => {
    reset = await startFaultServer('reset');
    unavailable = await startFaultServer(503);
  });
  afterAll(async () => {
    await reset.close();
    await unavailable.close();
  });

  it('a faithful vendor passes', async () => {
    expect(judge(await runWhop())).toEqual({ verdict: 'pass', attempted: 8, unverified: 0, unreachable: 0, failing: 0, reason: 'no breaking finding left unwaived' });
  });

  it('transport errors (after retries) on more than the threshold share of cases: inconclusive, not fail', async () => {
    const results = await runWhopSplit(allBut('by user id', 'unknown id', 'insufficient scope'), reset.origin);
    const failed = results.filter((r) => r.outcome === 'transport-error');
    expect(failed.map((r) => r.attempts)).toEqual([2, 2, 2]);
    expect(judge(results)).toEqual({
      verdict: 'inconclusive',
      attempted: 8,
      unverified: 3,
      unreachable: 3,
      failing: 0,
      reason: '3 of 8 attempted cases unverified (transport errors, 5xx or 429): 38% > 25%',
    });
    expect(judge(results, 0.5).verdict).toBe('pass');
  });

  it('exactly the threshold share is still enough evidence', async () => {
    const results = await runWhopSplit(allBut('by user id', 'unknown id'), reset.origin);
    expect(judge(results)).toMatchObject({ verdict: 'pass', unverified: 2 });
  });

  it('a 503 storm is an outage, not drift: no finding, every case unverified, the vendor reached and inconclusive', async () => {
    const results = await runWhop({ origin: unavailable.origin });
    expect(results.every((r) => r.outcome === 'transport-error' && r.attempts === 2 && r.reason?.startsWith('UNAVAILABLE: the vendor answered 503'))).toBe(true);
    expect(reported(results)).toEqual([]);
    const verdict = judge(results);
    expect(verdict).toMatchObject({ verdict: 'inconclusive', attempted: 8, unverified: 8, unreachable: 0, failing: 0 });
    expect(runExitCode([verdict], [])).toBe(EXIT.inconclusive);
  });

  it('a breaking finding on a case that was verified fails the vendor, however many others went unanswered', async () => {
    const results = await runWhopSplit(['by company id', 'by ledger account id'], reset.origin, 'required-field-removed');
    expect(judge(results)).toMatchObject({ verdict: 'fail', attempted: 8, unverified: 6, failing: 2 });
  });

  it('a vendor whose every case was skipped verified nothing: inconclusive', async () => {
    const results = await runWhop({ withoutFixtures: true, cases: ['by ledger account id', 'by company id'] });
    expect(results.map((r) => r.outcome)).toEqual(['skipped', 'skipped']);
    expect(judge(results)).toMatchObject({ verdict: 'inconclusive', attempted: 0, reason: 'no case was attempted (all skipped)' });
  });

  it('no vendor reachable at all: the run could not run', async () => {
    const verdict = judge(await runWhop({ origin: reset.origin, cases: ['unknown id', 'malformed id'] }));
    expect(verdict).toMatchObject({ verdict: 'inconclusive', attempted: 2, unreachable: 2 });
    expect(runExitCode([verdict], [])).toBe(EXIT.cannotRun);
  });
});

describe('the inconclusive threshold', () => {
  it('is CONFORM_INCONCLUSIVE_THRESHOLD, a share from 0 to 1, by default 0.25', () => {
    expect(DEFAULT_INCONCLUSIVE_THRESHOLD).toBe(0.25);
    expect(inconclusiveThresholdFrom({})).toBe(0.25);
    expect(inconclusiveThresholdFrom({ CONFORM_INCONCLUSIVE_THRESHOLD: ' 0.5 ' })).toBe(0.5);
    expect(inconclusiveThresholdFrom({ CONFORM_INCONCLUSIVE_THRESHOLD: '0' })).toBe(0);
    expect(inconclusiveThresholdFrom({ CONFORM_INCONCLUSIVE_THRESHOLD: '1' })).toBe(1);
  });

  it.each(['25%', '1.5', '-0.1', 'half'])('%s is a configuration error naming the variable', (raw) => {
    expect(() => inconclusiveThresholdFrom({ CONFORM_INCONCLUSIVE_THRESHOLD: raw })).toThrow(ConfigError);
    expect(() => inconclusiveThresholdFrom({ CONFORM_INCONCLUSIVE_THRESHOLD: raw })).toThrow(`CONFORM_INCONCLUSIVE_THRESHOLD: must be a share from 0 to 1 (e.g. 0.25), got "${raw}"`);
  });
});

describe('the exit code, mapped in one place', () => {
  const vendor = (verdict: VendorVerdict['verdict'], unreachable = 0): VendorVerdict => ({ verdict, attempted: 4, unverified: unreachable, unreachable, failing: verdict === 'fail' ? 1 : 0, reason: '' });

  it.each([
    ['every vendor passes', 0, [vendor('pass'), vendor('pass')], []],
    ['no vendor', 0, [], []],
    ['one vendor fails', 1, [vendor('pass'), vendor('fail')], []],
    ['one inconclusive, none failing', 3, [vendor('pass'), vendor('inconclusive', 2)], []],
    ['a failure outranks an inconclusive vendor', 1, [vendor('fail'), vendor('inconclusive', 2)], []],
    ['a problem (a suite that did not load) outranks everything', 2, [vendor('fail')], ['suites/whop: SyntaxError']],
    ['no vendor reachable at all', 2, [vendor('inconclusive', 4), vendor('inconclusive', 4)], []],
    ['one vendor reachable', 3, [vendor('inconclusive', 4), vendor('pass')], []],
  ] as const)('%s: exit %i', (_, code, verdicts, problems) => {
    expect(runExitCode(verdicts, problems)).toBe(code);
  });

  it('uses the codes of src/results/exit-codes.ts', () => {
    expect(EXIT).toEqual({ pass: 0, fail: 1, cannotRun: 2, inconclusive: 3 });
  });
});
