import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, type CaseResult } from '../../src/results/index.ts';
import { withSeverity, type JudgedFinding } from '../../src/judge/index.ts';
import { DEFAULT_INCONCLUSIVE_THRESHOLD, inconclusiveThresholdFrom, isVerdictProblem, runExitCode, verdictFor, verdictProblems, type VendorVerdict } from '../../src/judge/verdict.ts';
import { ConfigError } from '../../src/vendors/index.ts';
import { closedOrigin } from '../support/fault-server.ts';
import { runWhop, runWhopSplit, startFaultServer, WHOP_CASES, type FaultServer } from './baseline/whop-run.ts';

const reported = (results: CaseResult[]): JudgedFinding[] => withSeverity(results.flatMap((r) => r.findings.map((f) => ({ ...f, case: r.case }))), {});
const judge = (results: CaseResult[], inconclusiveThreshold = 0.25) => verdictFor(results, reported(results), { inconclusiveThreshold });
const allBut = (...unreachable: string[]) => WHOP_CASES.map((c) => c.name).filter((name) => !unreachable.includes(name));

describe('verdicts from real runs', () => {
  let reset: FaultServer;
  let unavailable: FaultServer;
  let serverError: FaultServer;
  beforeAll(async () => {
    reset = await startFaultServer('reset');
    unavailable = await startFaultServer(503);
    serverError = await startFaultServer(500);
  });
  afterAll(async () => {
    await reset.close();
    await unavailable.close();
    await serverError.close();
  });

  it('a faithful vendor passes', async () => {
    expect(judge(await runWhop())).toEqual({ verdict: 'pass', attempted: 8, unverified: 0, unreachableCode: null, failing: 0, reason: 'no breaking finding left unwaived' });
  });

  it('transport errors (after retries) on more than the threshold share of cases: inconclusive, not fail', async () => {
    const results = await runWhopSplit(allBut('by user id', 'unknown id', 'insufficient scope'), reset.origin);
    const failed = results.filter((r) => r.outcome === 'transport-error');
    expect(failed.map((r) => r.attempts)).toEqual([2, 2, 2]);
    expect(judge(results)).toEqual({
      verdict: 'inconclusive',
      attempted: 8,
      unverified: 3,
      // A reset comes after the connection: the vendor was reached, and failed.
     
      unreachableCode: null,
      failing: 0,
      reason: '3 of 8 attempted cases unverified (connection reset): 38% > 25%',
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
    expect(verdict).toMatchObject({ verdict: 'inconclusive', attempted: 8, unverified: 8, failing: 0, reason: '8 of 8 attempted cases unverified (unavailable): 100% > 25%' });
    expect(runExitCode([verdict], [])).toBe(EXIT.inconclusive);
  });

  it('an unexpected 500 is an answer nobody can check: unverified, its findings fail nothing', async () => {
    const results = await runWhop({ origin: serverError.origin });
    expect(results.every((r) => r.outcome === 'answered' && r.response?.status === 500)).toBe(true);
    expect(reported(results).some((f) => f.severity === 'breaking')).toBe(true);
    expect(judge(results)).toMatchObject({ verdict: 'inconclusive', unverified: 8, failing: 0, reason: '8 of 8 attempted cases unverified (answered 500): 100% > 25%' });
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

  it('every connection reset: the vendor was reached and failed, inconclusive (exit 3), not a configuration problem', async () => {
    const verdict = judge(await runWhop({ origin: reset.origin, cases: ['unknown id', 'malformed id'] }));
    expect(verdict).toMatchObject({ verdict: 'inconclusive', attempted: 2, unverified: 2, unreachableCode: null });
    expect(runExitCode([verdict], [])).toBe(EXIT.inconclusive);
    expect(verdictProblems([{ vendor: 'whop', baseUrl: reset.origin, verdict }])).toEqual(['whop inconclusive: 2 of 2 attempted cases unverified (connection reset): 100% > 25%']);
  });

  it('nothing listening at the base URL: the vendor was not reached, and the run could not run (exit 2), said as such', async () => {
    const origin = await closedOrigin();
    const verdict = judge(await runWhop({ origin, cases: ['unknown id', 'malformed id'] }));
    expect(verdict).toMatchObject({ verdict: 'inconclusive', attempted: 2, unverified: 2, unreachableCode: 'CONNECTION_REFUSED' });
    expect(runExitCode([verdict], [])).toBe(EXIT.cannotRun);
    expect(verdictProblems([{ vendor: 'whop', baseUrl: `${origin}/api/v1`, verdict }])).toEqual([`whop unreachable: nothing listening at ${origin}/api/v1 (connection refused)`]);
  });
});

describe('what counts as not reached', () => {
  it('cases never sent to the base URL (no OAuth 2.0 token) say nothing about it: the sent ones decide, and none sent is not "unreachable"', async () => {
    const refused = await runWhop({ origin: await closedOrigin(), cases: ['unknown id', 'malformed id', 'by user id'] });
    const noToken = (r: CaseResult): CaseResult => ({ ...r, transportCode: 'NO_TOKEN', reason: 'NO_TOKEN: whop: no OAuth 2.0 token from http://127.0.0.1:1/oauth/token: the client credentials were refused (401)' });
    const mixed = [noToken(refused[0]!), ...refused.slice(1)];
    expect(judge(mixed)).toMatchObject({ unreachableCode: 'CONNECTION_REFUSED' });
    const none = judge(refused.map(noToken));
    expect(none).toMatchObject({ verdict: 'inconclusive', unreachableCode: null, reason: '3 of 3 attempted cases unverified (no token): 100% > 25%' });
    expect(runExitCode([none], [])).toBe(EXIT.inconclusive);
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
  const vendor = (verdict: VendorVerdict['verdict'], unreachable = 0): VendorVerdict => ({
    verdict,
    attempted: 4,
    unverified: unreachable,
    unreachableCode: unreachable === 4 ? 'CONNECTION_REFUSED' : null,
    failing: verdict === 'fail' ? 1 : 0,
    reason: '',
  });

  it.each([
    ['every vendor passes', 0, [vendor('pass'), vendor('pass')], []],
    ['no vendor', 0, [], []],
    ['one vendor fails', 1, [vendor('pass'), vendor('fail')], []],
    ['one inconclusive, none failing', 3, [vendor('pass'), vendor('inconclusive', 2)], []],
    ['a failure outranks an inconclusive vendor', 1, [vendor('fail'), vendor('inconclusive', 2)], []],
    ['a problem (a suite that did not load) outranks everything', 2, [vendor('fail')], ['suites/whop: SyntaxError']],
    ['no vendor reachable at all', 2, [vendor('inconclusive', 4), vendor('inconclusive', 4)], []],
    ['one vendor reachable', 3, [vendor('inconclusive', 4), vendor('pass')], []],
    ['every vendor inconclusive after connecting (resets, timeouts, 5xx)', 3, [vendor('inconclusive'), vendor('inconclusive')], []],
  ] as const)('%s: exit %i', (_, code, verdicts, problems) => {
    expect(runExitCode(verdicts, problems)).toBe(code);
  });

  it('says why, whatever the code: unreachable vendors with their URL, inconclusive ones with their reason, nothing for the others', () => {
    const inconclusive = { ...vendor('inconclusive'), reason: '8 of 8 attempted cases unverified (connection reset): 100% > 25%' };
    const dns = { ...vendor('inconclusive', 4), unreachableCode: 'DNS' as const };
    const problems = verdictProblems([
      { vendor: 'whop', baseUrl: 'http://127.0.0.1:9/api/v1', verdict: vendor('inconclusive', 4) },
      { vendor: 'midaz', baseUrl: 'https://user:hunter22@nowhere.invalid', verdict: dns },
      { vendor: 'xendit', baseUrl: 'http://127.0.0.1:8', verdict: inconclusive },
      { vendor: 'acme', baseUrl: 'http://127.0.0.1:7', verdict: vendor('fail') },
      { vendor: 'bursar', baseUrl: 'http://127.0.0.1:6', verdict: vendor('pass') },
    ]);
    expect(problems).toEqual([
      'whop unreachable: nothing listening at http://127.0.0.1:9/api/v1 (connection refused)',
      expect.stringMatching(/^midaz unreachable: no such host at https:\/\/[^@]*@nowhere\.invalid\/? \(DNS lookup failed\)$/),
      'xendit inconclusive: 8 of 8 attempted cases unverified (connection reset): 100% > 25%',
    ]);
    expect(problems.join('\n')).not.toContain('hunter22');
    // `conform verify` judges again: these lines are made anew, the run's own problems carry over.
    expect(problems.every((p) => isVerdictProblem(p, ['whop', 'midaz', 'xendit']))).toBe(true);
    expect(isVerdictProblem('suites/whop: SyntaxError', ['whop'])).toBe(false);
  });

  it('uses the codes of src/results/exit-codes.ts', () => {
    expect(EXIT).toEqual({ pass: 0, fail: 1, cannotRun: 2, inconclusive: 3, interrupted: 130 });
  });
});
