import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HISTORY_RUNS, historyRunsFrom, pruneRuns, readHistory, runIdFor, runsToPrune } from '../../src/report/history.ts';
import type { RunSummary } from '../../src/report/types.ts';
import { ConfigError } from '../../src/vendors/index.ts';

function summary(startedAt: string, breaking: number): RunSummary {
  const vendor = (name: 'whop' | 'xendit', extra: number) => ({
    vendor: name,
    mode: name === 'xendit' ? ('live' as const) : ('sandbox' as const),
    scenario: 'faithful',
    baseUrl: 'http://127.0.0.1:4010',
    counts: { breaking: breaking + extra, warning: 1, info: 0 },
    outcomes: { passed: 5, failed: breaking, unverified: 0, skipped: 0, 'transport-error': 0 },
    report: `${name}.json`,
  });
  return { startedAt, finishedAt: startedAt, exitCode: breaking > 0 ? 1 : 0, vendors: [vendor('whop', 0), vendor('xendit', 1)], problems: [] };
}

/** A reports folder with one run per start time, as the writer leaves them: reports/runs/<runId>/summary.json. */
async function reportsWith(starts: string[]): Promise<string> {
  const reportsDir = await mkdtemp(join(tmpdir(), 'conform-history-'));
  for (const [i, startedAt] of starts.entries()) {
    const dir = join(reportsDir, 'runs', runIdFor(startedAt));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'summary.json'), JSON.stringify(summary(startedAt, i)));
  }
  return reportsDir;
}

const starts = ['2026-02-01T02:00:00.000Z', '2026-02-02T02:00:00.000Z', '2026-02-03T02:00:00.000Z', '2026-02-10T02:00:00.000Z'];

describe('run ids', () => {
  it('are the start time, safe as a folder name, and sort as time does', () => {
    expect(runIdFor('2026-02-25T21:06:37.197Z')).toBe('2026-02-25T21-06-37-197Z');
    const ids = ['2026-11-02T00:00:00.000Z', '2026-02-25T21:06:37.197Z', '2026-02-25T21:06:37.019Z'].map(runIdFor);
    expect([...ids].sort()).toEqual([ids[2], ids[1], ids[0]]);
  });
});

describe('history', () => {
  it('keeps 10 runs unless CONFORM_HISTORY_RUNS says otherwise', () => {
    expect(DEFAULT_HISTORY_RUNS).toBe(10);
    expect(historyRunsFrom({})).toBe(10);
    expect(historyRunsFrom({ CONFORM_HISTORY_RUNS: '30' })).toBe(30);
    for (const raw of ['0', '2.5', 'all']) {
      expect(() => historyRunsFrom({ CONFORM_HISTORY_RUNS: raw })).toThrow(ConfigError);
      expect(() => historyRunsFrom({ CONFORM_HISTORY_RUNS: raw })).toThrow(`CONFORM_HISTORY_RUNS: must be a whole number of at least 1, got "${raw}"`);
    }
  });

  it('prunes all but the newest N runs, oldest first, and leaves other folders alone', async () => {
    expect(runsToPrune(['2026-02-03T02-00-00-000Z', '.staging-1', '2026-02-01T02-00-00-000Z', '2026-02-02T02-00-00-000Z'], 2)).toEqual(['2026-02-01T02-00-00-000Z']);
    expect(runsToPrune(['2026-02-01T02-00-00-000Z'], 5)).toEqual([]);

    const reportsDir = await reportsWith(starts);
    await mkdir(join(reportsDir, 'runs', 'notes'));
    expect(await pruneRuns(reportsDir, 2)).toEqual(['2026-02-01T02-00-00-000Z', '2026-02-02T02-00-00-000Z']);
    expect((await readdir(join(reportsDir, 'runs'))).sort()).toEqual(['2026-02-03T02-00-00-000Z', '2026-02-10T02-00-00-000Z', 'notes']);
    expect(await pruneRuns(reportsDir, 2)).toEqual([]);
  });

  it('reads the findings per vendor and mode per run, oldest first, for the trend chart', async () => {
    const reportsDir = await reportsWith(starts.slice(0, 2));
    expect(await readHistory(reportsDir)).toEqual([
      { runId: '2026-02-01T02-00-00-000Z', startedAt: '2026-02-01T02:00:00.000Z', vendor: 'whop', mode: 'sandbox', counts: { breaking: 0, warning: 1, info: 0 } },
      { runId: '2026-02-01T02-00-00-000Z', startedAt: '2026-02-01T02:00:00.000Z', vendor: 'xendit', mode: 'live', counts: { breaking: 1, warning: 1, info: 0 } },
      { runId: '2026-02-02T02-00-00-000Z', startedAt: '2026-02-02T02:00:00.000Z', vendor: 'whop', mode: 'sandbox', counts: { breaking: 1, warning: 1, info: 0 } },
      { runId: '2026-02-02T02-00-00-000Z', startedAt: '2026-02-02T02:00:00.000Z', vendor: 'xendit', mode: 'live', counts: { breaking: 2, warning: 1, info: 0 } },
    ]);
  });

  it('leaves out a run without a readable summary, and is empty before the first run', async () => {
    const reportsDir = await reportsWith(starts.slice(0, 1));
    await mkdir(join(reportsDir, 'runs', '2026-02-05T02-00-00-000Z'));
    await mkdir(join(reportsDir, 'runs', '2026-02-06T02-00-00-000Z'));
    await writeFile(join(reportsDir, 'runs', '2026-02-06T02-00-00-000Z', 'summary.json'), '{"startedAt": ');
    expect((await readHistory(reportsDir)).map((e) => e.runId)).toEqual(['2026-02-01T02-00-00-000Z', '2026-02-01T02-00-00-000Z']);
    expect(await readHistory(await mkdtemp(join(tmpdir(), 'conform-history-')))).toEqual([]);
  });
});
