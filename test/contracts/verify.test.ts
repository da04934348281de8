import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReportedFinding, VendorReport } from '../../src/report/types.ts';
import { runVerifier } from '../../src/contracts/run-verifier.ts';
import { DISPLAY_LIMIT } from '../../src/findings/finding.ts';
import { sandboxScenarios, startSandbox, type SandboxVendor as VendorName } from '../../src/sandbox/index.ts';
import { callCli, runCli } from '../support/cli.ts';

/**
 * Which interactions each drift scenario breaks, by case. The three `undocumented-fields`
 * scenarios break none, legitimately: they only add properties, and a Pact contract lets a
 * provider send more than the consumer relies on (the checker reports those as
 * response-property-undocumented, at info).
 */
const BROKEN: Record<VendorName, Record<string, string[]>> = {
  whop: {
    'amounts-as-strings': ['by company id', 'by ledger account id', 'by user id'],
    'enum-value-added': ['by company id'],
    'required-field-removed': ['by company id', 'by ledger account id', 'by user id'],
    'required-field-renamed': ['by company id', 'by ledger account id', 'by user id'],
    'field-nullable': ['by company id', 'by ledger account id', 'by user id'],
    'list-wrapper': ['by company id', 'by ledger account id', 'by user id'],
    'undocumented-fields': [],
    'status-drift': ['unknown id'],
    'error-body-html': ['insufficient scope', 'invalid credentials', 'malformed id', 'missing credentials', 'unknown id'],
    'error-body-text': ['insufficient scope', 'invalid credentials', 'malformed id', 'missing credentials', 'unknown id'],
    'error-body-mislabelled': ['insufficient scope', 'invalid credentials', 'malformed id', 'missing credentials', 'unknown id'],
    // Money drifts change values the contract holds by type, which is why conform checks them apart; only a
    // currency outside the documented enum is also outside what the contract holds.
    'amount-float-noise': [],
    'amount-beyond-double': [],
    'currency-code-unknown': ['by company id', 'by ledger account id', 'by user id'],
  },
  midaz: {
    'amounts-as-numbers': ['balances'],
    'enum-value-added': ['balances'],
    'field-nullable': ['account', 'balances'],
    'list-wrapper': ['balances'],
    'undocumented-fields': [],
    'date-format-drift': ['account', 'balances'],
    'status-drift': ['account unknown id', 'balances unknown id'],
    ...Object.fromEntries(
      ['error-body-html', 'error-body-text', 'error-body-mislabelled'].map((scenario) => [
        scenario,
        ['account invalid token', 'account malformed id', 'account missing token', 'account unknown id', 'balances invalid token', 'balances malformed id', 'balances missing token', 'balances unknown id'],
      ]),
    ),
    ...Object.fromEntries(
      [
        'position-ignores-overdraft',
        'position-hold-stale',
        'overdraft-headroom-ignores-usage',
        'overdraft-used-negative',
        'amount-scale-exceeded',
        'balances-asset-differs',
        'asset-code-unknown',
        'created-after-updated',
        'balances-of-another-account',
      ].map((scenario) => [scenario, []]),
    ),
    // A figure the contract recorded is gone: the headroom, or the limit of an overdraft made unlimited.
    'overdraft-headroom-when-unlimited': ['balances'],
    'overdraft-headroom-missing': ['balances'],
  },
  xendit: {
    'enum-value-added': ['managed account', 'owned account'],
    'required-field-removed': ['managed account', 'owned account'],
    'required-field-renamed': ['managed account', 'owned account'],
    'field-nullable': ['owned account'],
    'list-wrapper': ['managed account', 'owned account'],
    'undocumented-fields': [],
    'date-format-drift': ['managed account', 'owned account'],
    'status-drift': ['unknown id'],
    'error-body-html': ['invalid credentials', 'missing credentials', 'unknown id'],
    'error-body-text': ['invalid credentials', 'missing credentials', 'unknown id'],
    'error-body-mislabelled': ['invalid credentials', 'missing credentials', 'unknown id'],
    'updated-before-created': [],
    'id-not-echoed': [],
  },
};

// One `conform verify` per round, each vendor in its next drift scenario: as many verifications as Midaz has drifts cover them all.
const DRIFTS = Object.fromEntries(Object.entries(BROKEN).map(([vendor, scenarios]) => [vendor, Object.keys(scenarios)]));
const ROUNDS = Array.from({ length: Math.max(...Object.values(DRIFTS).map((list) => list.length)) }, (_, round) =>
  Object.entries(DRIFTS).flatMap(([vendor, scenarios]) => (scenarios[round] ? [{ vendor: vendor as VendorName, scenario: scenarios[round]! }] : [])),
);

let contractsDir: string;
let runReports: string;
let liveContractsDir: string;

beforeAll(async () => {
  // Contracts recorded once, against the faithful sandboxes; every test verifies these.
  contractsDir = await mkdtemp(join(tmpdir(), 'conform-verify-'));
  runReports = join(await mkdtemp(join(tmpdir(), 'conform-verify-run-')), 'reports');
  const run = await callCli(['run'], { CONFORM_CONTRACTS_DIR: contractsDir, CONFORM_REPORTS_DIR: runReports });
  expect(run.code).toBe(0);
  // The live fronts below (liveXenditFront) serve the faithful sandbox's fixtures: its contract is theirs
  // too, as a live run against them would have recorded it (marked live).
  liveContractsDir = await mkdtemp(join(tmpdir(), 'conform-verify-live-'));
  const pact = JSON.parse(await readFile(join(contractsDir, 'conform-xendit.sandbox.json'), 'utf8')) as { metadata: { conform: { target: string } } };
  pact.metadata.conform.target = 'live';
  await writeFile(join(liveContractsDir, 'conform-xendit.json'), JSON.stringify(pact, null, 2));
});

/** conform verify; its findings join a copy of the faithful run's reports unless the test names its own. */
async function verify(args: string[], env: Record<string, string> = {}) {
  let reportsDir = env.CONFORM_REPORTS_DIR;
  if (reportsDir === undefined) {
    reportsDir = join(await mkdtemp(join(tmpdir(), 'conform-verify-reports-')), 'reports');
    // Verbatim: latest is a relative link to its set, which must stay the copy's.
    await cp(runReports, reportsDir, { recursive: true, verbatimSymlinks: true });
  }
  const run = await callCli(['verify', ...args], { CONFORM_CONTRACTS_DIR: contractsDir, CONFORM_REPORTS_DIR: reportsDir, ...env });
  const report = async (vendor: string) => JSON.parse(await readFile(join(reportsDir, 'latest', `${vendor}.json`), 'utf8')) as VendorReport;
  return { ...run, report };
}

const contractFindings = (report: VendorReport): ReportedFinding[] => report.findings.filter((f) => f.id === 'contract-broken');
// Reports cut expected and observed to DISPLAY_LIMIT, contract findings like every other (the terminal shows the whole mismatch).
const displayed = (text: string) => (text.length > DISPLAY_LIMIT ? `${text.slice(0, DISPLAY_LIMIT - 1)}…` : text);

describe('conform verify against the faithful sandboxes', () => {
  it('verifies every interaction of every contract and exits 0', async () => {
    const run = await verify([], { CONFORM_REPORTS_DIR: runReports });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((line) => /^(ok|FAIL|skip|ERR)/.test(line))).toHaveLength(8 + 10 + 5);
    expect(lines.filter((line) => /^(FAIL|skip|ERR)/.test(line))).toEqual([]);
    expect(run.stdout).toContain('whop    8 verified, 0 broken, 0 skipped, 0 not verifiable');
  });

  it("leaves the run's report whole, with no contract finding", async () => {
    const whop = await (await verify(['--vendor', 'whop'], { CONFORM_REPORTS_DIR: runReports })).report('whop');
    expect(whop.interactions).toHaveLength(8);
    expect(contractFindings(whop)).toEqual([]);
    expect(whop.counts).toEqual({ breaking: 0, warning: 0, info: 0 });
  });
});

describe('conform verify against each drift scenario', () => {
  it('knows the outcome of every scenario the sandboxes have', () => {
    for (const vendor of Object.keys(BROKEN) as VendorName[]) {
      const scenarios = sandboxScenarios(vendor).map((s) => s.name).filter((name) => name !== 'faithful');
      expect(Object.keys(BROKEN[vendor]).sort(), vendor).toEqual(scenarios.sort());
    }
  });

  it.concurrent.each(ROUNDS.map((plan) => [plan.map(({ vendor, scenario }) => `${vendor}: ${scenario}`).join('; '), plan] as const))(
    '%s: exactly the documented interactions break',
    async (_name, plan) => {
      const env = Object.fromEntries(plan.map(({ vendor, scenario }) => [`${vendor.toUpperCase()}_SANDBOX_SCENARIO`, scenario]));
      const run = await verify([], { ...env, CONFORM_VENDORS: plan.map((p) => p.vendor).join(',') });
      expect(run.stderr).toBe('');
      const failed = run.stdout.split('\n').flatMap((line) => {
        const match = /^FAIL (\S+)\s+(.+) \((GET [^)]+)\)$/.exec(line);
        return match ? [[match[1]!, match[2]!]] : [];
      });
      for (const { vendor, scenario } of plan) {
        const cases = BROKEN[vendor][scenario]!;
        expect(failed.filter(([v]) => v === vendor).map(([, c]) => c), `${vendor} ${scenario}`).toEqual(cases);
        const findings = contractFindings(await run.report(vendor));
        expect([...new Set(findings.map((f) => f.case))].sort(), `${vendor} ${scenario}`).toEqual(cases);
        for (const finding of findings) {
          expect(finding).toMatchObject({ severity: 'breaking', vendor, expected: displayed(`${finding.case} (${finding.operation})`) });
          expect(finding.observed).toMatch(/\S/);
        }
      }
      expect(run.code).toBe(plan.some(({ vendor, scenario }) => BROKEN[vendor][scenario]!.length > 0) ? 1 : 0);
    },
    // Each round is three vendors through the Pact Verifier, and the rounds run side by side on a shared machine.
    120_000,
  );

  it('names the mismatch and where it is', async () => {
    const run = await verify(['--vendor', 'whop'], { WHOP_SANDBOX_SCENARIO: 'required-field-removed' });
    expect(run.stdout).toContain('FAIL whop    by company id (GET /ledger_accounts/{id})\n       at /: Actual map is missing the following keys: transfer_fee\n');
    const [finding] = contractFindings(await run.report('whop'));
    expect(finding).toMatchObject({
      operation: 'GET /ledger_accounts/{id}',
      status: 200,
      pointer: '',
      message: 'contract interaction by company id (GET /ledger_accounts/{id}) is broken: Actual map is missing the following keys: transfer_fee',
    });
  });

  it("adds its findings to the run's report, recounted, and replaces them on the next verification", async () => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'conform-verify-reports-'));
    await callCli(['run'], { CONFORM_VENDORS: 'xendit', CONFORM_CONTRACTS_DIR: await mkdtemp(join(tmpdir(), 'conform-unused-')), CONFORM_REPORTS_DIR: reportsDir });
    const env = { CONFORM_REPORTS_DIR: reportsDir, XENDIT_SANDBOX_SCENARIO: 'status-drift' };
    await verify(['--vendor', 'xendit'], env);
    const again = await verify(['--vendor', 'xendit'], env);
    const report = await again.report('xendit');
    expect(report.interactions).toHaveLength(5);
    expect(contractFindings(report).map((f) => [f.case, f.pointer, f.observed])).toEqual([
      ['unknown id', null, 'status: expected 404 but was 400'],
      ['unknown id', '/error_code', displayed("Expected 'API_VALIDATION_ERROR' to match '^(?:DESTINATION_ACCOUNT_NOT_FOUND|DATA_NOT_FOUND|CALLBACK_AUTHENTICATION_TOKEN_NOT_FOUND_ERROR)$'")],
    ]);
    expect(report.counts.breaking).toBe(report.findings.filter((f) => f.severity === 'breaking').length);
    const summary = JSON.parse(await readFile(join(reportsDir, 'latest', 'summary.json'), 'utf8')) as { vendors: Array<{ vendor: string; counts: unknown }> };
    expect(summary.vendors.find((v) => v.vendor === 'xendit')?.counts).toEqual(report.counts);
  });
});

describe('conform verify after a run of some vendors', () => {
  it('updates the reports of the vendors that ran, writes none for the others, and says which it skipped', async () => {
    const reportsDir = join(await mkdtemp(join(tmpdir(), 'conform-verify-some-')), 'reports');
    const ran = await callCli(['run'], { CONFORM_VENDORS: 'whop', CONFORM_REPORTS_DIR: reportsDir });
    expect(ran.code).toBe(0);
    const before = (await readdir(join(reportsDir, 'latest'))).sort();
    const run = await callCli(['verify'], { CONFORM_CONTRACTS_DIR: contractsDir, CONFORM_REPORTS_DIR: reportsDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^midaz {3}10 verified/m);
    expect(run.stdout).toContain('report of midaz not updated: the stored run did not run it\nreport of xendit not updated: the stored run did not run it\nreports: ');
    const after = (await readdir(join(reportsDir, 'latest'))).sort();
    expect(after).toEqual(before);
    expect(after).toContain('whop.json');
    expect(after.filter((name) => /^(midaz|xendit)\./.test(name))).toEqual([]);
    const summary = JSON.parse(await readFile(join(reportsDir, 'latest', 'summary.json'), 'utf8')) as { vendors: Array<{ vendor: string }> };
    expect(summary.vendors.map((v) => v.vendor)).toEqual(['whop']);
  });

  it('with no stored run at all, verifies and writes no report', async () => {
    const reportsDir = join(await mkdtemp(join(tmpdir(), 'conform-verify-none-')), 'reports');
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: contractsDir, CONFORM_REPORTS_DIR: reportsDir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`reports: none written (no stored run in ${join(reportsDir, 'latest')}; conform run writes one)\n`);
    await expect(readdir(join(reportsDir, 'latest'))).rejects.toThrow(/ENOENT/);
  });
});

describe("conform verify goes through the run's judge", () => {
  // One passing xendit run with its own baseline; each verification then breaks its contract and judges the stored run again.
  let base: Record<string, string>;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-verify-judge-'));
    base = { CONFORM_VENDORS: 'xendit', CONFORM_REPORTS_DIR: join(dir, 'reports'), CONFORM_BASELINES_DIR: join(dir, 'baselines') };
    const run = await callCli(['run'], { ...base, CONFORM_CONTRACTS_DIR: join(dir, 'unused-contracts') });
    expect(run.code).toBe(0);
  });

  async function verifyDrift(env: Record<string, string> = {}) {
    const verified = await verify(['--vendor', 'xendit'], { ...base, XENDIT_SANDBOX_SCENARIO: 'status-drift', ...env });
    const summary = JSON.parse(await readFile(join(base.CONFORM_REPORTS_DIR!, 'latest', 'summary.json'), 'utf8')) as { exitCode: number; vendors: Array<{ verdict: string }> };
    const markdown = await readFile(join(base.CONFORM_REPORTS_DIR!, 'latest', 'xendit.md'), 'utf8');
    return { code: verified.code, report: await verified.report('xendit'), summary, markdown };
  }

  it("fails the vendor's verdict and the summary's exit code, marks the findings new, and renders them; then rates and waives them like any finding", async () => {
    const { code, report, summary, markdown } = await verifyDrift();
    expect(code).toBe(1);
    expect(report.verdict).toBe('fail');
    expect(summary.exitCode).toBe(1);
    expect(summary.vendors[0]!.verdict).toBe('fail');
    expect(report.outcomes).toMatchObject({ failed: 1 });
    expect(contractFindings(report).map((f) => [f.state, f.severity])).toEqual([
      ['new', 'breaking'],
      ['new', 'breaking'],
    ]);
    expect(markdown).toContain('contract-broken');

    const rated = await verifyDrift({ CONFORM_SEVERITY: 'contract-broken=warning' });
    expect(contractFindings(rated.report).map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect([rated.report.verdict, rated.summary.exitCode]).toEqual(['pass', 0]);

    const waivers = join(await mkdtemp(join(tmpdir(), 'conform-waivers-')), 'waivers.yaml');
    await writeFile(waivers, 'waivers:\n  - id: contract-broken\n    vendor: xendit\n    reason: Xendit fixes the 404 this quarter (ticket 9)\n    expires: 2099-12-31\n');
    const waived = await verifyDrift({ CONFORM_WAIVERS_FILE: waivers });
    expect(contractFindings(waived.report).map((f) => f.state)).toEqual(['waived', 'waived']);
    expect([waived.report.verdict, waived.summary.exitCode]).toEqual(['pass', 0]);
  }, 120_000);
});

describe('conform verify cannot run', () => {
  it('with a judgement policy that cannot be used: exit 2 before any request', async () => {
    const run = await verify(['--vendor', 'xendit'], { CONFORM_WAIVERS_FILE: join(tmpdir(), 'conform-no-such-waivers.yaml') });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^conform verify: configuration error: .*conform-no-such-waivers\.yaml/);
  });

  it('without a stored contract: exit 2, naming the file and how to record it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'conform-no-contracts-'));
    // The real binary: its exit code is main's.
    const run = await runCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: empty });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `conform verify: no contract at ${join(empty, 'conform-xendit.sandbox.json')}; record one with: conform run, with the vendor on its embedded sandbox (faithful scenario)\n` });
  });

  it('with an unknown vendor: exit 2', async () => {
    const run = await verify(['--vendor', 'stripe']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conform verify: unknown vendor "stripe" (known: whop, midaz, xendit)\n');
  });

  it('when the vendor cannot be reached: exit 2, and no contract finding (a transport failure is not drift)', async () => {
    const run = await verify(['--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: liveContractsDir, XENDIT_SECRET_KEY: 'xnd_development_unreachable', XENDIT_BASE_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^problem: xendit: the Pact Verifier stopped: connect ECONNREFUSED 127.0.0.1:9$/m);
    expect(run.stdout).not.toMatch(/^FAIL/m);
  });
});

/**
 * Xendit as a live vendor would be: under a base path (/xendit), with its own key, in front of the
 * faithful sandbox. Every request is recorded; `route` may answer one itself (return true), else it
 * goes on to the sandbox without the base path (nor /moved, where the redirect test moves things),
 * the front's key swapped for the sandbox's.
 */
async function liveXenditFront(key: string, route: (path: string, response: ServerResponse, request: IncomingMessage) => boolean = () => false) {
  const sandbox = await startSandbox('xendit');
  const basic = (secret: string) => `Basic ${Buffer.from(`${secret}:`).toString('base64')}`;
  const received: Array<{ method: string; url: string; authorization: string | undefined }> = [];
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    received.push({ method: incoming.method ?? '', url: incoming.url ?? '', authorization: incoming.headers.authorization });
    const path = (incoming.url ?? '').replace(/^\/xendit/, '');
    if (route(path, response, incoming)) return;
    const onwardPath = path.replace(/^\/moved\//, '/');
    const headers = { ...incoming.headers, host: new URL(sandbox.url).host };
    if (headers.authorization === basic(key)) headers.authorization = basic(sandbox.credentials.secretKey!);
    const onward = forward(`${sandbox.url}${onwardPath}`, { method: incoming.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    incoming.pipe(onward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fronts.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await sandbox.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/xendit`, received };
}

const fronts: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(fronts.splice(0).map((close) => close()));
});

describe('conform verify against a production target', () => {
  /** The recorded Xendit contract plus a POST and a DELETE interaction, as a contract from elsewhere could hold. */
  async function contractWithWrites(): Promise<string> {
    const pact = JSON.parse(await readFile(join(liveContractsDir, 'conform-xendit.json'), 'utf8')) as { interactions: Array<Record<string, any>> };
    const owned = pact.interactions.find((i) => i.description === 'owned account (GET /v2/accounts/{id})')!;
    const write = (method: string, description: string, path: string) => ({ ...owned, description, comments: { case: description, operation: `${method} ${path}` }, request: { ...owned.request, method, path } });
    pact.interactions.push(write('POST', 'create account (POST /v2/accounts)', '/v2/accounts'), write('DELETE', 'remove account (DELETE /v2/accounts/{id})', owned.request.path));
    const dir = await mkdtemp(join(tmpdir(), 'conform-writes-'));
    await writeFile(join(dir, 'conform-xendit.json'), JSON.stringify(pact));
    return dir;
  }

  it('sends only GET and HEAD: the other interactions are skipped, never sent, with or without credentials', async () => {
    const key = 'xnd_production_conformFront0001';
    const front = await liveXenditFront(key);
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: await contractWithWrites(), CONFORM_ALLOW_PRODUCTION: '1', XENDIT_SECRET_KEY: key, XENDIT_BASE_URL: front.url });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('skip xendit  create account (POST /v2/accounts): POST is never sent to a production target\n');
    expect(run.stdout).toContain('skip xendit  remove account (DELETE /v2/accounts/{id}): DELETE is never sent to a production target\n');
    expect(run.stdout).toContain('xendit  5 verified, 0 broken, 2 skipped, 0 not verifiable');
    expect(run.code).toBe(0);
    expect(new Set(front.received.map((r) => r.method))).toEqual(new Set(['GET']));
  });

  it("the verifier's proxy refuses them too, should an unsafe interaction ever reach the verifier", async () => {
    const front = await liveXenditFront('xnd_production_conformFront0001');
    const contractFile = join(await contractWithWrites(), 'conform-xendit.json');
    const answer = await runVerifier({ contractFile, provider: 'xendit', providerBaseUrl: front.url, credentialHeaders: {}, production: true });
    expect(answer).toHaveProperty('report');
    expect(front.received.filter((r) => r.method === 'GET').length).toBeGreaterThan(0);
    expect(front.received.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a contract with two interactions of one description is refused before anything is sent', async () => {
    const key = 'xnd_production_conformFront0001';
    const front = await liveXenditFront(key);
    const dir = await contractWithWrites();
    const file = join(dir, 'conform-xendit.json');
    const pact = JSON.parse(await readFile(file, 'utf8')) as { interactions: Array<Record<string, any>> };
    // A DELETE hiding behind a GET's description would have escaped the production filter.
    pact.interactions.find((i) => i.request.method === 'DELETE')!.description = 'owned account (GET /v2/accounts/{id})';
    await writeFile(file, JSON.stringify(pact));
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: dir, CONFORM_ALLOW_PRODUCTION: '1', XENDIT_SECRET_KEY: key, XENDIT_BASE_URL: front.url });
    expect(run.stderr).toContain('two interactions share a description');
    expect(run.code).toBe(2);
    expect(front.received).toEqual([]);
  });

  it('a target that is not production is sent them (the contract above does hold writes)', async () => {
    const key = 'xnd_development_conformFront0001';
    const front = await liveXenditFront(key);
    await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: await contractWithWrites(), XENDIT_SECRET_KEY: key, XENDIT_BASE_URL: front.url });
    expect(front.received.map((r) => r.method).filter((method) => method !== 'GET').sort()).toEqual(['DELETE', 'POST']);
  });
});

describe('conform verify against a vendor that redirects', () => {
  it('follows a Location under its base path to the URL it names, with the credential', async () => {
    const key = 'xnd_development_conformFront0002';
    // /xendit/v2/... moved to /xendit/moved/v2/...: the Location is absolute-path, base path included.
    const front = await liveXenditFront(key, (path, response) => {
      if (path.startsWith('/moved/')) return false;
      response.writeHead(301, { location: `/xendit/moved${path}` }).end();
      return true;
    });
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: liveContractsDir, XENDIT_SECRET_KEY: key, XENDIT_BASE_URL: front.url });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('xendit  5 verified, 0 broken, 0 skipped, 0 not verifiable');
    expect(run.code).toBe(0);
    const asked = front.received.filter((r) => !r.url.startsWith('/xendit/moved/')).map((r) => r.url);
    const followed = front.received.filter((r) => r.url.startsWith('/xendit/moved/'));
    expect(asked.every((url) => url.startsWith('/xendit/v2/'))).toBe(true);
    expect(followed.map((r) => r.url.replace('/xendit/moved/', '/xendit/')).sort()).toEqual(asked.sort());
    expect(followed.some((r) => r.authorization === `Basic ${Buffer.from(`${key}:`).toString('base64')}`)).toBe(true);
  });
});

describe('conform verify against a vendor that is unavailable', () => {
  it('a 503 leaves its interaction not verifiable: never broken, no contract finding, exit 2', async () => {
    const key = 'xnd_development_conformFront0003';
    const withKey = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    const front = await liveXenditFront(key, (_path, response, request) => {
      if (request.headers.authorization !== withKey) return false;
      response.writeHead(503, { 'content-type': 'application/json' }).end('{"error_code":"SERVICE_UNAVAILABLE"}');
      return true;
    });
    const reportsDir = await mkdtemp(join(tmpdir(), 'conform-verify-reports-'));
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: liveContractsDir, CONFORM_REPORTS_DIR: reportsDir, XENDIT_SECRET_KEY: key, XENDIT_BASE_URL: front.url });
    // The three interactions sent with the key; the two without it are verified.
    for (const name of ['managed account', 'owned account', 'unknown id']) {
      expect(run.stdout).toContain(`ERR  xendit  ${name} (GET /v2/accounts/{id}): UNAVAILABLE: the vendor answered 503 Service Unavailable\n`);
    }
    expect(run.stdout).toContain('xendit  2 verified, 0 broken, 0 skipped, 3 not verifiable');
    expect(run.stdout).not.toMatch(/^FAIL/m);
    expect(run.code).toBe(2);
  });
});
