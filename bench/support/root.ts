import { join } from 'node:path';

/** The repository's root: bench children run there, and paths in the figures are relative to it. */
export const ROOT = join(import.meta.dirname, '..', '..');
