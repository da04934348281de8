import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { readDocument } from '../../spec/index.ts';
import type { VendorDefinition } from '../../vendors/index.ts';

/** Where a vendor's refreshed documents are written: specs/VENDOR/ of the working directory. */
export function vendorSpecsDir(cwd: string, vendor: string): string {
  return resolve(cwd, 'specs', vendor);
}

/**
 * The newest checked-in version of a vendor's document, which an upstream is compared with: the
 * newest document an earlier refresh wrote to specs/VENDOR/ that the vendor file does not list yet
 * (written, not yet reviewed into `specs`), else the first of the vendor file's `specs`. Without the
 * first, a second refresh would find the same change again and write it again.
 */
export async function newestCheckedIn(vendor: VendorDefinition, cwd: string): Promise<string> {
  const listed = new Set(vendor.specs.map((file) => resolve(cwd, file)));
  const dir = vendorSpecsDir(cwd, vendor.name);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  } catch {
    return vendor.specs[0]!;
  }
  let newest: { file: string; retrievedAt: string } | null = null;
  for (const name of names) {
    const file = join(dir, name);
    if (listed.has(file)) continue;
    const retrievedAt = await refreshedAt(file);
    if (retrievedAt !== null && (newest === null || retrievedAt > newest.retrievedAt)) newest = { file, retrievedAt };
  }
  return newest === null ? vendor.specs[0]! : relative(cwd, newest.file);
}

/** x-provenance.upstream.retrievedAt of a document a refresh wrote; null for any other file (or one that cannot be read). */
async function refreshedAt(file: string): Promise<string | null> {
  try {
    // Read as the loader reads every document: a file it accepts (anchors and all) is never skipped here.
    const { document } = (await readDocument(file, file)) as { document: { 'x-provenance'?: { upstream?: { retrievedAt?: unknown } } } | null };
    const at = document?.['x-provenance']?.upstream?.retrievedAt;
    return typeof at === 'string' ? at : null;
  } catch {
    return null;
  }
}
