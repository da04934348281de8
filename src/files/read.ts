import { readFile } from 'node:fs/promises';

/** A file's text, or null when there is no file (a first run, a fresh checkout); any other failure is thrown. */
export async function readTextIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
