import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A version usable as a file name: what `conform specs import` accepts, at most 64 characters. */
const SAFE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The file a refreshed document is written to in `dir` (specs/VENDOR/): its info.version when no
 * file has it yet, else the version with the retrieval date (1.0.0-2026-11-30, then -2, -3 for more
 * refreshes that day), since a vendor may change a document without changing its version. A version
 * that is no safe file name is "upstream". The name never leaves `dir`.
 */
export function refreshedFileName(dir: string, version: string, retrievedAt: string): string {
  const safe = SAFE_VERSION.test(version) && !version.includes('..') ? version : 'upstream';
  const free = (name: string) => !['yaml', 'yml', 'json'].some((ext) => existsSync(join(dir, `${name}.${ext}`)));
  if (free(safe)) return `${safe}.yaml`;
  const dated = `${safe}-${retrievedAt.slice(0, 10)}`;
  if (free(dated)) return `${dated}.yaml`;
  let n = 2;
  while (!free(`${dated}-${n}`)) n++;
  return `${dated}-${n}.yaml`;
}
