import { cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUNS_DIR } from './history.ts';
import { redactText } from './redact.ts';

/**
 * The one writer of report sets. Every file's text goes through redaction on its way out, and a set
 * lands whole or not at all: it is written into a staging folder first and then renamed into place,
 * so a run killed half-way leaves the previous reports complete and readable, and two runs at once
 * never interleave their files.
 */
export async function writeReportSet(reportsDir: string, files: Record<string, string>, secretForms: readonly string[]): Promise<string> {
  const staging = await stage(reportsDir, files, secretForms);
  const latest = join(reportsDir, 'latest');
  await swapInto(staging, latest);
  return latest;
}

/**
 * A run's reports: kept as reports/runs/<runId>/ for history, and made reports/latest/. The run folder
 * is complete before latest changes, so latest can always be rebuilt from the newest run.
 */
export async function publishRun(reportsDir: string, runId: string, files: Record<string, string>, secretForms: readonly string[]): Promise<string> {
  const runs = join(reportsDir, RUNS_DIR);
  await mkdir(runs, { recursive: true });
  await rename(await stage(reportsDir, files, secretForms), join(runs, runId));
  return writeReportSet(reportsDir, files, secretForms);
}

/** After a run was killed between the two renames of a swap, latest is missing: restore the newest complete run. */
export async function recoverLatest(reportsDir: string): Promise<void> {
  const latest = join(reportsDir, 'latest');
  if (await exists(latest)) return;
  const runs = (await readdir(join(reportsDir, RUNS_DIR)).catch(() => [] as string[])).filter((name) => !name.startsWith('.')).sort();
  for (const runId of runs.reverse()) {
    const candidate = join(reportsDir, RUNS_DIR, runId);
    if (!(await exists(join(candidate, 'summary.json')))) continue;
    const staging = join(reportsDir, `.staging-${unique()}`);
    await cp(candidate, staging, { recursive: true });
    await swapInto(staging, latest);
    return;
  }
}

export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function stage(reportsDir: string, files: Record<string, string>, secretForms: readonly string[]): Promise<string> {
  const staging = join(reportsDir, `.staging-${unique()}`);
  await mkdir(staging, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(staging, name), redactText(text, secretForms));
  return staging;
}

/** Moves `staging` to `target`, retiring what was there; retried when another run swaps at the same moment. */
async function swapInto(staging: string, target: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const retired = `${target}.retired-${unique()}`;
    await rename(target, retired).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    try {
      await rename(staging, target);
      await rm(retired, { recursive: true, force: true });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another run put its set in place between our two renames: retire that one too and try again.
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 20) throw error;
      await rm(retired, { recursive: true, force: true });
    }
  }
}

let counter = 0;
function unique(): string {
  return `${process.pid}-${Date.now()}-${counter++}`;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
