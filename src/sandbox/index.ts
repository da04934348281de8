import { startGenericSandbox } from './generic/index.ts';

export { GenericSandboxError, startGenericSandbox, type RunningGenericSandbox } from './generic/index.ts';
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
  /** A hand-made sandbox's vendor, or the vendor whose document a generic sandbox serves. */
  vendor: string;
  scenario: string;
  /** Base URL the spec's paths are appended to. */
  url: string;
  credentials: Record<string, string>;
  fixtures: Record<string, string>;
  /** Where the sandbox issues tokens for the run's oauth2 scheme (it stands in for the vendor's token URL); null otherwise. */
  tokenUrl: string | null;
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
    tokenUrl: null,
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

/** What a run starts a vendor's embedded sandbox with. */
export interface EmbeddedStart {
  scenario: string;
  rateLimitPerSecond: number;
  /** The vendor's newest document (an absolute path): what a generic sandbox serves. */
  document: string;
  /** The securitySchemes name the vendor's credential goes by: a generic sandbox's credentials are per scheme. */
  scheme: string;
  /** Default 0: a free port. */
  port?: number;
}

/** A vendor's embedded sandbox, as a run uses it: its scenarios, and a server started in one of them. */
export interface EmbeddedSandbox {
  scenarios: ScenarioDoc[];
  start(options: EmbeddedStart): Promise<RunningSandbox>;
}

const GENERIC_SCENARIOS: ScenarioDoc[] = [
  { name: 'faithful', description: 'Answers as the document says: its examples (or samples of its schemas), its errors, its auth.', expectedFindings: [] },
];

/**
 * The embedded sandbox a vendor runs against when it is not configured live: its hand-made one, or
 * for any other vendor a faithful sandbox generated from its document (generic/). The one place a
 * sandbox is chosen for a vendor.
 */
export function embeddedSandboxFor(vendor: string): EmbeddedSandbox {
  if (!(SANDBOX_VENDORS as readonly string[]).includes(vendor)) {
    return { scenarios: GENERIC_SCENARIOS, start: (options) => startGeneric(vendor, options) };
  }
  const name = vendor as SandboxVendor;
  return {
    scenarios: sandboxScenarios(name),
    // Auth is enforced even where the vendor makes it optional, so the 401 cases run too.
    start: (options) => startSandbox(name, { scenario: options.scenario, rateLimitPerSecond: options.rateLimitPerSecond, port: options.port, requireAuth: true }),
  };
}

/** The generic sandbox as a run's sandbox: its credentials for the vendor's scheme become `valid` and `limited`. */
async function startGeneric(vendor: string, options: EmbeddedStart): Promise<RunningSandbox> {
  const generic = await startGenericSandbox({ document: options.document, port: options.port });
  const scheme = generic.credentials[options.scheme];
  return {
    vendor,
    scenario: 'faithful',
    url: generic.url,
    credentials: scheme ? { valid: scheme.valid, limited: scheme.limited } : {},
    fixtures: generic.fixtures,
    tokenUrl: generic.tokenUrls[options.scheme] ?? null,
    close: generic.close,
  };
}
