import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContract, verifyContract } from '../../src/contracts/index.ts';
import { planInteraction } from '../../src/contracts/interaction.ts';
import { writeContract } from '../../src/contracts/pact-writer.ts';
import { openRuntime, runCase } from '../../src/run/runtime.ts';
import type { VendorName, VendorTarget } from '../../src/vendors/index.ts';
import { readBody } from '../support/fixtures.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { fromVendorFile } from '../support/seed-vendors.ts';

// A contract recorded from one answer must still hold when the vendor answers the same shape with
// other ids, timestamps, amounts and list lengths: only a change of shape may break it.
const KEY = 'apik_volatile_test_key_0001';

interface Served {
  path: string;
  params: Record<string, string>;
  recorded: unknown;
  /** The next run's answer: same shape, other values. */
  next: unknown;
}

const whopAccount = readBody('whop-ledger-account.json') as { balances: Array<Record<string, unknown>> } & Record<string, unknown>;
const midazBalance = readBody('midaz-balance.json') as Record<string, unknown>;

const WHOP: Served = {
  path: '/ledger_accounts/ldgr_Recorded0001',
  params: { id: 'ldgr_Recorded0001' },
  recorded: { ...whopAccount, id: 'ldgr_Recorded0001' },
  next: {
    ...whopAccount,
    id: 'ldgr_SomethingElse42',
    balances: [{ ...whopAccount.balances[0], balance: 1500, pending_balance: 0.5, reserve_balance: 12 }],
  },
};

const MIDAZ: Served = {
  path: '/v1/organizations/o/ledgers/l/accounts/a/balances',
  params: { organization_id: 'o', ledger_id: 'l', account_id: 'a' },
  recorded: midazBalance,
  next: {
    ...midazBalance,
    id: '01938c2e-1111-7abc-8def-0123456789ab',
    available: '98765.43',
    onHold: '12.5',
    createdAt: '2027-03-04T05:06:07.5Z',
    updatedAt: '2027-03-04T05:06:07.123+02:00',
  },
};

describe('a recorded contract, verified against a later answer of the same shape', () => {
  let server: Server;
  let answers: Record<string, unknown>;
  let seenAuthorization: Array<string | undefined>;

  const target = (vendor: VendorName, spec?: string): VendorTarget => ({
    ...fromVendorFile(vendor),
    vendor,
    mode: 'live',
    scenario: null,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    production: false,
    credentials: { valid: KEY, limited: null },
    fixtures: {},
    headers: {},
    specs: spec ? [spec] : [],
  });

  /** The contract a run records from `served.recorded`: the real runtime checks and masks it first. */
  async function record(vendor: VendorName, operation: string, spec: string, served: Served): Promise<string> {
    answers = { [served.path]: served.recorded };
    const runtime = await openRuntime(target(vendor, spec), { cwd: REPO_ROOT });
    const result = await runCase(runtime, { name: 'fixture', operation, params: served.params, expectStatus: 200 }).finally(() => runtime.client.close());
    const file = join(await mkdtemp(join(tmpdir(), 'conform-volatile-')), `conform-${vendor}.json`);
    await writeContract(file, { consumer: 'conform', provider: vendor }, [planInteraction({ ...result, response: result.response! }, runtime.specs[0]!.document)], [], 'live');
    return file;
  }

  beforeAll(async () => {
    seenAuthorization = [];
    server = createServer((request, response) => {
      seenAuthorization.push(request.headers.authorization);
      const body = answers[request.url ?? ''];
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('holds for Whop: another ledger account id, integral and fractional amounts, fewer balances', async () => {
    const file = await record('whop', 'GET /ledger_accounts/{id}', 'specs/whop/1.0.0.yaml', WHOP);
    answers = { [WHOP.path]: WHOP.next };
    const verification = await verifyContract(target('whop'), await readContract(file));
    expect(verification.interactions.map((i) => [i.outcome, i.mismatches])).toEqual([['verified', []]]);
    expect(seenAuthorization.at(-1)).toBe(`Bearer ${KEY}`);
  });

  it('holds for Midaz: another UUID, other decimal-string amounts, timestamps with another fraction and zone', async () => {
    const file = await record('midaz', 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances', 'specs/midaz/3.7.1.yaml', MIDAZ);
    answers = { [MIDAZ.path]: MIDAZ.next };
    const verification = await verifyContract(target('midaz'), await readContract(file));
    expect(verification.interactions.map((i) => [i.outcome, i.mismatches])).toEqual([['verified', []]]);
  });

  it('breaks when the shape changes, so the two passes above are not vacuous', async () => {
    const file = await record('midaz', 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances', 'specs/midaz/3.7.1.yaml', MIDAZ);
    answers = { [MIDAZ.path]: { ...(MIDAZ.next as object), available: 98765.43, id: 'not-a-uuid' } };
    const verification = await verifyContract(target('midaz'), await readContract(file));
    expect(verification.interactions[0]!.outcome).toBe('broken');
    expect(verification.interactions[0]!.mismatches.map((m) => m.pointer)).toEqual(['/available', '/id']);
  });
});
