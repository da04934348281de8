import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/findings/finding.ts';
import type { JudgementPolicy } from '../../src/judge/index.ts';
import { judgeRun, reportSetFiles } from '../../src/pipeline/judge-run.ts';
import { rejudgeLatest } from '../../src/pipeline/rejudge.ts';
import { upstreamFindings } from '../../src/pipeline/upstream/findings.ts';
import { writeReportSet, type RunSummary, type VendorReport } from '../../src/report/index.ts';
import type { CaseResult } from '../../src/results/index.ts';
import { ConfigError } from '../../src/vendors/index.ts';

const STARTED = '2026-11-30T02:00:00.000Z';
const target = (vendor: string) => ({ vendor, mode: 'sandbox' as const, scenario: 'faithful', baseUrl: 'http://127.0.0.1:1' });

function answered(vendor: string): CaseResult {
  return {
    vendor,
    mode: 'sandbox',
    case: 'c',
    operation: 'GET /x',
    spec: { file: 'specs/x.yaml', version: '1' },
    outcome: 'answered',
    reason: null,
    request: { method: 'GET', path: '/x', query: '', headers: {}, credential: 'valid' },
    response: { status: 200, headers: {}, body: '{}', truncated: false },
    expectedStatus: 200,
    providerState: null,
    startedAt: STARTED,
    durationMs: 1,
    attempts: 1,
    findings: [],
  };
}

const broken = (vendor: string) => ({ ...makeFinding({ id: 'contract-broken', vendor, operation: 'GET /x', status: 200, pointer: '/a', expected: 'c (GET /x)', observed: 'mismatch' }), case: 'c' });

/** A stored run of two passing vendors (unless `results` says otherwise), as `conform run` leaves reports/latest. */
async function storedRun(results = [answered('alpha'), answered('beta')], problems: string[] = []): Promise<{ reportsDir: string; policy: JudgementPolicy }> {
  const dir = await mkdtemp(join(tmpdir(), 'conform-rejudge-'));
  const policy: JudgementPolicy = { waivers: [], inconclusiveThreshold: 0.25, severity: {}, baselinesDir: join(dir, 'baselines') };
  const judged = judgeRun(
    ['alpha', 'beta'].map((vendor) => ({ target: target(vendor), baseline: null, results: results.filter((r) => r.vendor === vendor), specDefects: [] })),
    policy,
    { startedAt: STARTED, problems },
  );
  const reportsDir = join(dir, 'reports');
  await writeReportSet(reportsDir, await reportSetFiles(judged, results, reportsDir), []);
  return { reportsDir, policy };
}

const read = async <T>(reportsDir: string, name: string) => JSON.parse(await readFile(join(reportsDir, 'latest', name), 'utf8')) as T;

describe('a stored run judged again with findings made after it', () => {
  it("fails the vendor the findings break, and keeps a vendor's findings of an earlier verification when another vendor is verified", async () => {
    const { reportsDir, policy } = await storedRun();
    await rejudgeLatest({ policy, reportsDir, later: [{ target: target('alpha'), findings: [broken('alpha')] }], secretForms: [] });
    expect((await read<RunSummary>(reportsDir, 'summary.json')).exitCode).toBe(1);

    await rejudgeLatest({ policy, reportsDir, later: [{ target: target('beta'), findings: [] }], secretForms: [] });
    const alpha = await read<VendorReport>(reportsDir, 'alpha.json');
    expect(alpha.findings.map((f) => [f.id, f.severity, f.state])).toEqual([['contract-broken', 'breaking', 'new']]);
    expect(alpha.verdict).toBe('fail');
    expect((await read<VendorReport>(reportsDir, 'beta.json')).verdict).toBe('pass');
    expect((await read<RunSummary>(reportsDir, 'summary.json')).exitCode).toBe(1);

    await rejudgeLatest({ policy, reportsDir, later: [{ target: target('alpha'), findings: [] }], secretForms: [] });
    expect((await read<VendorReport>(reportsDir, 'alpha.json')).findings).toEqual([]);
    expect((await read<RunSummary>(reportsDir, 'summary.json')).exitCode).toBe(0);
  });

  it("keeps the run's comparison with the vendor's published document, and its findings, whatever the verification found", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-rejudge-'));
    const policy: JudgementPolicy = { waivers: [], inconclusiveThreshold: 0.25, severity: {}, baselinesDir: join(dir, 'baselines') };
    const change = { id: 'response-property-type-changed', level: 'ERR' as const, severity: 'breaking' as const, reason: null, operation: 'GET /x', status: '200', where: '/a' };
    const section = { url: 'https://docs.example.com/openapi.yaml', base: 'specs/x.yaml', breaking: true, changes: [change] };
    const [upstream] = upstreamFindings({ vendor: 'alpha', changes: [change] });
    const judged = judgeRun([{ target: target('alpha'), baseline: null, results: [answered('alpha')], laterFindings: [upstream!], specDefects: [], specChangedUpstream: section }], policy, { startedAt: STARTED, problems: [] });
    const reportsDir = join(dir, 'reports');
    await writeReportSet(reportsDir, await reportSetFiles(judged, [answered('alpha')], reportsDir), []);

    await rejudgeLatest({ policy, reportsDir, later: [{ target: target('alpha'), findings: [broken('alpha')] }], secretForms: [] });
    const alpha = await read<VendorReport>(reportsDir, 'alpha.json');
    expect(alpha.specChangedUpstream).toEqual(section);
    expect(alpha.findings.map((f) => [f.id, f.fingerprint]).sort()).toEqual([['contract-broken', broken('alpha').fingerprint], ['spec-changed-upstream', upstream!.fingerprint]]);
  });

  it('judges only the stored run\'s vendors: later findings of a vendor it did not run, or ran elsewhere, are skipped, never a report', async () => {
    const { reportsDir, policy } = await storedRun();
    const before = await read<VendorReport>(reportsDir, 'alpha.json');
    const rejudged = await rejudgeLatest({
      policy,
      reportsDir,
      later: [
        { target: { ...target('alpha'), mode: 'live' }, findings: [broken('alpha')] },
        { target: target('gamma'), findings: [broken('gamma')] },
      ],
      secretForms: [],
    });
    expect(rejudged.skipped).toEqual([
      { vendor: 'alpha', reason: 'the stored run ran it against its embedded sandbox, these findings were made live' },
      { vendor: 'gamma', reason: 'the stored run did not run it' },
    ]);
    expect(rejudged.path).toBe(join(reportsDir, 'latest'));
    expect((await readdir(join(reportsDir, 'latest'))).filter((name) => name.startsWith('gamma'))).toEqual([]);
    expect((await read<RunSummary>(reportsDir, 'summary.json')).vendors.map((v) => v.vendor)).toEqual(['alpha', 'beta']);
    expect(await read<VendorReport>(reportsDir, 'alpha.json')).toEqual(before);
  });

  it('writes nothing when there is no stored run', async () => {
    const reportsDir = join(await mkdtemp(join(tmpdir(), 'conform-rejudge-none-')), 'reports');
    const policy: JudgementPolicy = { waivers: [], inconclusiveThreshold: 0.25, severity: {}, baselinesDir: join(reportsDir, 'baselines') };
    const rejudged = await rejudgeLatest({ policy, reportsDir, later: [{ target: target('alpha'), findings: [broken('alpha')] }], secretForms: [] });
    expect(rejudged).toEqual({ path: null, skipped: [{ vendor: 'alpha', reason: 'the stored run did not run it' }] });
    await expect(readdir(reportsDir)).rejects.toThrow(/ENOENT/);
  });

  it("makes the stored verdicts' reasons anew and carries only the run's own problems over: an inconclusive run stays exit 3", async () => {
    const down = { ...answered('alpha'), response: { status: 500, headers: {}, body: '{}', truncated: false } };
    const { reportsDir, policy } = await storedRun([down, answered('beta')]);
    const reason = 'alpha inconclusive: 1 of 1 attempted cases unverified (answered 500): 100% > 25%';
    expect(await read<RunSummary>(reportsDir, 'summary.json')).toMatchObject({ exitCode: 3, problems: [reason] });
    await rejudgeLatest({ policy, reportsDir, later: [{ target: target('beta'), findings: [] }], secretForms: [] });
    expect(await read<RunSummary>(reportsDir, 'summary.json')).toMatchObject({ exitCode: 3, problems: [reason] });
    expect((await read<VendorReport>(reportsDir, 'alpha.json')).interactions[0]).toMatchObject({ outcome: 'unverified', reason: 'answered 500 where the case expects 200: the vendor was unavailable' });

    const broken = await storedRun(undefined, ['suites/beta: SyntaxError']);
    await rejudgeLatest({ policy: broken.policy, reportsDir: broken.reportsDir, later: [{ target: target('alpha'), findings: [] }], secretForms: [] });
    expect(await read<RunSummary>(broken.reportsDir, 'summary.json')).toMatchObject({ exitCode: 2, problems: ['suites/beta: SyntaxError'] });
  });

  it('refuses stored case results that are not a run\'s, as a configuration error naming the file', async () => {
    const { reportsDir, policy } = await storedRun();
    await writeFile(join(reportsDir, 'latest', 'results.json'), '{}');
    const rejudged = rejudgeLatest({ policy, reportsDir, later: [{ target: target('alpha'), findings: [] }], secretForms: [] });
    await expect(rejudged).rejects.toThrow(ConfigError);
    await expect(rejudged).rejects.toThrow(/results\.json: is not the case results of a conform run/);
  });
});
