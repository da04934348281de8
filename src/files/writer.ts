import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { redactText } from '../redaction/index.ts';
import { ownedName, removeLeftovers } from './leftovers.ts';
import { testKillPoint } from './test-kill.ts';

/**
 * The secrets of a text that provably holds none (a vendor's own document, or text read back from a file
 * this writer already redacted). Every write names its secrets: there is no default to forget.
 */
export const NO_SECRETS: readonly string[] = Object.freeze([]);

/**
 * A file's text: whole, or as pieces written one after another (read from disk as they are written,
 * when async), so a text too large to hold twice (a contract of thousands of interactions, already
 * redacted) is never held whole. A secret form could span two pieces: pieces written with secret forms
 * are joined and redacted whole.
 */
export type FileText = string | Iterable<string> | AsyncIterable<string>;

/**
 * The one writer of every file conform writes: reports, contracts, baselines, imported documents.
 * The text goes through redaction, into a temporary sibling (NAME.tmp-PID-…, see ownedName), to disk
 * (fsync), and is renamed over `file`, so a reader sees the old file or the new one, never half of
 * one. A failed write removes its temporary file; those of killed writers are removed first.
 */
export async function writeFileAtomically(file: string, text: FileText, secretForms: readonly string[]): Promise<string> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  await removeLeftovers(dir, TEMPORARY);
  const temporary = join(dir, ownedName(`${basename(file)}.tmp`));
  try {
    await writeRedacted(temporary, text, secretForms);
    testKillPoint(`staged:${basename(file)}`);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return file;
}

/**
 * Runs `use` with a fresh folder beside `file`, for a tool that only writes into a folder (pact-core),
 * and removes the folder after; one that a killed run left is removed by the next call.
 */
export async function withScratchFolder<T>(file: string, use: (folder: string) => Promise<T>): Promise<T> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  await removeLeftovers(dir, /\.staging/);
  const folder = join(dir, ownedName('.staging'));
  await mkdir(folder);
  try {
    return await use(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const TEMPORARY = /.+\.tmp/;

/** Creates `path` (never over an existing file or link) with the redacted text, on disk before it is renamed into sight. */
export async function writeRedacted(path: string, text: FileText, secretForms: readonly string[]): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    // On an open handle, each writeFile goes on from where the last one ended.
    const batches = typeof text !== 'string' && secretForms.length === 0 ? batched(text) : [redactText(typeof text === 'string' ? text : await joined(text), secretForms)];
    for await (const batch of batches) await handle.writeFile(batch);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** About this much text per write: few system calls, and never much more than one piece held twice. */
const WRITE_CHARS = 1 << 20;

async function* batched(pieces: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const piece of pieces) {
    pending += piece;
    if (pending.length < WRITE_CHARS) continue;
    yield pending;
    pending = '';
  }
  if (pending) yield pending;
}

async function joined(pieces: Iterable<string> | AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}
