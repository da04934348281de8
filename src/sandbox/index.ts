import { midazSandbox } from './midaz/index.ts';
import { scenarioDoc, type ScenarioDoc } from './scenario.ts';
import { listen } from './server.ts';
import type { VendorDefinition } from './vendor.ts';
import { whopSandbox } from './whop/index.ts';
import { xenditSandbox } from './xendit/index.ts';

export type { ScenarioDoc } from './scenario.ts';

/** The vendors with a hand-made sandbox. Any other vendor is a name of its own (vendors/NAME.yaml). */
export type SandboxVendor = 'whop' | 'midaz' | 'xendit';

export const SANDBOX_VENDORS: readonly SandboxVendor[] = ['whop', 'midaz', 'xendit'];

export interface SandboxOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 'faithful'. */
  scenario?: string;
  /** Per credential, or per client when no credential is sent; above it: 429 with Retry-After. Default 50. */
  rateLimitPerSecond?: number;
  /** Where the vendor makes auth optional (authIsOptional): require the credential anyway. Default false. */
  requireAuth?: boolean;
  /** Milliseconds now, for the rate limiter; default Date.now. Tests freeze it so a window never slides mid-test. */
  clock?: () => number;
}

export interface RunningSandbox {
  vendor: SandboxVendor;
  scenario: string;
  /** Base URL the spec's paths are appended to. */
  url: string;
  credentials: Record<string, string>;
  fixtures: Record<string, string>;
  close(): Promise<void>;
}

const VENDORS: Readonly<Record<SandboxVendor, VendorDefinition>> = { whop: whopSandbox, midaz: midazSandbox, xendit: xenditSandbox };

export async function startSandbox(vendor: SandboxVendor, options: SandboxOptions = {}): Promise<RunningSandbox> {
  const definition = vendorDefinition(vendor);
  const scenario = options.scenario ?? 'faithful';
  const app = definition.createApp(scenario, { midazAuth: options.requireAuth ?? false });
  const listening = await listen(app, {
    host: options.host ?? '127.0.0.1',
    port: checkedInteger('port', options.port ?? 0, 0, 65535),
    rateLimitPerSecond: checkedInteger('rateLimitPerSecond', options.rateLimitPerSecond ?? 50, 1, Number.MAX_SAFE_INTEGER),
    clock: options.clock ?? Date.now,
  });
  return {
    vendor,
    scenario,
    url: `${listening.origin}${definition.basePath}`,
    credentials: { ...definition.credentials },
    fixtures: { ...definition.fixtures },
    close: listening.close,
  };
}

export function sandboxScenarios(vendor: SandboxVendor): ScenarioDoc[] {
  return vendorDefinition(vendor).scenarios.map(scenarioDoc);
}

// Callers from plain JavaScript or the CLI can pass any string; fail with the valid names.
function vendorDefinition(vendor: string): VendorDefinition {
  if (!Object.hasOwn(VENDORS, vendor)) {
    throw new Error(`Unknown sandbox vendor '${vendor}'; valid vendors: ${SANDBOX_VENDORS.join(', ')}`);
  }
  return VENDORS[vendor as SandboxVendor];
}

function checkedInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Invalid sandbox option ${name}: ${value}; expected an integer from ${min} to ${max}`);
  }
  return value;
}

/** Whether the vendor lets a client call without credentials (then a sandbox requires them only when asked to). */
export function authIsOptional(vendor: SandboxVendor): boolean {
  return vendor === 'midaz';
}

/** A vendor's embedded sandbox, as a run uses it: its scenarios, and a server started in one of them. */
export interface EmbeddedSandbox {
  scenarios: ScenarioDoc[];
  start(options: { scenario: string; rateLimitPerSecond: number }): Promise<RunningSandbox>;
}

/**
 * The embedded sandbox a vendor runs against when it is not configured live, or null when it has
 * none. The one place a sandbox is chosen for a vendor: a sandbox generated from the vendor's
 * document answers here for vendors without a hand-made one.
 */
export function embeddedSandboxFor(vendor: string): EmbeddedSandbox | null {
  if (!(SANDBOX_VENDORS as readonly string[]).includes(vendor)) return null;
  const name = vendor as SandboxVendor;
  return {
    scenarios: sandboxScenarios(name),
    // Auth is enforced even where the vendor makes it optional, so the 401 cases run too.
    start: (options) => startSandbox(name, { ...options, requireAuth: true }),
  };
}
