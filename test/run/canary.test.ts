import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import type { CaseResult } from '../../src/results/index.ts';
import { runCli, type CliRun } from '../support/cli.ts';
import { stringPlaceholder } from '../../src/privacy/placeholder.ts';
import { leaksOf } from '../hostile/secret-encodings.ts';
import { CANARY, canaryValues, EMAIL_KEYS, PERSONAL, startCanaryVendor, USER_NAMED_BALANCE, VERIFY_PERSONAL } from '../support/canary-vendor.ts';

/** Every file under a folder, recursively, as text. */
async function filesUnder(root: string): Promise<Array<{ file: string; text: string }>> {
  const names = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return Promise.all(names.map(async (entry) => ({ file: join(entry.parentPath, entry.name), text: await readFile(join(entry.parentPath, entry.name), 'utf8') })));
}

type Vendor = Awaited<ReturnType<typeof startCanaryVendor>>;

describe('secrets and personal data never reach an artifact', () => {
  let vendor: Vendor;
  let root: string;
  const runs: Record<'clean' | 'hostile' | 'verified' | 'drifted', CliRun> = {} as never;

  const env = (whopMode: 'clean' | 'hostile' | 'drifted', reports: string) => ({
    WHOP_API_KEY: CANARY.key,
    WHOP_API_KEY_LIMITED: CANARY.limitedKey,
    WHOP_BASE_URL: vendor.url(whopMode, 'whop'),
    WHOP_LEDGER_ACCOUNT_ID: CANARY.whop.ledgerAccountId,
    WHOP_COMPANY_ID: CANARY.whop.companyId,
    WHOP_USER_ID: CANARY.whop.userId,
    MIDAZ_TOKEN: CANARY.midazToken,
    MIDAZ_BASE_URL: vendor.url('clean', 'midaz'),
    MIDAZ_ORGANIZATION_ID: CANARY.midaz.organizationId,
    MIDAZ_LEDGER_ID: CANARY.midaz.ledgerId,
    MIDAZ_ACCOUNT_ID: CANARY.midaz.accountId,
    XENDIT_SECRET_KEY: CANARY.xenditKey,
    XENDIT_BASE_URL: vendor.url('clean', 'xendit'),
    XENDIT_ACCOUNT_ID: CANARY.xendit.accountId,
    XENDIT_MANAGED_ACCOUNT_ID: CANARY.xendit.managedAccountId,
    CONFORM_MAX_BODY_BYTES: String(CANARY.maxBodyBytes),
    CONFORM_REPORTS_DIR: join(root, reports),
    CONFORM_BASELINES_DIR: join(root, 'baselines'),
    CONFORM_CONTRACTS_DIR: join(root, 'contracts'),
    GITHUB_ACTIONS: 'true',
  });
  const resultsOf = async (reports: string) => JSON.parse(await readFile(join(root, reports, 'latest', 'results.json'), 'utf8')) as CaseResult[];
  const bodyOf = (results: CaseResult[], vendorName: string, name: string) => JSON.parse(results.find((r) => r.vendor === vendorName && r.case === name)!.response!.body) as Record<string, any>;

  beforeAll(async () => {
    vendor = await startCanaryVendor();
    root = await mkdtemp(join(tmpdir(), 'conform-canary-'));
    // A run every vendor passes (so each records a contract), then the hostile answers, then the
    // Pact Verifier on the recorded contract against the same vendor and against a drifted one.
    runs.clean = await runCli(['run'], env('clean', 'reports-clean'));
    runs.hostile = await runCli(['run'], { ...env('hostile', 'reports-hostile'), CONFORM_VENDORS: 'whop' });
    // Each verification judges a copy of the clean run again (verify writes reports only for a stored run's vendors).
    for (const reports of ['reports-verified', 'reports-drifted']) await cp(join(root, 'reports-clean'), join(root, reports), { recursive: true, verbatimSymlinks: true });
    runs.verified = await runCli(['verify', '--vendor', 'whop'], env('clean', 'reports-verified'));
    runs.drifted = await runCli(['verify', '--vendor', 'whop'], env('drifted', 'reports-drifted'));
  }, 240_000);

  afterAll(async () => {
    await vendor.close();
  });

  it('plants the 37 personal values the issue names and two email keys, each in its own place', () => {
    expect(PERSONAL).toHaveLength(39);
    expect(new Set(PERSONAL.map((p) => p.value)).size).toBe(39);
  });

  it('each command ends as its answers warrant: clean passes, hostile fails, the contract verifies, drift breaks it', () => {
    expect(runs.clean.stderr).toBe('');
    expect(runs.clean.code).toBe(0);
    expect(runs.hostile.stderr).toBe('');
    expect(runs.hostile.code).toBe(1);
    expect(runs.verified.stderr).toBe('');
    expect(runs.verified.code).toBe(0);
    expect(runs.drifted.stderr).toBe('');
    expect(runs.drifted.code).toBe(1);
    expect(runs.drifted.stdout).toMatch(/^FAIL whop {4}by ledger account id/m);
  });

  it("the drifted verification's mismatches are in its report, where the scans below look for canaries", async () => {
    const report = JSON.parse(await readFile(join(root, 'reports-drifted', 'latest', 'whop.json'), 'utf8')) as VendorReport;
    expect(report.findings.filter((f) => f.id === 'contract-broken').length).toBeGreaterThan(0);
  });

  it('writes reports, baselines and a contract per vendor', async () => {
    const files = (await filesUnder(root)).map((f) => f.file);
    for (const name of ['whop.html', 'whop.json', 'midaz.json', 'xendit.json', 'junit.xml', 'results.json', 'conform-whop.json', 'conform-midaz.json', 'conform-xendit.json']) {
      expect(files.some((f) => f.endsWith(name)), name).toBe(true);
    }
    expect(files.some((f) => f.includes('baselines'))).toBe(true);
  });

  it('no canary appears in any file the commands wrote, in any format', async () => {
    const files = await filesUnder(root);
    expect(files.length).toBeGreaterThan(20);
    for (const { file, text } of files) {
      for (const canary of canaryValues()) expect(text, `${canary} in ${file}`).not.toContain(canary);
    }
  });

  it('an email used as an object key reaches no file and no log, written plain, URL-encoded or JSON-escaped; its placeholder stands in', async () => {
    const files = await filesUnder(root);
    const outputs = [...files, ...Object.entries(runs).map(([name, run]) => ({ file: name, text: run.stdout + run.stderr }))];
    for (const email of Object.values(EMAIL_KEYS)) {
      for (const { file, text } of outputs) expect(leaksOf(text, email), `${email} in ${file}`).toEqual([]);
    }
    // The keys were seen and kept their place: the baseline records them, and the finding points at them, by placeholder.
    const baselines = files.filter((f) => f.file.includes('baselines')).map((f) => f.text).join('\n');
    expect(baselines).toContain(`/${stringPlaceholder(EMAIL_KEYS.undocumented)}`);
    expect(baselines).toContain(`/metadata/${stringPlaceholder(EMAIL_KEYS.mapKey)}`);
  });

  it('no canary appears in the logs (stdout, stderr, GitHub annotations) of a run or of conform verify', () => {
    expect(runs.clean.stdout).toContain('::');
    expect(runs.hostile.stdout).toContain('::error');
    for (const [name, run] of Object.entries(runs)) {
      for (const canary of canaryValues()) expect(run.stdout + run.stderr, `${canary} in ${name}`).not.toContain(canary);
    }
    expect(VERIFY_PERSONAL.length).toBeGreaterThan(0);
  });

  it('keeps what is known not to be personal: sent ids, enums, typed amounts, uuids, date-times, listed codes', async () => {
    const results = await resultsOf('reports-clean');
    const whop = bodyOf(results, 'whop', 'by ledger account id');
    expect(whop.id).toBe(CANARY.whop.ledgerAccountId);
    expect(whop.balances[0]).toEqual({ balance: 1520.75, currency: 'usd', pending_balance: 120.5, reserve_balance: 0 });
    expect(whop.transfer_fee).toBe(0.25);
    expect(whop.payments_approval_status).toBe('approved');
    expect(whop.owner.typename).toBe('User');
    expect(whop.payout_account_details.status).toBe('connected');
    expect(whop.payout_account_details.latest_verification).toMatchObject({ id: 'verf_Canary0001', status: 'verified', last_error_code: 'document_expired' });
    const midaz = bodyOf(results, 'midaz', 'account');
    expect(midaz).toMatchObject({ id: CANARY.midaz.accountId, organizationId: CANARY.midaz.organizationId, assetCode: 'BRL', status: { code: 'ACTIVE' }, createdAt: '2026-02-25T21:06:37.197596Z' });
    const xendit = bodyOf(results, 'xendit', 'owned account');
    expect(xendit).toMatchObject({ id: CANARY.xendit.accountId, type: 'OWNED', status: 'LIVE', created: '2021-01-01T10:00:00Z' });
  });

  it('masks by position with placeholders of the same type and shape; keys and structure stay', async () => {
    const results = await resultsOf('reports-clean');
    const whop = bodyOf(results, 'whop', 'by ledger account id');
    const details = whop.payout_account_details;
    expect(details.email).toMatch(/^person-[0-9a-f]{8}@example\.invalid$/);
    expect(details.business_representative.date_of_birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(details.address.line1).toMatch(/^\d{2} [A-Z][a-z]{5} [A-Z][a-z]{5}$/);
    const dob = whop[stringPlaceholder('dob')];
    const accountNumber = whop[stringPlaceholder('account_number')];
    expect(Number.isInteger(dob) && String(dob).length === 8).toBe(true);
    expect(Number.isInteger(accountNumber) && String(accountNumber).length === 8).toBe(true);
    // Declared keys stay; an undocumented property's name is data, replaced by its placeholder.
    const undocumented = ['account_holder_name', 'tax_id', 'dob', 'contact_email', 'account_number', 'legal_name', 'secret_answer'];
    expect(Object.keys(whop)).toEqual(expect.arrayContaining(['id', 'balances', 'payout_account_details', ...undocumented.map(stringPlaceholder)]));
    expect(Object.keys(whop)).not.toEqual(expect.arrayContaining(['account_holder_name']));
    expect(Object.keys(details)).toEqual(expect.arrayContaining([stringPlaceholder('national_id'), 'business_name', 'address', 'business_representative']));
    // The same value gets the same placeholder wherever and whenever it is seen.
    const again = bodyOf(await resultsOf('reports-hostile'), 'whop', 'missing credentials');
    expect(again).toEqual(bodyOf(results, 'whop', 'missing credentials'));
    const cut = results.find((r) => r.case === 'by company id')!;
    expect(cut.response).toMatchObject({ truncated: true, body: expect.stringMatching(/^\[masked: \d+ bytes, [0-9a-f]{12}\]$/) });
    expect(cut.response!.headers['content-type']).toBe('application/json');
    expect(cut.response!.headers['x-account-holder']).not.toBe('Canary Header-Person');
  });

  it('masks a user named "balance" without renaming a single balance key; the contract still verifies', async () => {
    const results = await resultsOf('reports-clean');
    const body = bodyOf(results, 'whop', 'by user id');
    expect(body.owner.name).not.toBe(USER_NAMED_BALANCE);
    expect(body.balances.map((b: object) => Object.keys(b))).toEqual([
      ['balance', 'currency', 'pending_balance', 'reserve_balance'],
      ['balance', 'currency', 'pending_balance', 'reserve_balance'],
    ]);
    const contract = await readFile(join(root, 'contracts', 'conform-whop.json'), 'utf8');
    // One example per interaction that got a whole body: by ledger account id and by user id.
    expect(contract.match(/"balance": /g)?.length).toBe(2);
    expect(runs.verified.stdout).toMatch(/^ok {3}whop {4}by user id/m);
  });

  it('the evidence still shows where the personal data was, masked', async () => {
    const report = JSON.parse(await readFile(join(root, 'reports-clean', 'latest', 'whop.json'), 'utf8')) as VendorReport;
    const at = (pointer: string) => report.findings.find((f) => f.pointer === pointer);
    const holder = stringPlaceholder('account_holder_name');
    expect(at(`/${holder}`)).toMatchObject({ id: 'response-property-undocumented', observed: expect.stringMatching(new RegExp(`^${holder}: "[A-Z][a-z]{5} [A-Z][a-z]{5}"$`)) });
    expect(at(`/${stringPlaceholder('dob')}`)?.observed).toMatch(new RegExp(`^${stringPlaceholder('dob')}: \\d{8}$`));
    expect(at('/debug_token')).toBeUndefined();
    expect(at('/payout_account_details/business_name')).toMatchObject({ id: 'response-body-duplicate-key', observed: expect.stringMatching(/^kept "[A-Z][a-z]{5} [A-Z][a-z]{3} [A-Z][a-z]{2}"$/) });
    const hostile = JSON.parse(await readFile(join(root, 'reports-hostile', 'latest', 'whop.json'), 'utf8')) as VendorReport;
    expect(hostile.findings.map((f) => [f.case, f.id]).sort()).toEqual(
      expect.arrayContaining([
        ['by company id', 'response-property-type-mismatch'],
        ['by ledger account id', 'response-media-type-undocumented'],
        ['by user id', 'response-body-not-json'],
      ]),
    );
    expect(hostile.findings.find((f) => f.id === 'response-body-not-json')?.observed).toBe('not valid JSON (its text is not shown: it may hold personal data)');
  });
});
