import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: tests read the real specs/ and fixtures from here. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
