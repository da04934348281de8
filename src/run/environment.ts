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

/** Where the suites live; shared by vitest.config.ts and `conform run`. */
export const SUITES_GLOB = 'suites/*/**/*.suite.ts';

export function suitesGlobFor(vendors: readonly string[]): string[] {
  return vendors.map((vendor) => `suites/${vendor}/**/*.suite.ts`);
}
