import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ownedName, removeLeftovers } from '../files/leftovers.ts';
import { redactText } from '../redaction/index.ts';

const TEMPORARY = /.+\.tmp/;

/**
 * Writes one report file into an existing folder atomically (a temporary NAME.tmp-PID-…, then rename),
 * so a reader never sees half a file; the rest of the folder is left as it is, but for the temporary
 * files of killed writers. The text goes through redaction like everything the writer writes.
 */
export async function writeReportFile(dir: string, name: string, text: string, secretForms: readonly string[]): Promise<string> {
  if (basename(name) !== name) throw new Error(`report file name must not contain a path: ${name}`);
  const target = join(dir, name);
  await removeLeftovers(dir, TEMPORARY);
  const staging = join(dir, ownedName(`${name}.tmp`));
  try {
    await writeFile(staging, redactText(text, secretForms));
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { force: true });
    throw error;
  }
  return target;
}
