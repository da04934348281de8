import { resolve } from 'node:path';
import { embeddedSandboxFor, GenericSandboxError, type RunningSandbox } from '../sandbox/index.ts';
import { ConfigError, displayUrl, vendorNamed, vendorTarget, type VendorDefinition, type VendorTarget } from '../vendors/index.ts';
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
  // resolveRunConfig plans a sandbox only for a vendor that has a file.
  if (!definition) throw new ConfigError('CONFORM_VENDORS', `no vendor file for ${plan.vendor}`);
  const sandbox = await startEmbedded(definition, plan.scenario, config);
  started.push(sandbox);
  // A hand-made sandbox's credentials are named in the vendor file; a generic one's are `valid` and `limited`.
  const valid = definition.sandboxCredentials.valid ?? 'valid';
  const limited = definition.sandboxCredentials.limited ?? 'limited';
  // Fixtures by the vendor file's names, and by parameter name as a generic sandbox gives them.
  const fixtures: Record<string, string> = { ...sandbox.fixtures };
  for (const [name, parameter] of Object.entries(definition.fixtureParameters)) {
    const value = sandbox.fixtures[name] ?? sandbox.fixtures[parameter];
    if (value !== undefined) fixtures[name] = value;
  }
  const target = vendorTarget(definition, {
    mode: 'sandbox',
    scenario: plan.scenario,
    baseUrl: sandbox.url,
    production: false,
    credentials: { valid: sandbox.credentials[valid] ?? null, limited: sandbox.credentials[limited] ?? null },
    fixtures,
    headers: {},
  });
  // Tokens come from the sandbox, never from the vendor's own token URL: an offline run stays offline.
  if (target.auth.type !== 'oauth2-client-credentials') return target;
  if (sandbox.tokenUrl === null) throw new ConfigError(definition.file, `its embedded sandbox issues no OAuth 2.0 tokens for ${target.auth.name}`);
  return { ...target, auth: { ...target.auth, tokenUrl: sandbox.tokenUrl } };
}

/** Where a vendor runs, for the line each command prints before its cases: never with credentials in the URL. */
export function describeTarget(target: VendorTarget): string {
  return target.mode === 'sandbox' ? `embedded sandbox (${target.scenario}) at ${displayUrl(target.baseUrl)}` : `live at ${displayUrl(target.baseUrl)}`;
}

/** The vendor's embedded sandbox, started; a document the generic sandbox cannot serve is a located configuration error. */
async function startEmbedded(definition: VendorDefinition, scenario: string, config: RunConfig): Promise<RunningSandbox> {
  try {
    return await embeddedSandboxFor(definition.name).start({
      scenario,
      rateLimitPerSecond: config.sandboxRateLimit,
      document: resolve(config.cwd, definition.specs[0]!),
      scheme: definition.auth.name,
    });
  } catch (error) {
    if (error instanceof GenericSandboxError) throw new ConfigError(definition.file, `no embedded sandbox can serve its document: ${error.message}`);
    throw error;
  }
}
