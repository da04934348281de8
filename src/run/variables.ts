import { loadVendors, type Env, type VendorDefinition, type VendorName } from '../vendors/index.ts';
import { closestName } from './closest-name.ts';

/**
 * Every CONFORM_* variable conform reads, as .env.example documents them. The one list: a test holds
 * it equal to .env.example and to every 'CONFORM_...' name in src/, so a misspelt variable is told
 * from a real one.
 */
export const CONFORM_VARIABLES: readonly string[] = [
  'CONFORM_VENDORS',
  'CONFORM_ALLOW_PRODUCTION',
  'CONFORM_REQUIRE_LIVE',
  'CONFORM_SANDBOX_RATE_LIMIT',
  'CONFORM_CONNECT_TIMEOUT_MS',
  'CONFORM_TIMEOUT_MS',
  'CONFORM_MAX_BODY_BYTES',
  'CONFORM_RETRIES',
  'CONFORM_CONCURRENCY',
  'CONFORM_SEVERITY',
  'CONFORM_REPORTS_DIR',
  'CONFORM_WAIVERS_FILE',
  'CONFORM_BASELINES_DIR',
  'CONFORM_INCONCLUSIVE_THRESHOLD',
  'CONFORM_HISTORY_RUNS',
  'CONFORM_REFRESH_SPECS',
  'CONFORM_CONSUMER',
  'CONFORM_CONTRACTS_DIR',
];

/** Read by conform but for its own tests only (src/files/test-kill.ts): known, never documented. */
export const CONFORM_TEST_HOOKS: readonly string[] = ['CONFORM_TEST_KILL_AT'];

/** The variable that picks a vendor's embedded sandbox scenario: WHOP_SANDBOX_SCENARIO. */
export function sandboxScenarioVariable(vendor: VendorName): string {
  return `${vendorPrefix(vendor)}SANDBOX_SCENARIO`;
}

/** The prefix of a vendor's variables: its name upper-cased, `-` as `_`, then `_` (acme-pay: ACME_PAY_). */
function vendorPrefix(vendor: VendorName): string {
  return `${vendor.toUpperCase().replaceAll('-', '_')}_`;
}

/**
 * One warning per variable with conform's prefix or a vendor's that nothing reads (a misspelt name is
 * otherwise silently ignored), naming the closest known name. Names only: a value may be a secret.
 */
export function unknownVariableWarnings(env: Env, cwd: string): string[] {
  return unknownVariables(env, loadVendors(cwd)).map(({ name, closest }) => `${name} is not a variable conform reads; did you mean ${closest}?`);
}

function unknownVariables(env: Env, vendors: readonly VendorDefinition[]): Array<{ name: string; closest: string }> {
  const families = [
    { prefix: 'CONFORM_', known: [...CONFORM_VARIABLES, ...CONFORM_TEST_HOOKS] },
    ...vendors.map((vendor) => ({ prefix: vendorPrefix(vendor.name), known: [...Object.keys(vendor.variables), sandboxScenarioVariable(vendor.name)] })),
  ];
  return Object.keys(env)
    .sort()
    .flatMap((name) => {
      const known = families.filter((family) => name.startsWith(family.prefix)).flatMap((family) => family.known);
      if (known.length === 0 || known.includes(name)) return [];
      return [{ name, closest: closestName(name, known)! }];
    });
}
