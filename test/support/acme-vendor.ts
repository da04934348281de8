import { cp, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, REPO_ROOT } from './paths.ts';

/** A fourth vendor no suite was written for: its document and vendor file (test/fixtures/vendor-acme). */
export const ACME = join(FIXTURES, 'vendor-acme');

export async function acmeVendorText(): Promise<string> {
  return readFile(join(ACME, 'vendors', 'acme.yaml'), 'utf8');
}

/**
 * A working directory with conform linked in and Acme as its only vendor: its vendor file is
 * `vendorText` (default the fixture's), and `.env` holds `dotenv` when given.
 */
export async function acmeCheckout(options: { vendorText?: string; dotenv?: string } = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'conform-acme-'));
  for (const entry of ['src', 'suites', 'schemas', 'bin', 'node_modules', 'package.json', 'vitest.config.ts']) await symlink(join(REPO_ROOT, entry), join(root, entry));
  await cp(join(ACME, 'specs'), join(root, 'specs'), { recursive: true });
  await cp(join(ACME, 'vendors'), join(root, 'vendors'), { recursive: true });
  if (options.vendorText !== undefined) await writeFile(join(root, 'vendors', 'acme.yaml'), options.vendorText);
  if (options.dotenv !== undefined) await writeFile(join(root, '.env'), options.dotenv);
  return root;
}

/** The 1-based line of the first line of `text` that contains `marker`. */
export function lineOf(text: string, marker: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(marker));
  if (index === -1) throw new Error(`"${marker}" is not in the text`);
  return index + 1;
}
