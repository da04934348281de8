import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRunConfig } from '../../src/run/config.ts';
import { CONFORM_TEST_HOOKS, CONFORM_VARIABLES, unknownVariableWarnings } from '../../src/run/variables.ts';
import { ConfigError } from '../../src/vendors/index.ts';
import { VENDORS } from '../support/seed-vendors.ts';
import { runCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const configError = (env: Record<string, string>) => {
  try {
    resolveRunConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('no configuration error');
};

describe('vendor selection', () => {
  it('runs every vendor against its sandbox when nothing is configured', () => {
    expect(resolveRunConfig({}).plans).toEqual([
      { vendor: 'whop', mode: 'sandbox', scenario: 'faithful' },
      { vendor: 'midaz', mode: 'sandbox', scenario: 'faithful' },
      { vendor: 'xendit', mode: 'sandbox', scenario: 'faithful' },
    ]);
  });

  it('runs a vendor live when its credential (Midaz: its base URL) is set', () => {
    const plans = resolveRunConfig({ WHOP_API_KEY: 'k', MIDAZ_BASE_URL: 'https://ledger.example.test/' }).plans;
    expect(plans.map((p) => [p.vendor, p.mode])).toEqual([['whop', 'live'], ['midaz', 'live'], ['xendit', 'sandbox']]);
    expect(plans[0]).toMatchObject({ target: { baseUrl: 'https://sandbox-api.whop.com/api/v1', production: false } });
    expect(plans[1]).toMatchObject({ target: { baseUrl: 'https://ledger.example.test', credentials: { valid: null } } });
  });

  it('CONFORM_VENDORS narrows the run and names an unknown vendor', () => {
    expect(resolveRunConfig({ CONFORM_VENDORS: 'xendit, whop' }).plans.map((p) => p.vendor)).toEqual(['whop', 'xendit']);
    expect(configError({ CONFORM_VENDORS: 'whop,stripe' })).toBe('CONFORM_VENDORS: unknown vendor "stripe" (known: whop, midaz, xendit)');
  });
});

describe('CONFORM_REQUIRE_LIVE', () => {
  it('names every selected vendor that would run against its sandbox, with the variable it lacks', () => {
    expect(configError({ CONFORM_REQUIRE_LIVE: '1', WHOP_API_KEY: 'k' })).toBe(
      'CONFORM_REQUIRE_LIVE: every vendor must run live (CONFORM_REQUIRE_LIVE=1 or --live), but these would run against their embedded sandbox: midaz (MIDAZ_BASE_URL is not set), xendit (XENDIT_SECRET_KEY is not set)',
    );
  });

  it('holds only the selected vendors, and is off when 0 or blank', () => {
    expect(resolveRunConfig({ CONFORM_REQUIRE_LIVE: '1', CONFORM_VENDORS: 'whop', WHOP_API_KEY: 'k' }).plans.map((p) => p.mode)).toEqual(['live']);
    for (const off of ['0', ' ']) expect(resolveRunConfig({ CONFORM_REQUIRE_LIVE: off }).plans.map((p) => p.mode)).toEqual(['sandbox', 'sandbox', 'sandbox']);
  });

  it('refuses a value that is neither 1 nor 0, without echoing it', () => {
    expect(configError({ CONFORM_REQUIRE_LIVE: 'true' })).toBe('CONFORM_REQUIRE_LIVE: must be 1 (on) or 0 (off)');
  });
});

describe('a base URL variable without the live variable', () => {
  it('is an error naming both, not a silent sandbox run', () => {
    expect(configError({ WHOP_BASE_URL: 'https://sandbox-api.whop.com/api/v1' })).toBe(
      'WHOP_BASE_URL: is set but WHOP_API_KEY is not; set WHOP_API_KEY to run against it, or unset WHOP_BASE_URL to run against the embedded sandbox',
    );
    expect(configError({ XENDIT_BASE_URL: 'https://api.xendit.co' })).toMatch(/^XENDIT_BASE_URL: is set but XENDIT_SECRET_KEY is not;/);
  });

  it('is the live switch itself for a vendor whose live variable is its base URL', () => {
    expect(resolveRunConfig({ MIDAZ_BASE_URL: 'https://ledger.example.test' }).plans.find((p) => p.vendor === 'midaz')!.mode).toBe('live');
  });
});

describe('unknown variables with conform\'s or a vendor\'s prefix', () => {
  const warnings = (env: Record<string, string>) => unknownVariableWarnings(env, REPO_ROOT);

  it('are warned about with the closest known name, and never with their value', () => {
    const env = { CONFORM_VENDOR: 'whop', WHOP_SANDBOX_SCENARO: 'drift', XENDIT_SECRET: 'xnd_development_secret_value', PATH: '/bin', OTHER_THING: '1' };
    expect(warnings(env)).toEqual([
      'CONFORM_VENDOR is not a variable conform reads; did you mean CONFORM_VENDORS?',
      'WHOP_SANDBOX_SCENARO is not a variable conform reads; did you mean WHOP_SANDBOX_SCENARIO?',
      'XENDIT_SECRET is not a variable conform reads; did you mean XENDIT_SECRET_KEY?',
    ]);
  });

  it('are not warned about when conform or the vendor file reads them', () => {
    const known = [...CONFORM_VARIABLES, ...CONFORM_TEST_HOOKS, ...Object.values(VENDORS).flatMap((v) => Object.keys(v.variables)), 'MIDAZ_SANDBOX_SCENARIO'];
    expect(warnings(Object.fromEntries(known.map((name) => [name, ''])))).toEqual([]);
  });
});

describe('CONFORM_SEVERITY', () => {
  it('sets the severity of the IDs it names and of no other', () => {
    const env = { CONFORM_SEVERITY: ' response-property-undocumented=warning , response-header-missing=breaking,' };
    expect(resolveRunConfig(env).severity).toEqual({ 'response-property-undocumented': 'warning', 'response-header-missing': 'breaking' });
    expect(resolveRunConfig({}).severity).toEqual({});
  });
});

describe('the production guard', () => {
  it("refuses Whop's production host unless CONFORM_ALLOW_PRODUCTION=1", () => {
    const env = { WHOP_API_KEY: 'k', WHOP_BASE_URL: 'https://api.whop.com/api/v1' };
    expect(configError(env)).toMatch(/^WHOP_BASE_URL: .*production.*CONFORM_ALLOW_PRODUCTION=1/);
    expect(resolveRunConfig({ ...env, CONFORM_ALLOW_PRODUCTION: '1' }).plans[0]).toMatchObject({ target: { production: true } });
  });

  it('refuses an xnd_production_ key unless CONFORM_ALLOW_PRODUCTION=1', () => {
    expect(configError({ XENDIT_SECRET_KEY: 'xnd_production_abc' })).toMatch(/^XENDIT_SECRET_KEY: an xnd_production_ key is a production credential/);
    expect(configError({ XENDIT_SECRET_KEY: 'xnd_production_abc', CONFORM_ALLOW_PRODUCTION: 'yes' })).toMatch(/CONFORM_ALLOW_PRODUCTION=1/);
  });
});

describe('malformed values name the variable', () => {
  it.each([
    [{ WHOP_API_KEY: 'k', WHOP_BASE_URL: 'not a url' }, 'WHOP_BASE_URL: "not a url" is not a URL'],
    [{ MIDAZ_BASE_URL: 'ftp://ledger.example.test' }, 'MIDAZ_BASE_URL: must be an http(s) URL, got ftp:'],
    [{ XENDIT_SECRET_KEY: 'x', XENDIT_BASE_URL: 'https://user:pw@api.xendit.co' }, 'XENDIT_BASE_URL: must not contain credentials'],
    [{ CONFORM_TIMEOUT_MS: 'soon' }, 'CONFORM_TIMEOUT_MS: must be a whole number of at least 1, got "soon"'],
    [{ CONFORM_SEVERITY: 'response-nope=info' }, 'CONFORM_SEVERITY: unknown finding id "response-nope"'],
    [{ CONFORM_SEVERITY: 'response-header-missing=fatal' }, 'CONFORM_SEVERITY: "response-header-missing=fatal": severity must be one of breaking, warning, info'],
    [{ WHOP_SANDBOX_SCENARIO: 'nope' }, 'WHOP_SANDBOX_SCENARIO: unknown whop sandbox scenario "nope"'],
  ])('%j', (env, message) => {
    expect(configError(env)).toContain(message);
  });

  it('stop the CLI with exit code 2 and one line, before any request', async () => {
    const run = await runCli(['run'], { CONFORM_VENDORS: 'stripe' });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'conform run: configuration error: CONFORM_VENDORS: unknown vendor "stripe" (known: whop, midaz, xendit)\n' });
  });
});

/** Every source file of src/ but those named, joined. */
const sources = (...except: string[]) =>
  readdirSync(join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !except.includes(file))
    .map((file) => readFileSync(join(REPO_ROOT, 'src', file), 'utf8'))
    .join('\n');

describe('the registry of CONFORM_ variables', () => {
  it('is exactly what .env.example documents', () => {
    const documented = [...readFileSync(join(REPO_ROOT, '.env.example'), 'utf8').matchAll(/^(CONFORM_[A-Z0-9_]+)=/gm)].map((m) => m[1]!);
    expect([...CONFORM_VARIABLES].sort()).toEqual(documented.sort());
  });

  it('is every CONFORM_ name src/ reads: string literals and env.CONFORM_ properties (error codes aside)', () => {
    // Codes of HTTP failures (src/http), never read from the environment.
    const errorCodes = ['CONFORM_CONNECTION_RESET', 'CONFORM_DECODING', 'CONFORM_REDIRECT_LIMIT'];
    // The registry itself aside, or every name in it would count as read.
    const named = [...sources('run/variables.ts').matchAll(/(?:['"`]|env\.)(CONFORM_[A-Z0-9_]*[A-Z0-9])\b/g)].map((m) => m[1]!);
    const read = [...new Set(named)].filter((name) => !errorCodes.includes(name));
    expect(read.sort()).toEqual([...CONFORM_VARIABLES, ...CONFORM_TEST_HOOKS].sort());
  });
});

describe('.env.example', () => {
  it('documents every variable conform reads', () => {
    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    const read = [...sources().matchAll(/\((?:env, )'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]!);
    const vendorVariables = Object.values(VENDORS).flatMap((v) => Object.keys(v.variables));
    const scenarios = Object.keys(VENDORS).map((v) => `${v.toUpperCase()}_SANDBOX_SCENARIO`);
    const all = new Set([...read, ...vendorVariables, ...scenarios]);
    expect(all.size).toBeGreaterThan(25);
    for (const name of all) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
