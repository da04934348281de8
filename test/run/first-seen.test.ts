import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/judge/index.ts';
import { rejudgeLatest } from '../../src/pipeline/index.ts';
import type { RunSummary, VendorReport } from '../../src/report/types.ts';
import { callCli, runCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

type Folders = { CONFORM_REPORTS_DIR: string; CONFORM_BASELINES_DIR: string; CONFORM_CONTRACTS_DIR: string };

async function folders(prefix: string): Promise<Folders> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  return { CONFORM_REPORTS_DIR: join(root, 'reports'), CONFORM_BASELINES_DIR: join(root, 'baselines'), CONFORM_CONTRACTS_DIR: join(root, 'contracts') };
}

const latest = async <T>(dirs: Folders, name: string) => JSON.parse(await readFile(join(dirs.CONFORM_REPORTS_DIR, 'latest', name), 'utf8')) as T;
const ledgerText = (dirs: Folders) => readFile(join(dirs.CONFORM_REPORTS_DIR, 'seen', 'whop.sandbox.json'), 'utf8');
const sightings = (report: VendorReport) => new Set(report.findings.map((f) => `${f.state} ${f.firstSeen} ${f.seenRuns}`));

/** Lines of `after` not in `before`, then of `before` not in `after`: what a review diff shows. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const [old, now] = [before.split('\n'), after.split('\n')];
  return { added: now.filter((line) => !old.includes(line)), removed: old.filter((line) => !now.includes(line)) };
}

describe('since when: two identical drift nights in a row', () => {
  let dirs: Folders;
  const drift = (env: Record<string, string> = {}) => callCli(['run'], { ...dirs, CONFORM_VENDORS: 'whop', WHOP_SANDBOX_SCENARIO: 'amounts-as-strings', ...env });
  let first: { summary: RunSummary; report: VendorReport; ledger: string };

  beforeAll(async () => {
    dirs = await folders('conform-seen-');
  });

  it('the first marks every finding new, first seen at its start, seen in 1 run', async () => {
    expect((await drift()).code).toBe(1);
    first = { summary: await latest<RunSummary>(dirs, 'summary.json'), report: await latest<VendorReport>(dirs, 'whop.json'), ledger: await ledgerText(dirs) };
    expect(first.report.findings.length).toBeGreaterThan(1);
    expect(sightings(first.report)).toEqual(new Set([`new ${first.summary.startedAt} 1`]));
    const fingerprints = new Set(first.report.findings.map((f) => f.fingerprint));
    // One line per fingerprint, and the run counted.
    expect(first.ledger.split('\n').filter((line) => /^ {4}"[0-9a-f]{12}": \{ "firstSeen": "[^"]+", "run": 1 \},?$/.test(line))).toHaveLength(fingerprints.size);
    expect(first.ledger).toContain(`"lastRun": { "ordinal": 1, "startedAt": "${first.summary.startedAt}" }`);
  });

  it('the second marks them known, first seen at the first run, seen in 2 runs; the ledger changes one line', async () => {
    expect((await drift()).code).toBe(1);
    const report = await latest<VendorReport>(dirs, 'whop.json');
    expect(report.findings.map((f) => f.fingerprint)).toEqual(first.report.findings.map((f) => f.fingerprint));
    expect(sightings(report)).toEqual(new Set([`known ${first.summary.startedAt} 2`]));
    const summary = await latest<RunSummary>(dirs, 'summary.json');
    expect(changedLines(first.ledger, await ledgerText(dirs))).toEqual({
      added: [`  "lastRun": { "ordinal": 2, "startedAt": "${summary.startedAt}" },`],
      removed: [`  "lastRun": { "ordinal": 1, "startedAt": "${first.summary.startedAt}" },`],
    });
  });

  it('judging the stored run again (conform verify) keeps the states and counts no run', async () => {
    const ledger = await ledgerText(dirs);
    const policy = await loadPolicy({ CONFORM_BASELINES_DIR: dirs.CONFORM_BASELINES_DIR }, REPO_ROOT);
    await rejudgeLatest({ policy, reportsDir: dirs.CONFORM_REPORTS_DIR, later: [], secretForms: [] });
    expect(sightings(await latest<VendorReport>(dirs, 'whop.json'))).toEqual(new Set([`known ${first.summary.startedAt} 2`]));
    expect(await ledgerText(dirs)).toBe(ledger);
  });

  it('a run killed before its reports are published leaves the ledger as it was', async () => {
    const ledger = await ledgerText(dirs);
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'conform.js'), 'run'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...dirs, CONFORM_VENDORS: 'whop', WHOP_SANDBOX_SCENARIO: 'field-nullable', CONFORM_TEST_KILL_AT: 'between-renames' },
      stdio: 'ignore',
    });
    expect(await new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)))).toBe('SIGKILL');
    expect(await ledgerText(dirs)).toBe(ledger);
  });
});

describe('since when, kept with the baseline', () => {
  it('accepting a run with one new finding rewrites a few lines of the baseline; without the ledger (a fresh checkout) the baseline says since when', async () => {
    const dirs = await folders('conform-seen-accept-');
    const run = (scenario: string) => callCli(['run'], { ...dirs, CONFORM_VENDORS: 'whop', WHOP_SANDBOX_SCENARIO: scenario });
    const baselineFile = join(dirs.CONFORM_BASELINES_DIR, 'whop.sandbox.json');
    expect((await run('faithful')).code).toBe(0);
    const before = await readFile(baselineFile, 'utf8');

    expect((await run('status-drift')).code).toBe(1);
    const drifted = await latest<VendorReport>(dirs, 'whop.json');
    const startedAt = (await latest<RunSummary>(dirs, 'summary.json')).startedAt;
    expect(drifted.findings.filter((f) => f.id !== 'response-shape-changed').map((f) => [f.id, f.state, f.firstSeen])).toEqual([['response-status-unexpected', 'new', startedAt]]);
    expect((await runCli(['baseline', 'update'], dirs)).code).toBe(0);
    const after = await readFile(baselineFile, 'utf8');
    // updatedAt, the case's new status, the five 400 properties now also seen in that case, and the finding
    // (the list's opening line, the finding, its closing line; with run counters, every property of every
    // response would have been rewritten too: about 60 lines).
    const { added } = changedLines(before, after);
    expect(added).toHaveLength(10);
    expect(added.filter((line) => line.includes('"firstSeen"'))).toEqual([expect.stringContaining(`"firstSeen": "${startedAt}"`)]);
    expect(after).not.toContain('"runs"');

    await rm(join(dirs.CONFORM_REPORTS_DIR, 'seen'), { recursive: true });
    expect((await run('status-drift')).code).toBe(1);
    const again = await latest<VendorReport>(dirs, 'whop.json');
    expect(again.findings.map((f) => [f.id, f.state, f.firstSeen, f.seenRuns])).toEqual([['response-status-unexpected', 'known', startedAt, 1]]);
  });
});
