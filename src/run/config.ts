import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { SeverityOverrides } from '../findings/index.ts';
import { isFindingId, type Severity } from '../findings/index.ts';
import type { HttpClientOptions } from '../http/index.ts';
import { embeddedSandboxFor } from '../sandbox/index.ts';
import { targetAuth } from './auth.ts';
import { sandboxScenarioVariable } from './variables.ts';
import { shardVendors, type Shard } from './shard.ts';
import { ConfigError, flag, loadVendors, optional, vendorTarget, type Env, type VendorDefinition, type VendorName, type VendorTarget } from '../vendors/index.ts';

/** How one vendor runs: against its live endpoint, or against its embedded sandbox in a scenario. */
export type VendorPlan =
  | { vendor: VendorName; mode: 'live'; target: VendorTarget }
  | { vendor: VendorName; mode: 'sandbox'; scenario: string };

export interface RunConfig {
  /** The vendors this run runs: every selected one, or a shard's. */
  plans: VendorPlan[];
  /** A sharded run's slice, with every selected vendor's plan (all shards'): what its shards must agree on. */
  shard: (Shard & { every: VendorPlan[] }) | null;
  /** Every vendor file of the working directory, in run order. */
  vendors: readonly VendorDefinition[];
  http: HttpClientOptions;
  severity: SeverityOverrides;
  sandboxRateLimit: number;
  reportsDir: string;
  /** The working directory the vendor files and their documents are read from. */
  cwd: string;
}

/** The environment conform sees: .env in the working directory under the real environment (which wins). */
export function readEnvironment(cwd: string, env: Env): Env {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseDotenv(readFileSync(join(cwd, '.env')));
  } catch {
    // No .env: the environment alone configures the run.
  }
  return { ...fromFile, ...env };
}

/**
 * Validates every vendor file and variable up front, so a mistake stops the run before any request,
 * naming the variable or the file and line.
 */
export function resolveRunConfig(env: Env, cwd: string = process.cwd(), shard: Shard | null = null): RunConfig {
  const vendors = loadVendors(cwd);
  const selected = selectedVendors(env, vendors);
  if (flag(env, 'CONFORM_REQUIRE_LIVE')) requireLive(selected, env);
  const plans = selected.map((vendor) => planFor(vendor, env));
  const sliced = shard ? shardVendors(selected, shard) : selected;
  return {
    plans: plans.filter((plan) => sliced.some((vendor) => vendor.name === plan.vendor)),
    shard: shard ? { ...shard, every: plans } : null,
    vendors,
    http: httpOptions(env),
    severity: severityOverrides(env),
    sandboxRateLimit: integer(env, 'CONFORM_SANDBOX_RATE_LIMIT', 1, 50)!,
    reportsDir: reportsDirFrom(env),
    cwd,
  };
}

/** Where runs write their reports (CONFORM_REPORTS_DIR), relative to the working directory. */
export function reportsDirFrom(env: Env): string {
  return optional(env, 'CONFORM_REPORTS_DIR') ?? 'reports';
}

/** The HTTP client's options from CONFORM_* variables: what `conform run` and `conform audit` send with. */
export function httpOptions(env: Env): HttpClientOptions {
  return {
    connectTimeoutMs: integer(env, 'CONFORM_CONNECT_TIMEOUT_MS', 1, undefined),
    headersTimeoutMs: integer(env, 'CONFORM_TIMEOUT_MS', 1, undefined),
    bodyTimeoutMs: integer(env, 'CONFORM_TIMEOUT_MS', 1, undefined),
    maxBodyBytes: integer(env, 'CONFORM_MAX_BODY_BYTES', 1, undefined),
    concurrency: integer(env, 'CONFORM_CONCURRENCY', 1, undefined),
    retry: { maxRetries: integer(env, 'CONFORM_RETRIES', 0, undefined) },
  };
}

function selectedVendors(env: Env, vendors: readonly VendorDefinition[]): VendorDefinition[] {
  const known = vendors.map((vendor) => vendor.name);
  const list = optional(env, 'CONFORM_VENDORS');
  if (!list) return [...vendors];
  const names = list.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  for (const name of names) {
    if (!known.includes(name)) throw new ConfigError('CONFORM_VENDORS', `unknown vendor "${name}" (known: ${known.join(', ')})`);
  }
  if (names.length === 0) throw new ConfigError('CONFORM_VENDORS', `names no vendor (known: ${known.join(', ')})`);
  return vendors.filter((vendor) => names.includes(vendor.name));
}

/** A nightly that tests a sandbox because a secret is missing or misnamed must not go green: every such vendor, named with its variable. */
function requireLive(selected: readonly VendorDefinition[], env: Env): void {
  const sandboxed = selected.filter((vendor) => !optional(env, vendor.liveWhen));
  if (sandboxed.length === 0) return;
  const missing = sandboxed.map((vendor) => `${vendor.name} (${vendor.liveWhen} is not set)`).join(', ');
  throw new ConfigError('CONFORM_REQUIRE_LIVE', `every vendor must run live (CONFORM_REQUIRE_LIVE=1 or --live), but these would run against their embedded sandbox: ${missing}`);
}

function planFor(definition: VendorDefinition, env: Env): VendorPlan {
  const vendor = definition.name;
  const live = definition.liveTarget(env);
  if (live) {
    const target = vendorTarget(definition, { ...live, scenario: null });
    // A credential or token URL the scheme cannot use stops the run here, before any request.
    targetAuth(target);
    return { vendor, mode: 'live', target };
  }
  const sandbox = embeddedSandboxFor(vendor);
  const variable = sandboxScenarioVariable(vendor);
  const scenario = optional(env, variable) ?? 'faithful';
  const known = sandbox.scenarios.map((s) => s.name);
  if (!known.includes(scenario)) throw new ConfigError(variable, `unknown ${vendor} sandbox scenario "${scenario}" (known: ${known.join(', ')})`);
  return { vendor, mode: 'sandbox', scenario };
}

function integer(env: Env, name: string, min: number, fallback: number | undefined): number | undefined {
  const raw = optional(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(name, `must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

/** CONFORM_SEVERITY="response-property-undocumented=warning,response-header-missing=breaking". */
export function severityOverrides(env: Env): SeverityOverrides {
  const raw = optional(env, 'CONFORM_SEVERITY');
  if (!raw) return {};
  const overrides: SeverityOverrides = {};
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [id = '', severity = ''] = entry.split('=').map((part) => part.trim());
    if (!isFindingId(id)) throw new ConfigError('CONFORM_SEVERITY', `unknown finding id "${id}" (see docs/findings.md)`);
    if (!(SEVERITIES as string[]).includes(severity)) throw new ConfigError('CONFORM_SEVERITY', `"${entry}": severity must be one of ${SEVERITIES.join(', ')}`);
    overrides[id] = severity as Severity;
  }
  return overrides;
}
