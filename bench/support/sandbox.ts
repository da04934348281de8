import type { SandboxVendor as VendorName } from '../../src/sandbox/index.ts';
import { loadVendors, vendorNamed, vendorTarget, type VendorTarget } from '../../src/vendors/index.ts';
import { ROOT } from './root.ts';
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
  const definition = vendorNamed(loadVendors(ROOT), vendor)!;
  const { valid, limited } = definition.sandboxCredentials;
  const target = vendorTarget(definition, {
    mode: 'sandbox',
    scenario: 'faithful',
    baseUrl: url,
    production: false,
    credentials: { valid: valid ? (credentials[valid] ?? null) : null, limited: limited ? (credentials[limited] ?? null) : null },
    fixtures: { ...fixtures },
    headers: {},
  });
  return { url, fixtures, target, close: child.stop };
}
