import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { redactText } from './redact.ts';

/**
 * Writes one run's report files as a unit: into a staging folder first, then swapped in for
 * `latest`, so a run that dies half-way leaves the previous reports whole. Every file's text goes
 * through redaction on its way out.
 */
export async function writeReportSet(reportsDir: string, files: Record<string, string>, secretForms: readonly string[]): Promise<string> {
  const stamp = `${Date.now()}-${process.pid}`;
  const staging = join(reportsDir, `.staging-${stamp}`);
  const latest = join(reportsDir, 'latest');
  const retired = join(reportsDir, `.retired-${stamp}`);
  await mkdir(staging, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(staging, name), redactText(text, secretForms));
  await rename(latest, retired).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(staging, latest);
  await rm(retired, { recursive: true, force: true });
  return latest;
}

export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
