import { embeddedSandboxFor, type RunningSandbox } from '../sandbox/index.ts';
import { ConfigError, vendorNamed, vendorTarget, type VendorTarget } from '../vendors/index.ts';
import type { RunConfig, VendorPlan } from './config.ts';

export interface Targets {
  targets: VendorTarget[];
  close(): Promise<void>;
}

/** Turns each vendor's plan into a target, starting an embedded sandbox on a free loopback port where it runs one. */
export async function startTargets(config: RunConfig): Promise<Targets> {
  const sandboxes: RunningSandbox[] = [];
  const close = async () => {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
  };
  try {
    const targets: VendorTarget[] = [];
    for (const plan of config.plans) targets.push(plan.mode === 'live' ? plan.target : await sandboxTarget(plan, config, sandboxes));
    return { targets, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function sandboxTarget(plan: Extract<VendorPlan, { mode: 'sandbox' }>, config: RunConfig, started: RunningSandbox[]): Promise<VendorTarget> {
  const definition = vendorNamed(config.vendors, plan.vendor);
  const embedded = embeddedSandboxFor(plan.vendor);
  // resolveRunConfig plans a sandbox only for a vendor that has a file and a sandbox.
  if (!definition || !embedded) throw new ConfigError('CONFORM_VENDORS', `no embedded sandbox for ${plan.vendor}`);
  const sandbox = await embedded.start({ scenario: plan.scenario, rateLimitPerSecond: config.sandboxRateLimit });
  started.push(sandbox);
  const { valid, limited } = definition.sandboxCredentials;
  return vendorTarget(definition, {
    mode: 'sandbox',
    scenario: plan.scenario,
    baseUrl: sandbox.url,
    production: false,
    credentials: { valid: valid ? (sandbox.credentials[valid] ?? null) : null, limited: limited ? (sandbox.credentials[limited] ?? null) : null },
    fixtures: { ...sandbox.fixtures },
    headers: {},
  });
}
