import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src/findings/index.ts';
import { loadVendorFile, VendorFileError } from '../../src/vendors/index.ts';
import { lineOf } from '../support/acme-vendor.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { VENDORS } from '../support/seed-vendors.ts';

const ACCOUNT = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}';
const BALANCES = `${ACCOUNT}/balances`;
const MIDAZ_TEXT = await readFile(join(REPO_ROOT, 'vendors', 'midaz.yaml'), 'utf8');

/** Midaz's vendor file edited by `edit`, loaded in a working directory of its own with Midaz's documents. */
async function loadEditedMidaz(edit: (text: string) => string): Promise<unknown> {
  const root = await mkdtemp(join(tmpdir(), 'conform-money-'));
  await cp(join(REPO_ROOT, 'specs', 'midaz'), join(root, 'specs', 'midaz'), { recursive: true });
  await mkdir(join(root, 'vendors'));
  await writeFile(join(root, 'vendors', 'midaz.yaml'), edit(MIDAZ_TEXT));
  return loadVendorFile(root, 'vendors/midaz.yaml').definition.money;
}

/** The located message the edited file stops on. */
async function stopLine(edit: (text: string) => string): Promise<string> {
  const error: unknown = await loadEditedMidaz(edit).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(VendorFileError);
  return (error as VendorFileError).message;
}

/** `text` with `from` replaced once, failing when `from` is not there (so an edit never silently does nothing). */
function replacing(from: string, to: string): (text: string) => string {
  return (text) => {
    if (!text.includes(from)) throw new Error(`"${from}" is not in the file`);
    return text.replace(from, to);
  };
}

describe("the seed vendors' money rules", () => {
  it("Midaz's balances: the position rules as its 3.7.1 prose states them, each located on its line", () => {
    const rules = VENDORS.midaz.money.operations[BALANCES]!;
    expect(rules.invariants.map((rule) => [rule.text, rule.when === null, rule.source])).toEqual([
      ['/position/available == /available - /overdraftUsed', true, { origin: 'vendor-file', file: 'vendors/midaz.yaml', line: lineOf(MIDAZ_TEXT, '- rule: /position/available ==') }],
      ['/position/onHold == /onHold', true, { origin: 'vendor-file', file: 'vendors/midaz.yaml', line: lineOf(MIDAZ_TEXT, '- rule: /position/onHold') }],
      ['/position/overdraftLimitAvailable == "0"', false, { origin: 'vendor-file', file: 'vendors/midaz.yaml', line: lineOf(MIDAZ_TEXT, '== "0"') }],
      ['/position/overdraftLimitAvailable == /settings/overdraftLimit - /overdraftUsed', false, { origin: 'vendor-file', file: 'vendors/midaz.yaml', line: lineOf(MIDAZ_TEXT, '== /settings/overdraftLimit') }],
      ['/overdraftUsed >= 0', true, { origin: 'vendor-file', file: 'vendors/midaz.yaml', line: lineOf(MIDAZ_TEXT, '- rule: /overdraftUsed >= 0') }],
    ]);
    expect(rules.invariants[0]!.check).toEqual({
      kind: 'compare',
      operator: '==',
      left: { kind: 'pointer', pointer: '/position/available' },
      right: { kind: 'arithmetic', operator: '-', left: { kind: 'pointer', pointer: '/available' }, right: { kind: 'pointer', pointer: '/overdraftUsed' } },
    });
    expect(rules.invariants[2]!.when).toEqual({ kind: 'not', operand: { kind: 'pointer', pointer: '/settings/allowOverdraft' } });
    expect(rules.presence.map((rule) => rule.text)).toEqual([
      '/position/overdraftLimitAvailable absent when /settings/allowOverdraft and not /settings/overdraftLimitEnabled',
      '/position present',
      '/position/overdraftLimitAvailable present when not /settings/allowOverdraft or /settings/overdraftLimitEnabled',
    ]);
    expect(rules.presence[0]).toEqual(
      {
        text: '/position/overdraftLimitAvailable absent when /settings/allowOverdraft and not /settings/overdraftLimitEnabled',
        at: '/position/overdraftLimitAvailable',
        presence: 'absent',
        when: {
          kind: 'logical',
          operator: 'and',
          left: { kind: 'pointer', pointer: '/settings/allowOverdraft' },
          right: { kind: 'not', operand: { kind: 'pointer', pointer: '/settings/overdraftLimitEnabled' } },
        },
        source: { origin: 'vendor-file', file: 'vendors/midaz.yaml', line: lineOf(MIDAZ_TEXT, '- at: /position/overdraftLimitAvailable') },
      },
    );
    expect(rules.amounts.map((amount) => [amount.at, amount.currency])).toEqual(
      ['/available', '/onHold', '/overdraftUsed', '/settings/overdraftLimit', '/position/available', '/position/onHold', '/position/overdraftLimitAvailable'].map((at) => [at, { pointer: '/assetCode' }]),
    );
    expect(rules.echoes.map(({ parameter, at }) => [parameter, at])).toEqual([
      ['organization_id', '/organizationId'],
      ['ledger_id', '/ledgerId'],
      ['account_id', '/accountId'],
    ]);
    expect(rules.timestamps.map(({ created, updated, deleted }) => [created, updated, deleted])).toEqual([['/createdAt', '/updatedAt', '/deletedAt']]);
  });

  it("Midaz's account echoes its ids, and its asset is its balances' asset", () => {
    const { currencies, operations, identities } = VENDORS.midaz.money;
    expect(currencies).toEqual({ declared: {}, anyCode: false });
    expect(operations[ACCOUNT]!.echoes.map(({ parameter, at }) => [parameter, at])).toEqual([
      ['organization_id', '/organizationId'],
      ['ledger_id', '/ledgerId'],
      ['account_id', '/id'],
    ]);
    expect(identities).toEqual([
      {
        name: 'account asset',
        entries: [
          { operation: ACCOUNT, key: '/id', value: '/assetCode' },
          { operation: BALANCES, key: '/accountId', value: '/assetCode' },
        ],
        source: { origin: 'vendor-file', file: 'vendors/midaz.yaml', line: lineOf(MIDAZ_TEXT, '- name: account asset') },
      },
    ]);
  });

  it("Whop's balances each in their own entry's currency, its crypto assets declared; no echo (the path takes a user or company id too)", () => {
    const { currencies, operations } = VENDORS.whop.money;
    expect(currencies).toEqual({ declared: { BTC: 8, ETH: 18, APE: 18, USDT: 6 }, anyCode: false });
    const rules = operations['GET /ledger_accounts/{id}']!;
    expect(rules.amounts.map((amount) => [amount.at, amount.currency])).toEqual(
      ['balance', 'pending_balance', 'reserve_balance'].map((name) => [`/balances/*/${name}`, { pointer: '/balances/*/currency' }]),
    );
    expect(rules.echoes).toEqual([]);
  });

  it("Xendit's account echoes its id and was created no later than updated", () => {
    const rules = VENDORS.xendit.money.operations['GET /v2/accounts/{id}']!;
    expect(rules.echoes.map(({ parameter, at }) => [parameter, at])).toEqual([['id', '/id']]);
    expect(rules.timestamps.map(({ created, updated, deleted }) => [created, updated, deleted])).toEqual([['/created', '/updated', null]]);
    expect(VENDORS.xendit.money.currencies).toEqual({ declared: {}, anyCode: false });
  });
});

describe('a money rule mistake is one located line, before any request', () => {
  it('a rule that does not parse names the column', async () => {
    const edit = replacing('- rule: /position/onHold == /onHold', '- rule: /position/onHold == == /onHold');
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, '- rule: /position/onHold')}: "/position/onHold == == /onHold" does not parse: expected an operand after '==' at column 21`);
  });

  it('a condition that does not parse', async () => {
    const edit = replacing('when: not /settings/allowOverdraft', 'when: not /settings/allowOverdraft and');
    expect(await stopLine(edit)).toMatch(new RegExp(`^vendors/midaz\\.yaml:${lineOf(MIDAZ_TEXT, 'when: not /settings/allowOverdraft')}: "not /settings/allowOverdraft and" does not parse: `));
  });

  it('a pointer of a rule that the success body does not have', async () => {
    const edit = replacing('- rule: /position/onHold == /onHold', '- rule: /position/onHold == /onHeld');
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, '- rule: /position/onHold')}: /onHeld is not in the success response of ${BALANCES} (specs/midaz/3.7.1.yaml)`);
  });

  it('a pointer under a property through allOf and $ref is known; one beside it is not', async () => {
    const edit = replacing('{ at: /settings/overdraftLimit, currency: /assetCode }', '{ at: /settings/overdraftLimits, currency: /assetCode }');
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, '/settings/overdraftLimit, currency')}: /settings/overdraftLimits is not in the success response of ${BALANCES} (specs/midaz/3.7.1.yaml)`);
  });

  it('a pointer of an identity, checked against its own operation', async () => {
    const edit = replacing('key: /accountId, value: /assetCode', 'key: /accountId, value: /asset');
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, 'key: /accountId, value: /assetCode')}: /asset is not in the success response of ${BALANCES} (specs/midaz/3.7.1.yaml)`);
  });

  it('an operation no document has', async () => {
    const edit = replacing(`    ${ACCOUNT}:\n`, `    ${ACCOUNT}/holds:\n`);
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, `    ${ACCOUNT}:`)}: operation "${ACCOUNT}/holds" is not in the documents`);
  });

  it('an echo of a parameter the path does not have', async () => {
    const edit = replacing('account_id: /accountId }', 'accountId: /accountId }');
    expect(await stopLine(edit)).toBe(
      `vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, 'account_id: /accountId }')}: echo: "accountId" is not a path parameter of ${BALANCES} (organization_id, ledger_id, account_id)`,
    );
  });

  it.each([['usd'], ['USD/x'], ['USD/2/3']])('an asset notation that is not CODE or CODE/N: %s', async (asset) => {
    const edit = replacing('{ at: /onHold, currency: /assetCode }', `{ at: /onHold, asset: "${asset}" }`);
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, '{ at: /onHold, currency')}: asset "${asset}" is not CODE or CODE/N (upper case, e.g. USD or ETH/18)`);
  });

  it('an asset notation CODE/N is taken as written', async () => {
    const money = (await loadEditedMidaz(replacing('{ at: /onHold, currency: /assetCode }', '{ at: /onHold, asset: ETH/18 }'))) as typeof VENDORS.midaz.money;
    expect(money.operations[BALANCES]!.amounts[1]).toMatchObject({ at: '/onHold', currency: { asset: 'ETH/18' } });
  });

  it.each([
    ['both', '{ at: /onHold, currency: /assetCode, asset: USD }'],
    ['neither', '{ at: /onHold }'],
  ])('an amount with %s of currency and asset', async (_, amount) => {
    const edit = replacing('{ at: /onHold, currency: /assetCode }', amount);
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, '{ at: /onHold, currency')}: the amount at /onHold needs either currency (a pointer to its code) or asset (CODE or CODE/N), one of them`);
  });

  it('a currency pattern with a * the amount has not got (it could bind to nothing)', async () => {
    const edit = replacing('{ at: /onHold, currency: /assetCode }', '{ at: /onHold, currency: /metadata/* }');
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, '{ at: /onHold, currency')}: currency /metadata/* has more * than the amount /onHold: each * binds to the amount's, in order`);
  });

  it('an unknown key of an operation is refused by the schema', async () => {
    const edit = replacing('      absent:\n', '      missing:\n');
    expect(await stopLine(edit)).toBe(`vendors/midaz.yaml:${lineOf(MIDAZ_TEXT, '      absent:')}: unknown key "missing"`);
  });

  it('a pointer that is not a JSON pointer is refused by the schema', async () => {
    const edit = replacing('{ at: /onHold, currency: /assetCode }', '{ at: onHold, currency: /assetCode }');
    expect(await stopLine(edit)).toMatch(new RegExp(`^vendors/midaz\\.yaml:${lineOf(MIDAZ_TEXT, '{ at: /onHold, currency')}: .*money\\.operations\\..*\\.amounts\\.1\\.at must match pattern`));
  });
});

describe('docs/money.md', () => {
  it('documents every semantic finding, its default severity and description', async () => {
    const page = await readFile(join(REPO_ROOT, 'docs', 'money.md'), 'utf8');
    const semantic = Object.entries(FINDING_KINDS).filter(([, kind]) => kind.category === 'semantic');
    expect(semantic).toHaveLength(7);
    for (const [id, kind] of semantic) expect(page, id).toContain(`| \`${id}\` | ${kind.severity} | ${kind.description} |`);
  });
});
