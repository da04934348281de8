import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { redactText } from './redact.ts';

/**
 * Writes one report file into an existing folder atomically (NAME.PID.tmp, then rename), so a reader
 * never sees half a file; the rest of the folder is left as it is. The text goes through redaction
 * like everything the writer writes.
 */
export async function writeReportFile(dir: string, name: string, text: string, secretForms: readonly string[]): Promise<string> {
  if (basename(name) !== name) throw new Error(`report file name must not contain a path: ${name}`);
  const target = join(dir, name);
  const staging = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(staging, redactText(text, secretForms));
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { force: true });
    throw error;
  }
  return target;
}
