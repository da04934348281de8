import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretForms } from '../../src/redaction/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { VENDORS, VENDOR_NAMES } from '../support/seed-vendors.ts';
import { callCli } from '../support/cli.ts';
import { LIVE, liveMidaz, liveWhop, liveXendit, type LiveVendor } from '../support/live-vendors.ts';
import { interaction, readPact, rulesAt, type PactJson } from './pact-json.ts';

const FILES = ['conform-midaz.sandbox.json', 'conform-whop.sandbox.json', 'conform-xendit.sandbox.json'];
const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

async function recordInto(env: Record<string, string> = {}, dir?: string): Promise<string> {
  dir ??= await mkdtemp(join(tmpdir(), 'conform-contracts-'));
  // Reports go elsewhere, so the contracts folder holds only what the contract step left in it.
  const reports = await mkdtemp(join(tmpdir(), 'conform-reports-'));
  const run = await callCli(['run'], { CONFORM_CONTRACTS_DIR: dir, CONFORM_REPORTS_DIR: reports, ...env });
  expect(run.stderr).toBe('');
  return dir;
}

async function contractTexts(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return (await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')))).join('\n');
}

describe('a run against the faithful sandboxes', () => {
  let first: string;
  let pacts: Record<string, PactJson>;

  beforeAll(async () => {
    first = await recordInto();
    pacts = Object.fromEntries(await Promise.all(VENDOR_NAMES.map(async (vendor) => [vendor, await readPact(first, `conform-${vendor}.sandbox.json`)])));
  });

  it('leaves one V4 contract per vendor, named CONSUMER-VENDOR.sandbox.json, and nothing else', async () => {
    expect((await readdir(first)).sort()).toEqual(FILES);
    for (const vendor of VENDOR_NAMES) {
      expect(pacts[vendor]!.consumer.name).toBe('conform');
      expect(pacts[vendor]!.provider.name).toBe(vendor);
      expect(pacts[vendor]!.metadata).toMatchObject({ pactSpecification: { version: '4.0' } });
    }
  });

  it('has one interaction per suite case, described "case (operation)", in description order', () => {
    const whop = pacts.whop!.interactions.map((i) => i.description);
    expect(whop).toEqual([...whop].sort());
    expect(whop).toEqual([
      'by company id (GET /ledger_accounts/{id})',
      'by ledger account id (GET /ledger_accounts/{id})',
      'by user id (GET /ledger_accounts/{id})',
      'insufficient scope (GET /ledger_accounts/{id})',
      'invalid credentials (GET /ledger_accounts/{id})',
      'malformed id (GET /ledger_accounts/{id})',
      'missing credentials (GET /ledger_accounts/{id})',
      'unknown id (GET /ledger_accounts/{id})',
    ]);
    expect(pacts.midaz!.interactions).toHaveLength(10);
    expect(pacts.xendit!.interactions).toHaveLength(5);
  });

  it('records the request without credentials, only which kind of credential the case sent', () => {
    const missing = interaction(pacts.whop!, 'missing credentials (GET /ledger_accounts/{id})');
    expect(missing.request).toEqual({
      method: 'GET',
      path: expect.stringMatching(/^\/ledger_accounts\/ldgr_/),
      headers: { accept: ['application/json'], 'x-conform-credential': ['none'] },
    });
    const kinds = pacts.whop!.interactions.map((i) => i.request.headers?.['x-conform-credential']?.[0]);
    expect(new Set(kinds)).toEqual(new Set(['valid', 'none', 'invalid', 'limited']));
    for (const pact of Object.values(pacts)) {
      for (const recorded of pact.interactions) expect(Object.keys(recorded.request.headers ?? {}).sort()).toEqual(['accept', 'x-conform-credential']);
    }
  });

  it('names the fixture each case needs as its provider state, and gives none to cases without one', () => {
    const byLedger = interaction(pacts.whop!, 'by ledger account id (GET /ledger_accounts/{id})');
    expect(byLedger.providerStates).toEqual([{ name: expect.stringMatching(/^ledger account ldgr_\w+ exists$/) }]);
    expect(interaction(pacts.whop!, 'malformed id (GET /ledger_accounts/{id})').providerStates).toBeUndefined();
    expect(byLedger.comments).toEqual({ case: 'by ledger account id', operation: 'GET /ledger_accounts/{id}' });
  });

  it('holds status, content type and body, with matchers from the schema and the observed values as examples', () => {
    const whop = interaction(pacts.whop!, 'by ledger account id (GET /ledger_accounts/{id})');
    expect(whop.response.status).toBe(200);
    expect(whop.response.headers).toEqual({ 'Content-Type': ['application/json; charset=utf-8'] });
    expect(whop.response.matchingRules?.header).toEqual({ 'Content-Type': { combine: 'AND', matchers: [{ match: 'regex', regex: '(?i)^application/json\\s*(;.*)?$' }] } });
    expect(rulesAt(whop, '$')).toEqual([['type']]);
    expect(rulesAt(whop, '$.id')).toEqual([['type'], ['regex', '^ldgr_[A-Za-z0-9]+$']]);
    expect(rulesAt(whop, '$.balances')).toEqual([['type', 0]]);
    expect(rulesAt(whop, '$.balances[*].balance')).toEqual([['number']]);
    expect(rulesAt(whop, '$.balances[*].currency')[1]).toEqual(['regex', expect.stringMatching(/^\^\(\?:usd\|sgd\|/)]);
    expect(rulesAt(whop, '$.ledger_type')).toEqual([['type'], ['regex', '^(?:primary|pool)$']]);
    expect(rulesAt(whop, '$.owner.typename')).toEqual([['equality']]);

    const company = interaction(pacts.whop!, 'by company id (GET /ledger_accounts/{id})');
    expect(rulesAt(company, '$.transfer_fee')).toEqual([['null']]);
    expect(rulesAt(company, '$.owner.id')).toEqual([['type'], ['regex', '^biz_[A-Za-z0-9]+$']]);

    const balance = interaction(pacts.midaz!, 'balances (GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances)');
    expect(rulesAt(balance, '$.createdAt')).toEqual([['datetime', "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX"]]);
    expect(rulesAt(balance, '$.deletedAt')).toEqual([['null']]);
    expect(rulesAt(balance, '$.id')).toEqual([['type'], ['regex', UUID]]);
    expect(rulesAt(balance, '$.available')).toEqual([['type']]);
    expect(rulesAt(balance, '$.version')).toEqual([['integer']]);
    expect(balance.response.body?.content).toMatchObject({ available: '0', overdraftUsed: '1250.75', assetCode: 'BRL' });

    const owned = interaction(pacts.xendit!, 'owned account (GET /v2/accounts/{id})');
    expect(rulesAt(owned, '$.created')).toEqual([['datetime', "yyyy-MM-dd'T'HH:mm:ssXXX"]]);
    expect(rulesAt(owned, '$.id')).toEqual([['type'], ['regex', '^[0-9a-f]{24}$']]);
  });

  it('gives byte-identical contracts when the vendors are unchanged', async () => {
    const second = await recordInto();
    expect(await contractTexts(second)).toBe(await contractTexts(first));
  });

  it('holds none of the sandboxes\' credentials, in any wire form', async () => {
    const secrets: string[] = [];
    for (const vendor of VENDOR_NAMES) {
      const sandbox = await startSandbox(vendor);
      secrets.push(...Object.values(sandbox.credentials), VENDORS[vendor].invalidCredential);
      await sandbox.close();
    }
    const text = await contractTexts(first);
    expect(secrets.length).toBeGreaterThan(4);
    for (const form of secretForms(secrets)) expect(text, form).not.toContain(form);
  });
});

describe('a run against a sandbox in a drift scenario', () => {
  it('records no contract for it: a planted fault is not a vendor to rely on', async () => {
    const dir = await recordInto({ CONFORM_VENDORS: 'whop,xendit', WHOP_SANDBOX_SCENARIO: 'required-field-removed' });
    expect((await readdir(dir)).filter((name) => name.endsWith('.json'))).toEqual(['conform-xendit.sandbox.json']);
  });
});

describe('a run against live vendors', () => {
  let servers: LiveVendor[];
  let dir: string;
  const consumer = { CONFORM_CONSUMER: 'ledger-platform' };
  const LIVE_FILES = ['ledger-platform-midaz.json', 'ledger-platform-whop.json', 'ledger-platform-xendit.json'];
  const SANDBOX_FILES = ['ledger-platform-midaz.sandbox.json', 'ledger-platform-whop.sandbox.json', 'ledger-platform-xendit.sandbox.json'];

  beforeAll(async () => {
    const [whop, midaz, xendit] = (servers = [await liveWhop(), await liveMidaz(), await liveXendit()]);
    // The sandbox first, into the same folder: the live run must not take its place, nor it the live run's.
    dir = await recordInto(consumer);
    await recordInto({
      ...consumer,
      WHOP_API_KEY: LIVE.whopKey,
      WHOP_API_KEY_LIMITED: LIVE.whopLimitedKey,
      WHOP_BASE_URL: `${whop!.url}/api/v1`,
      WHOP_API_VERSION: '2026-11-01',
      WHOP_LEDGER_ACCOUNT_ID: LIVE.whopLedgerAccount,
      WHOP_COMPANY_ID: LIVE.whopCompany,
      WHOP_USER_ID: LIVE.whopUser,
      MIDAZ_BASE_URL: midaz!.url,
      MIDAZ_TOKEN: LIVE.midazToken,
      MIDAZ_ORGANIZATION_ID: LIVE.midazOrganization,
      MIDAZ_LEDGER_ID: LIVE.midazLedger,
      MIDAZ_ACCOUNT_ID: LIVE.midazAccount,
      XENDIT_SECRET_KEY: LIVE.xenditKey,
      XENDIT_BASE_URL: xendit!.url,
      XENDIT_ACCOUNT_ID: LIVE.xenditAccount,
    }, dir);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('names the contracts after CONFORM_CONSUMER, live ones apart from sandbox ones, and skips the case whose fixture is unset', async () => {
    expect((await readdir(dir)).filter((name) => name.endsWith('.json')).sort()).toEqual([...LIVE_FILES, ...SANDBOX_FILES].sort());
    const xendit = await readPact(dir, 'ledger-platform-xendit.json');
    expect(xendit.interactions.map((i) => i.description)).not.toContain('managed account (GET /v2/accounts/{id})');
  });

  it("records Whop's api-version-date header, which the vendor is called with", async () => {
    const whop = await readPact(dir, 'ledger-platform-whop.json');
    for (const recorded of whop.interactions) expect(recorded.request.headers?.['api-version-date']).toEqual(['2026-11-01']);
  });

  it('keeps what the live vendors answered when a sandbox run comes after', async () => {
    const texts = async (names: string[]) => Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
    const live = await texts(LIVE_FILES);
    const sandbox = await texts(SANDBOX_FILES);
    // The live stand-ins hold other fixtures than the sandboxes: the two kinds of contract differ.
    expect(live).not.toEqual(sandbox);
    await recordInto(consumer, dir);
    expect(await texts(LIVE_FILES)).toEqual(live);
    expect(await texts(SANDBOX_FILES)).toEqual(sandbox);
  });

  it('holds none of the live keys, in any wire form', async () => {
    const text = (await Promise.all(LIVE_FILES.map((name) => readFile(join(dir, name), 'utf8')))).join('\n');
    const keys = [LIVE.whopKey, LIVE.whopLimitedKey, LIVE.midazToken, LIVE.xenditKey, ...VENDOR_NAMES.map((v) => VENDORS[v].invalidCredential)];
    for (const form of secretForms(keys)) expect(text, form).not.toContain(form);
  });
});
