import { startSandbox, type RunningSandbox } from '../sandbox/index.ts';
import { VENDORS, type VendorTarget } from '../vendors/index.ts';
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
  const definition = VENDORS[plan.vendor];
  // Midaz's token is optional; the sandbox enforces it so the 401 cases run too.
  const sandbox = await startSandbox(plan.vendor, { scenario: plan.scenario, rateLimitPerSecond: config.sandboxRateLimit, midazAuth: true });
  started.push(sandbox);
  const { valid, limited } = definition.sandboxCredentials;
  return {
    vendor: plan.vendor,
    mode: 'sandbox',
    scenario: plan.scenario,
    baseUrl: sandbox.url,
    production: false,
    credentials: { valid: sandbox.credentials[valid] ?? null, limited: limited ? (sandbox.credentials[limited] ?? null) : null },
    fixtures: { ...sandbox.fixtures },
    headers: {},
    specs: [...definition.specs],
  };
}
