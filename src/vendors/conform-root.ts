import { fileURLToPath } from 'node:url';

/**
 * conform's own folder (package.json, schemas/), found from this module wherever conform is installed:
 * two folders up in the sources (src/vendors/), three compiled (dist/src/vendors/).
 */
export const CONFORM_ROOT = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../' : '../../../', import.meta.url));
