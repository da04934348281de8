import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/index.ts';
import { BURSAR_CLIENT, BURSAR_SECRET, BURSAR_SPEC, BURSAR_TOKEN, bursarCheckout, LEDGER, startBursar, type BursarServer } from '../support/bursar-vendor.ts';
import { callCli, runCli, type CliRun } from '../support/cli.ts';

const CLIENT = `${BURSAR_CLIENT}:${BURSAR_SECRET}`;

/**
 * Onboarding as a user does it: `conform init` with the flags of the audit, then the nightly run and
 * the contract verification from the file alone, live (client credentials from the environment) and
 * offline (the sandbox generated from the document issues the tokens).
 */
describe('an oauth2 client-credentials vendor joins the nightly run through conform init', () => {
  let bursar: BursarServer;
  let root: string;
  let init: CliRun;
  const outputs = (name: string) => ({ CONFORM_VENDORS: 'bursar', CONFORM_REPORTS_DIR: join(root, name, 'reports'), CONFORM_CONTRACTS_DIR: join(root, name, 'contracts'), CONFORM_BASELINES_DIR: join(root, name, 'baselines') });
  const report = async (name: string) => JSON.parse(await readFile(join(root, name, 'reports', 'latest', 'bursar.json'), 'utf8')) as VendorReport;
  const noSecret = (text: string) => {
    for (const secret of [BURSAR_SECRET, encodeURIComponent(BURSAR_SECRET), BURSAR_TOKEN]) expect(text).not.toContain(secret);
  };

  beforeAll(async () => {
    bursar = await startBursar();
    root = await bursarCheckout();
    init = await runCli(['init', '--vendor', 'bursar', '--spec', BURSAR_SPEC, '--base-url', bursar.url, '--auth', 'bursarOAuth=env:BURSAR_CLIENT', '--fixture', `ledger_id=${LEDGER}`], { BURSAR_CLIENT: CLIENT }, root);
    // Listed as never personal, what a vendor echoes there reaches the reports unmasked: only redaction stands between them and a token.
    await appendFile(join(root, 'vendors', 'bursar.yaml'), 'nonPersonal: [/currency, /data/*/amount]\n');
  });
  afterAll(() => bursar.close());

  it('init writes the vendor file with the credential as a variable', async () => {
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const file = await readFile(join(root, 'vendors', 'bursar.yaml'), 'utf8');
    expect(file).toContain('valid: ${BURSAR_CLIENT}');
    noSecret(file + init.stdout);
  });

  it('runs live: one token for the run, every derived case passing, coverage naming the fixture it lacks, and verifies its contract, redacting the token a vendor echoes', async () => {
    const env = { ...outputs('live'), BURSAR_CLIENT: CLIENT };
    const run = await callCli(['run'], env, root);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    const live = await report('live');
    expect(live).toMatchObject({ mode: 'live', baseUrl: bursar.url, outcomes: { passed: 9, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 } });
    expect(live.coverage?.find((c) => c.operation === 'GET /accounts/{account_id}')).toMatchObject({ state: 'not-reachable', missingFixtures: [{ fixture: 'account_id' }] });
    expect(bursar.tokenRequests).toBe(1);
    const contract = await readFile(join(root, 'live', 'contracts', 'conform-bursar.json'), 'utf8');
    expect(JSON.parse(contract).interactions).toHaveLength(9);

    const verify = await callCli(['verify'], env, root);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    // The verifier got a token of its own from the token endpoint, and sent it.
    expect(bursar.tokenRequests).toBe(2);
    noSecret(run.stdout + run.stderr + verify.stdout + verify.stderr + contract + (await readFile(join(root, 'live', 'reports', 'latest', 'bursar.md'), 'utf8')));

    // The same contract verified against a vendor that echoes the verifier's own token: it comes back in the mismatches, redacted.
    const echoing = await startBursar({ echoSecrets: true });
    try {
      const broken = await callCli(['verify'], { ...env, BURSAR_BASE_URL: echoing.url }, root);
      expect(broken.code, broken.stdout + broken.stderr).toBe(1);
      expect(broken.stdout).toContain('[redacted]');
      noSecret(broken.stdout + broken.stderr + (await readFile(join(root, 'live', 'reports', 'latest', 'bursar.json'), 'utf8')));
    } finally {
      await echoing.close();
    }
  });

  it('runs offline against the generated sandbox, which issues the tokens', async () => {
    const before = bursar.requests.length;
    const run = await callCli(['run'], outputs('sandbox'), root);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    // The sandbox knows an account id and has a limited client: 13 cases, where live had 9.
    expect(await report('sandbox')).toMatchObject({ mode: 'sandbox', outcomes: { passed: 13, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 } });
    expect(bursar.requests.length).toBe(before);
  });

  it('shows what a vendor echoes of its token and client secret only redacted, where privacy would let the values through', async () => {
    const echoing = await startBursar({ echoSecrets: true });
    try {
      const run = await callCli(['run'], { ...outputs('echo'), BURSAR_CLIENT: CLIENT, BURSAR_BASE_URL: echoing.url }, root);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const echoed = await report('echo');
      // The token echoed as a currency is also no currency code (currency-code-unknown): redacted there too.
      expect(echoed.findings.filter((f) => f.observed?.includes('[redacted]')).map((f) => `${f.id} ${f.pointer}`).sort()).toEqual([
        'currency-code-unknown /currency',
        'response-body-schema-mismatch /data/0/amount',
        'response-property-enum-mismatch /currency',
      ]);
      const written = await Promise.all(['bursar.json', 'bursar.md', 'bursar.html', 'results.json'].map((file) => readFile(join(root, 'echo', 'reports', 'latest', file), 'utf8')));
      noSecret(written.join('\n') + run.stdout + run.stderr);

    } finally {
      await echoing.close();
    }
  });
});
