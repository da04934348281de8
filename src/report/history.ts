import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, type Env, optional } from '../vendors/index.ts';
import type { RunSummary, SeverityCounts } from './types.ts';

/** Each run's reports live in reports/runs/<runId>/; reports/latest/ is the newest complete one. */
export const RUNS_DIR = 'runs';
export const DEFAULT_HISTORY_RUNS = 10;

/** CONFORM_HISTORY_RUNS: how many runs to keep under reports/runs/ (at least 1). */
export function historyRunsFrom(env: Env): number {
  const raw = optional(env, 'CONFORM_HISTORY_RUNS');
  if (raw === null) return DEFAULT_HISTORY_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new ConfigError('CONFORM_HISTORY_RUNS', `must be a whole number of at least 1, got "${raw}"`);
  return runs;
}

// 2026-02-25T21-06-37-197Z: the run's start, safe as a folder name everywhere, and sorting as time does;
// an optional -<n> tells apart runs that started in the same millisecond.
const RUN_ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?$/;

/** The run id of a run that started at `startedAt` (an ISO 8601 UTC time), with `distinct` appended when given. */
export function runIdFor(startedAt: string, distinct?: number): string {
  const id = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
  return distinct === undefined ? id : `${id}-${distinct}`;
}

/** Of these run ids, the ones beyond the newest `keep`, oldest first; anything not a run id is left alone. */
export function runsToPrune(names: readonly string[], keep: number): string[] {
  const runs = names.filter((name) => RUN_ID.test(name)).sort();
  return runs.slice(0, Math.max(0, runs.length - keep));
}

/** Deletes all but the newest `keep` runs under reportsDir/runs/; returns the ids it removed. */
export async function pruneRuns(reportsDir: string, keep: number): Promise<string[]> {
  const doomed = runsToPrune(await runFolders(reportsDir), keep);
  await Promise.all(doomed.map((runId) => rm(join(reportsDir, RUNS_DIR, runId), { recursive: true, force: true })));
  return doomed;
}

export interface HistoryEntry {
  runId: string;
  startedAt: string;
  vendor: string;
  /** A vendor's live and sandbox runs answer with different data: their trends are apart. */
  mode: 'sandbox' | 'live';
  counts: SeverityCounts;
}

/** Findings per vendor per kept run, oldest first, from each run's summary.json: the data of the trend chart. */
export async function readHistory(reportsDir: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for (const runId of (await runFolders(reportsDir)).filter((name) => RUN_ID.test(name)).sort()) {
    const summary = await readSummary(join(reportsDir, RUNS_DIR, runId, 'summary.json'));
    if (!summary) continue;
    for (const { vendor, mode, counts } of summary.vendors) entries.push({ runId, startedAt: summary.startedAt, vendor, mode, counts });
  }
  return entries;
}

async function runFolders(reportsDir: string): Promise<string[]> {
  try {
    return (await readdir(join(reportsDir, RUNS_DIR), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

// A run without a readable summary (cut short, or damaged) is left out of the chart rather than breaking it.
async function readSummary(file: string): Promise<RunSummary | null> {
  try {
    const summary = JSON.parse(await readFile(file, 'utf8')) as RunSummary;
    return Array.isArray(summary.vendors) ? summary : null;
  } catch {
    return null;
  }
}
