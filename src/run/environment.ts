import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeverityOverrides } from '../findings/index.ts';
import type { HttpClientOptions } from '../http/index.ts';
import type { VendorTarget } from '../vendors/index.ts';

/** What the run hands every suite worker (vitest `provide`): plain data. */
export interface SuiteEnvironment {
  cwd: string;
  targets: VendorTarget[];
  http: HttpClientOptions;
  severity: SeverityOverrides;
}

declare module 'vitest' {
  export interface ProvidedContext {
    conform: SuiteEnvironment;
  }
}

/**
 * The suites' folder, found from this module: suites/ beside src/ in the sources, dist/suites/ compiled,
 * wherever conform is installed (not the working directory's).
 */
export const SUITES_DIR = fileURLToPath(new URL('../../suites/', import.meta.url));

/** .ts in the sources, .js compiled: a compiled run has vitest load JavaScript, no TypeScript to transform. */
const SUITE_EXTENSION = extname(fileURLToPath(import.meta.url));

/** The suites of `vendors` in SUITES_DIR: the vendor files' cases, then the hand-written suites of each (suites/VENDOR/). */
export function suitesGlobFor(vendors: readonly string[]): string[] {
  return [`vendors.suite${SUITE_EXTENSION}`, ...vendors.map((vendor) => `${vendor}/**/*.suite${SUITE_EXTENSION}`)];
}

/** Every suite in SUITES_DIR; shared by vitest.config.ts and `conform run`. */
export const SUITES_GLOBS = suitesGlobFor(['*']);
