import { readEnvironment } from '../../src/run/config.ts';
import { loadVendors } from '../../src/vendors/index.ts';
import { ROOT } from './root.ts';
import type { ProcessEnv } from './timed-process.ts';

/**
 * The environment of `conform run` on the embedded default, whatever this shell or .env configures:
 * every vendor and conform variable is blanked (a blank variable wins over .env and means "unset"),
 * then `set` (the output folders) is applied, so the bench never calls a live vendor or touches the repo.
 */
export function embeddedDefaultEnv(set: Record<string, string>): ProcessEnv {
  const configured = Object.keys(readEnvironment(ROOT, process.env)).filter((name) => /^(CONFORM_|PACT_)/.test(name));
  const vendorVariables = loadVendors(ROOT).flatMap((vendor) => Object.keys(vendor.variables));
  const blank = Object.fromEntries([...configured, ...vendorVariables, 'GITHUB_ACTIONS'].map((name) => [name, '']));
  return { ...process.env, ...blank, ...set };
}
