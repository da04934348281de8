import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeverityOverrides } from '../findings/index.ts';
import type { HttpClientOptions } from '../http/index.ts';
import type { ParsedDocument } from '../spec/index.ts';
import type { VendorTarget } from '../vendors/index.ts';

/** What the run hands every suite worker (vitest `provide`): plain data. */
export interface SuiteEnvironment {
  cwd: string;
  targets: VendorTarget[];
  http: HttpClientOptions;
  severity: SeverityOverrides;
  /** The documents the run parsed already: the worker reads the same files and need not parse them again. */
  documents: readonly ParsedDocument[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    conform: SuiteEnvironment;
  }
}

/** .ts in the sources, .js compiled: a compiled run has vitest load JavaScript, no TypeScript to transform. */
const SUITE_EXTENSION = extname(fileURLToPath(import.meta.url));

/**
 * conform's own suite of the vendor files' cases, found from this module: suites/ beside src/ in the
 * sources, dist/suites/ compiled, wherever conform is installed (not the working directory's).
 */
const VENDOR_FILES_SUITE = fileURLToPath(new URL(`../../suites/vendors.suite${SUITE_EXTENSION}`, import.meta.url));

/**
 * Compiled, conform's own modules (dist/src/) load natively in the suite worker, as its dependencies do,
 * instead of through vite's transform (a second module graph built in the main thread, then sent over).
 * In the sources they are TypeScript, which vite has to transform.
 */
export const SUITE_EXTERNALS: RegExp[] = SUITE_EXTENSION === '.js' ? [pathPrefix(fileURLToPath(new URL('../', import.meta.url)))] : [];

/**
 * The suites of `vendors`: conform's suite of the vendor files' cases (an absolute pattern), then the
 * project's hand-written suites of each (suites/VENDOR/ in the working directory, TypeScript or JavaScript).
 */
export function suitesGlobFor(vendors: readonly string[]): string[] {
  return [VENDOR_FILES_SUITE, ...vendors.map((vendor) => `suites/${vendor}/**/*.suite.{ts,js}`)];
}

/** Every suite; shared by vitest.config.ts and `conform run`. */
export const SUITES_GLOBS = suitesGlobFor(['*']);

function pathPrefix(folder: string): RegExp {
  return new RegExp(`^${folder.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`);
}
