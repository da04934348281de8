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

/** The suite that runs every vendor file's explicit cases. */
const VENDOR_FILES_SUITE = 'suites/vendors.suite.ts';

/** Where the suites live (the vendor files' cases, then hand-written suites per vendor); shared by vitest.config.ts and `conform run`. */
export const SUITES_GLOBS = [VENDOR_FILES_SUITE, 'suites/*/**/*.suite.ts'];

export function suitesGlobFor(vendors: readonly string[]): string[] {
  return [VENDOR_FILES_SUITE, ...vendors.map((vendor) => `suites/${vendor}/**/*.suite.ts`)];
}
