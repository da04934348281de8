import { describe, expect, it } from 'vitest';
import { checkResponse, recognitions, type CheckOptions } from '../../../src/checks/index.ts';
import { recognisedRules } from '../../../src/checks/semantic/recognise.ts';
import { FINDING_KINDS } from '../../../src/findings/index.ts';
import { createMidazStore, MIDAZ_FIXTURES } from '../../../src/sandbox/midaz/data.ts';
import { createWhopStore, WHOP_FIXTURES } from '../../../src/sandbox/whop/data.ts';
import { createXenditStore, XENDIT_FIXTURES } from '../../../src/sandbox/xendit/data.ts';
import { getAtPointer } from '../../../src/json/index.ts';
import { loadSpec } from '../../../src/spec/load.ts';
import { NO_SEMANTIC_INPUT } from '../../../src/checks/index.ts';
import { readBody } from '../../support/fixtures.ts';
import { REPO_ROOT } from '../../support/paths.ts';
import { answering, specOf } from './spec-of.ts';

const load = (file: string) => loadSpec(file, { cwd: REPO_ROOT });
const MIDAZ_ACCOUNT = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}';
const MIDAZ_BALANCE = `${MIDAZ_ACCOUNT}/balances`;
const rows = (found: Awaited<ReturnType<typeof recognitions>>) => found.map(({ operation, kind, at }) => `${operation.split(' ')[0]} ${kind} ${at}`);

describe('recognised ledger shapes', () => {
  it('Midaz balances: the ids the path asks for, the figures beside the asset code, the timestamps; no volumes', async () => {
    const found = recognitions(await load('specs/midaz/3.7.1.yaml'));
    expect(rows(found)).toEqual([
      'GET id-echo /organizationId',
      'GET id-echo /ledgerId',
      'GET id-echo /accountId',
      'GET amount-currency /available',
      'GET amount-currency /onHold',
      'GET amount-currency /overdraftUsed',
      'GET timestamps ',
    ]);
    expect(found[3]!.why).toBe('property available beside currency property assetCode');
  });

  it("Midaz's account answers the account asked for with its own id", async () => {
    expect(rows(recognitions(await load('specs/midaz/3.7.0.yaml')))).toEqual(['GET id-echo /organizationId', 'GET id-echo /ledgerId', 'GET id-echo /id', 'GET timestamps ']);
  });

  it("Whop's balances: each entry's figures with its own currency; its id parameter accepts a user's or company's id too, so no echo", async () => {
    const spec = await load('specs/whop/1.0.0.yaml');
    expect(rows(recognitions(spec))).toEqual(['GET amount-currency /balances/*/balance', 'GET amount-currency /balances/*/pending_balance', 'GET amount-currency /balances/*/reserve_balance']);
    const [rule] = recognisedRules(spec, spec.operations[0]!).amounts;
    expect(rule).toEqual({ at: '/balances/*/balance', currency: { pointer: '/balances/*/currency' }, source: { origin: 'recognised', why: 'property balance beside currency property currency' } });
  });

  it("Xendit's created and updated", async () => {
    expect(rows(recognitions(await load('specs/xendit/2026-01-08.yaml')))).toEqual(['GET id-echo /id', 'GET timestamps ']);
  });

  it('volumes, amounts in array items, list items answering the path, through $ref and allOf, and a schema that contains itself', async () => {
    const spec = await load('test/fixtures/specs/money.yaml');
    const wallet = recognisedRules(spec, spec.operations[0]!);
    expect(wallet.invariants.map((r) => r.text)).toEqual(['/volumes/balance == /volumes/input - /volumes/output']);
    expect(wallet.invariants[0]!.check).toEqual({
      kind: 'compare',
      operator: '==',
      left: { kind: 'pointer', pointer: '/volumes/balance' },
      right: { kind: 'arithmetic', operator: '-', left: { kind: 'pointer', pointer: '/volumes/input' }, right: { kind: 'pointer', pointer: '/volumes/output' } },
    });
    expect(wallet.amounts.map((r) => r.at)).toContain('/holdings/*/amount');
    expect(wallet.amounts.map((r) => r.at)).not.toContain('/parent/amount');
    expect(wallet.echoes.map((r) => [r.parameter, r.at])).toEqual([
      ['account_id', '/account_id'],
      ['wallet_id', '/id'],
    ]);
    expect(wallet.timestamps[0]).toMatchObject({ created: '/created_at', updated: '/updated_at', deleted: '/deleted_at' });
    const entries = recognisedRules(spec, spec.operations[1]!);
    expect(entries.echoes.map((r) => [r.parameter, r.at])).toEqual([['ledgerId', '/items/*/ledger_id']]);
  });

  it('are found once per document', async () => {
    const spec = await load('specs/whop/1.0.0.yaml');
    expect(recognisedRules(spec, spec.operations[0]!)).toBe(recognisedRules(spec, spec.operations[0]!));
  });
});

describe('faithful bodies raise no semantic finding with recognised rules alone', () => {
  const semanticIds = (spec: Awaited<ReturnType<typeof load>>, key: string, body: unknown, params: Record<string, string>) => {
    const options: CheckOptions = { integrity: true, semantic: { ...NO_SEMANTIC_INPUT, params } };
    const response = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
    return checkResponse(spec, spec.operations.find((o) => o.key === key)!, response, options)
      .filter((f) => FINDING_KINDS[f.id].category === 'semantic')
      .map((f) => [f.id, f.pointer]);
  };
  const midazParams = { organization_id: MIDAZ_FIXTURES.organizationId, ledger_id: MIDAZ_FIXTURES.ledgerId, account_id: MIDAZ_FIXTURES.accountId };
  // The seed bodies are the vendor's own examples: the ids they answer are their own.
  const seedParams = (body: unknown) => {
    const { organizationId, ledgerId, accountId, id } = body as Record<string, string>;
    return { organization_id: organizationId!, ledger_id: ledgerId!, account_id: accountId ?? id! };
  };

  it('Midaz: the seed balance and account, and the sandbox records', async () => {
    const [balances, accounts] = await Promise.all([load('specs/midaz/3.7.1.yaml'), load('specs/midaz/3.7.0.yaml')]);
    const store = createMidazStore();
    const { organizationId, ledgerId, accountId } = MIDAZ_FIXTURES;
    expect(semanticIds(balances, MIDAZ_BALANCE, readBody('midaz-balance.json'), seedParams(readBody('midaz-balance.json')))).toEqual([]);
    expect(semanticIds(balances, MIDAZ_BALANCE, store.findBalance(organizationId, ledgerId, accountId), midazParams)).toEqual([]);
    expect(semanticIds(accounts, MIDAZ_ACCOUNT, readBody('midaz-account.json'), seedParams(readBody('midaz-account.json')))).toEqual([]);
    expect(semanticIds(accounts, MIDAZ_ACCOUNT, store.findAccount(organizationId, ledgerId, accountId), midazParams)).toEqual([]);
  });

  it('Whop: the seed ledger account and the sandbox record', async () => {
    const spec = await load('specs/whop/1.0.0.yaml');
    const seed = readBody('whop-ledger-account.json') as { id: string };
    expect(semanticIds(spec, 'GET /ledger_accounts/{id}', seed, { id: seed.id })).toEqual([]);
    for (const id of Object.values(WHOP_FIXTURES)) expect(semanticIds(spec, 'GET /ledger_accounts/{id}', createWhopStore().findLedgerAccount(id), { id })).toEqual([]);
  });

  it('Xendit: the seed account and the sandbox records', async () => {
    const spec = await load('specs/xendit/2026-01-08.yaml');
    const seed = readBody('xendit-account.json') as { id: string };
    expect(semanticIds(spec, 'GET /v2/accounts/{id}', seed, { id: seed.id })).toEqual([]);
    for (const id of Object.values(XENDIT_FIXTURES)) expect(semanticIds(spec, 'GET /v2/accounts/{id}', createXenditStore().findAccount(id), { id })).toEqual([]);
  });

  it('a body that breaks a recognised rule does raise one (the test can fail)', async () => {
    const spec = await load('specs/midaz/3.7.1.yaml');
    const body = { ...(readBody('midaz-balance.json') as object), onHold: '0.001' };
    expect(semanticIds(spec, MIDAZ_BALANCE, body, { ...seedParams(body), account_id: 'other' })).toEqual([
      ['amount-scale-exceeds-currency', '/onHold'],
      ['cross-response-mismatch', '/accountId'],
    ]);
  });
});

describe('the path parameter answered by /id', () => {
  const aliasSpec = (path: string, parameter: string) =>
    specOf({ [path]: { get: answering({ type: 'object', properties: { id: { type: 'string' }, alias: { type: 'string' } } }, [parameter]) } });
  const echoes = async (path: string, parameter: string) => {
    const spec = await aliasSpec(path, parameter);
    return recognisedRules(spec, spec.operations[0]!).echoes.map((r) => [r.parameter, r.at]);
  };

  it('is only a parameter that names an id: an alias is answered beside an id of its own', async () => {
    expect(await echoes('/accounts/by-alias/{alias}', 'alias')).toEqual([]);
    expect(await echoes('/accounts/{id}', 'id')).toEqual([['id', '/id']]);
    expect(await echoes('/accounts/{account_id}', 'account_id')).toEqual([['account_id', '/id']]);
    expect(await echoes('/accounts/{accountId}', 'accountId')).toEqual([['accountId', '/id']]);
  });

  it('so an alias answered beside the account id raises no mismatch', async () => {
    const spec = await aliasSpec('/accounts/by-alias/{alias}', 'alias');
    const response = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"id": "acc_123", "alias": "customer-1"}') };
    const findings = checkResponse(spec, spec.operations[0]!, response, { integrity: true, semantic: { ...NO_SEMANTIC_INPUT, params: { alias: 'customer-1' } } });
    expect(findings.map((f) => f.id)).toEqual([]);
  });
});

describe('a vendor document of a 200,000-entry allOf', () => {
  it('is read within the flattening bound, without overflowing the stack', async () => {
    const amount = { type: 'object', properties: { currency: { type: 'string' }, amount: { type: 'string' } } };
    const spec = await specOf({ '/wallet': { get: answering({ allOf: [amount] }) } });
    // Loading lints every entry (seconds for 200,000), so they join the loaded document, which recognition reads.
    const schema = getAtPointer(spec.document, spec.operations[0]!.responses[0]!.content[0]!.schemaPointer!) as { allOf: unknown[] };
    schema.allOf = [...Array.from({ length: 200_000 }, () => ({ type: 'object' })), ...schema.allOf];
    expect(recognisedRules(spec, spec.operations[0]!).amounts.map((r) => r.at)).toEqual(['/amount']);
  });
});
