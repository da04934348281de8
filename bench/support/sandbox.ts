import type { VendorName } from '../../src/sandbox/index.ts';
import { VENDORS, type VendorTarget } from '../../src/vendors/index.ts';
import { startTsChild } from './child.ts';

export interface SandboxProcess {
  url: string;
  fixtures: Record<string, string>;
  /** The target a run builds for this sandbox (as src/run/targets.ts does). */
  target: VendorTarget;
  close(): Promise<void>;
}

/** An embedded sandbox, unthrottled, in a child process. */
export async function spawnSandbox(vendor: VendorName): Promise<SandboxProcess> {
  const child = await startTsChild('bench/support/sandbox-process.ts', [vendor]);
  const { url, credentials, fixtures } = child.ready as { url: string; credentials: Record<string, string>; fixtures: Record<string, string> };
  const definition = VENDORS[vendor];
  const { valid, limited } = definition.sandboxCredentials;
  const target: VendorTarget = {
    vendor,
    mode: 'sandbox',
    scenario: 'faithful',
    baseUrl: url,
    production: false,
    credentials: { valid: credentials[valid] ?? null, limited: limited ? (credentials[limited] ?? null) : null },
    fixtures: { ...fixtures },
    headers: {},
    specs: [...definition.specs],
  };
  return { url, fixtures, target, close: child.stop };
}
