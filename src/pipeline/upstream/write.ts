import { join, relative } from 'node:path';
import { NO_SECRETS, writeFileAtomically } from '../../files/index.ts';
import { vendorSpecsDir } from './base.ts';
import type { UpstreamCheck } from './check.ts';
import { refreshedFileName } from './version-name.ts';

type Changed = Extract<UpstreamCheck, { candidate: { yaml: string } }>;

/**
 * Writes a changed upstream as a new version in specs/VENDOR/ (the only place a refresh writes),
 * atomically, and returns its path relative to `cwd`. The vendor's published document holds none of our secrets.
 */
export async function writeRefreshed(check: Changed, cwd: string): Promise<string> {
  const dir = vendorSpecsDir(cwd, check.vendor);
  const file = join(dir, refreshedFileName(dir, check.candidate.version, check.candidate.retrievedAt));
  await writeFileAtomically(file, check.candidate.yaml, NO_SECRETS);
  return relative(cwd, file);
}
