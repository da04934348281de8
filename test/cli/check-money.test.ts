import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acmeCheckout, acmeVendorText, lineOf } from '../support/acme-vendor.ts';
import { callCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const BALANCES = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances';
const BALANCE_BODY = join(REPO_ROOT, 'test', 'fixtures', 'bodies', 'midaz-balance.json');

/** The `moneyRules` of `conform check --json` for Midaz's balance body checked against `spec`, run in `cwd`. */
async function moneyRulesOf(spec: string, cwd = REPO_ROOT): Promise<unknown> {
  const run = await callCli(['check', '--spec', spec, '--operation', BALANCES, '--status', '200', '--json', BALANCE_BODY], {}, cwd);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { moneyRules: unknown }).moneyRules;
}

describe('conform check applies the money rules of the vendor file that lists the document', () => {
  it('names the vendor file whose rules applied, however the document path is spelt', async () => {
    expect(await moneyRulesOf('specs/midaz/3.7.1.yaml')).toBe('vendors/midaz.yaml');
    expect(await moneyRulesOf('./specs/midaz/../midaz/3.7.1.yaml')).toBe('vendors/midaz.yaml');
    expect(await moneyRulesOf(join(REPO_ROOT, 'specs', 'midaz', '3.7.1.yaml'))).toBe('vendors/midaz.yaml');
  });

  it('a document no vendor file lists is checked without declared rules', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'conform-unlisted-'));
    await cp(join(REPO_ROOT, 'specs', 'midaz', '3.7.1.yaml'), join(elsewhere, 'balances.yaml'));
    expect(await moneyRulesOf(join(elsewhere, 'balances.yaml'))).toBeNull();
  });

  it('a mistake in the money rules of a vendor file stops the check, located, exit 2', async () => {
    const money = 'money:\n  operations:\n    GET /wallets/{wallet_id}:\n      amounts:\n        - { at: /balance, currency: /currencyCode }\n';
    const text = `${await acmeVendorText()}${money}`;
    const root = await acmeCheckout({ vendorText: text });
    const run = await callCli(['check', '--spec', 'specs/acme/2026-01.yaml', '--operation', 'GET /wallets/{wallet_id}', '--status', '200', BALANCE_BODY], {}, root);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `conform check: configuration error: vendors/acme.yaml:${lineOf(text, '- { at: /balance')}: /currencyCode is not in the success response of GET /wallets/{wallet_id} (specs/acme/2026-01.yaml)\n`,
    );
  });
});

describe('conform check runs the money checks that need one body', () => {
  const midazBalance = async (change: (body: Record<string, unknown>) => void): Promise<string> => {
    const body = JSON.parse(await readFile(BALANCE_BODY, 'utf8')) as Record<string, unknown>;
    change(body);
    const file = join(await mkdtemp(join(tmpdir(), 'conform-balance-')), 'balance.json');
    await writeFile(file, JSON.stringify(body));
    return file;
  };
  const check = (file: string) => callCli(['check', '--spec', 'specs/midaz/3.7.1.yaml', '--operation', BALANCES, '--status', '200', file]);

  it('a position computed without the overdraft in use breaks Midaz’s documented rule: exit 1, the rule and both figures named', async () => {
    const file = await midazBalance((body) => {
      Object.assign(body, { available: '0', onHold: '89.90', overdraftUsed: '1250.75' });
      body.position = { available: '0', onHold: '89.90', overdraftLimitAvailable: '3749.25' };
    });
    const run = await check(file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'breaking  balance-invariant-violated  /position/available  figure at /position/available breaks a money rule: expected "-1250.75" (/position/available == /available - /overdraftUsed), got "0"\n',
    );
    // README's worked example shows this very line.
    expect(await readFile(join(REPO_ROOT, 'README.md'), 'utf8')).toContain(run.stdout);
  });

  it('the same balance with its position computed as documented has no finding: exit 0', async () => {
    const file = await midazBalance((body) => {
      Object.assign(body, { available: '0', onHold: '89.90', overdraftUsed: '1250.75' });
      body.position = { available: '-1250.75', onHold: '89.90', overdraftLimitAvailable: '3749.25' };
    });
    const run = await check(file);
    expect([run.code, run.stdout]).toEqual([0, 'no findings\n']);
  });
});
