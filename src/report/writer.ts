import { cp, lstat, mkdir, readdir, readlink, rename, rm, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isLeftover, ownedName, removeLeftovers } from '../files/index.ts';
import { testKillPoint } from '../files/index.ts';
import { RUNS_DIR } from './history.ts';
import { writeRedacted } from '../files/index.ts';

const LATEST = 'latest';
const RETIRED = `${LATEST}.retired`;
// Everything a writer keeps in the reports folder while it works, named by ownedName.
const WORK = /\.staging|\.set|\.link|latest\.retired/;

/**
 * A report set, written by the same writer: every file's text goes through redaction on its way out, and a set
 * lands whole or not at all. reports/latest is a symbolic link to a complete set (reports/.set-…):
 * a new set is written beside it and the link is replaced by one rename(2), so a reader always finds
 * a whole latest/, before, after, and when the run is killed between the two; two runs at once never
 * interleave their files.
 */
export async function writeReportSet(reportsDir: string, files: Record<string, string>, secretForms: readonly string[]): Promise<string> {
  await recoverLatest(reportsDir);
  const set = await stage(reportsDir, files, secretForms, '.set');
  return pointLatestAt(reportsDir, set);
}

/**
 * A run's reports: kept as reports/runs/<runId>/ for history, and made reports/latest/. The run folder
 * is complete before latest changes, so latest can always be rebuilt from the newest run.
 */
export async function publishRun(reportsDir: string, runId: string, files: Record<string, string>, secretForms: readonly string[]): Promise<string> {
  const runs = join(reportsDir, RUNS_DIR);
  await mkdir(runs, { recursive: true });
  await rename(join(reportsDir, await stage(reportsDir, files, secretForms, '.staging')), join(runs, runId));
  return writeReportSet(reportsDir, files, secretForms);
}

/**
 * Run at the start of every write: puts back a latest that a killed run left missing (the folder it
 * was retiring, else the newest complete run), then removes what killed runs left behind. Work in
 * progress of a live run is never touched.
 */
export async function recoverLatest(reportsDir: string): Promise<void> {
  const latest = join(reportsDir, LATEST);
  if (!(await exists(latest))) await restoreLatest(reportsDir);
  const current = await readlink(latest).catch(() => null);
  await removeLeftovers(reportsDir, WORK, (name) => name === current);
}

export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function restoreLatest(reportsDir: string): Promise<void> {
  const latest = join(reportsDir, LATEST);
  const names = await readdir(reportsDir).catch(() => [] as string[]);
  // Killed while replacing a latest folder (from before latest was a link): that folder is complete.
  for (const name of names.filter((entry) => isLeftover(entry, /latest\.retired/))) {
    const restored = await rename(join(reportsDir, name), latest).then(
      () => true,
      () => false,
    );
    if (restored) return;
  }
  const runs = (await readdir(join(reportsDir, RUNS_DIR)).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).sort();
  for (const runId of runs.reverse()) {
    const candidate = join(reportsDir, RUNS_DIR, runId);
    if (!(await exists(join(candidate, 'summary.json')))) continue;
    const set = ownedName('.set');
    await cp(candidate, join(reportsDir, set), { recursive: true });
    await pointLatestAt(reportsDir, set);
    return;
  }
}

async function stage(reportsDir: string, files: Record<string, string>, secretForms: readonly string[], label: string): Promise<string> {
  const name = ownedName(label);
  const staging = join(reportsDir, name);
  await mkdir(staging, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeRedacted(join(staging, file), text, secretForms);
  return name;
}

/** Makes reports/latest the set named `set` (a folder beside it) with one rename, then removes the set it replaced. */
async function pointLatestAt(reportsDir: string, set: string): Promise<string> {
  const latest = join(reportsDir, LATEST);
  const link = join(reportsDir, ownedName('.link'));
  await symlink(set, link);
  for (let attempt = 0; ; attempt++) {
    const previous = await lstat(latest).catch(() => null);
    const replaced = previous?.isSymbolicLink() ? await readlink(latest).catch(() => null) : null;
    // A latest folder (written before latest was a link) cannot be replaced by a link in one rename: it
    // is retired first. Only here is latest missing for a moment; recoverLatest puts it back after a kill.
    const retired = previous && !previous.isSymbolicLink() ? join(reportsDir, ownedName(RETIRED)) : null;
    if (retired) await rename(latest, retired).catch(ignore('ENOENT'));
    testKillPoint('between-renames');
    const moved = await rename(link, latest).then(
      () => null,
      (error: NodeJS.ErrnoException) => error,
    );
    // Another run put a latest folder back between our two renames: retire that one too and try again.
    if (moved && (moved.code !== 'EISDIR' || attempt >= 20)) throw moved;
    if (retired) await rm(retired, { recursive: true, force: true });
    if (moved) continue;
    if (replaced && replaced !== set && replaced.startsWith('.set-')) await rm(join(reportsDir, replaced), { recursive: true, force: true });
    return latest;
  }
}

function ignore(code: string): (error: NodeJS.ErrnoException) => void {
  return (error) => {
    if (error.code !== code) throw error;
  };
}

/** Whether `path` is there, through a link (a link to a removed set is not). */
async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
