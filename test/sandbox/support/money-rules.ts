import currencyCodes from 'currency-codes';
import { Decimal } from 'decimal.js';
import { rawValuesAt } from '../../../src/json/index.ts';
import type { SandboxVendor } from '../../../src/sandbox/index.ts';

// The money rules of the seed documents (issue 15), written out here apart from src/checks: which of
// them a sandbox's answers break, so the faithful data and every scenario's money findings are proven
// on the answers themselves. test/run/scenarios.test.ts proves the checks find the same.

/** A success answer of one case: the path it asked, its JSON text and that text parsed. */
export interface Answered {
  path: string;
  text: string;
  body: unknown;
}

export interface Broken {
  case: string;
  id: string;
  pointer: string;
}

type Rules = (answers: ReadonlyMap<string, Answered>) => Broken[];

export const BROKEN_MONEY_RULES: Record<SandboxVendor, Rules> = { midaz: midazRules, whop: whopRules, xendit: xenditRules };

function field(value: unknown, ...path: Array<string | number>): unknown {
  return path.reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined), value);
}

interface Amount {
  /** The digits as written: a JSON number's source text, a string's content. */
  digits: string;
  number: boolean;
}

/** The amounts at these pointers; absent, null or any other JSON: left out. */
function amountsAt(text: string, pointers: string[]): Map<string, Amount> {
  const amounts = new Map<string, Amount>();
  for (const [pointer, raw] of rawValuesAt(text, pointers)) {
    if (/^-?\d/.test(raw)) amounts.set(pointer, { digits: raw, number: true });
    else if (raw.startsWith('"')) amounts.set(pointer, { digits: JSON.parse(raw) as string, number: false });
  }
  return amounts;
}

const isoDigits = (code: string) => currencyCodes.code(code.toUpperCase())?.digits;
const decimals = (digits: string) => digits.split('.')[1]?.length ?? 0;
const heldByDouble = (digits: string) => new Decimal(digits).equals(new Decimal(String(Number(digits))));

/** Amounts in one currency: the currency is known, each amount has no more decimals than it allows, and a number is what a double holds. */
function amountRules(testCase: string, amounts: Map<string, Amount>, code: unknown, codePointer: string): Broken[] {
  if (amounts.size === 0 || typeof code !== 'string') return [];
  const digits = isoDigits(code);
  const broken = digits === undefined ? [{ case: testCase, id: 'currency-code-unknown', pointer: codePointer }] : [];
  for (const [pointer, amount] of amounts) {
    if (amount.number && !heldByDouble(amount.digits)) broken.push({ case: testCase, id: 'amount-precision-lost', pointer });
    if (digits !== undefined && decimals(amount.digits) > digits) broken.push({ case: testCase, id: 'amount-scale-exceeds-currency', pointer });
  }
  return broken;
}

const RFC3339_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/** An RFC 3339 UTC instant as a fixed-width string that sorts as time does; other forms are the format check's. */
function instant(value: unknown): string | undefined {
  const match = typeof value === 'string' ? RFC3339_UTC.exec(value) : null;
  return match ? `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}` : undefined;
}

function timestampRules(testCase: string, body: unknown, created: string, updated: string, deleted?: string): Broken[] {
  const [createdAt, updatedAt] = [instant(field(body, created)), instant(field(body, updated))];
  const broken = createdAt && updatedAt && createdAt > updatedAt ? [{ case: testCase, id: 'timestamp-order-violated', pointer: `/${created}` }] : [];
  const deletedAt = deleted === undefined ? null : field(body, deleted);
  if (deletedAt !== null && deletedAt !== undefined) broken.push({ case: testCase, id: 'timestamp-order-violated', pointer: `/${deleted}` });
  return broken;
}

function echoRules(testCase: string, body: unknown, echoes: Record<string, string>): Broken[] {
  return Object.entries(echoes)
    .filter(([property, asked]) => field(body, property) !== undefined && field(body, property) !== asked)
    .map(([property]) => ({ case: testCase, id: 'cross-response-mismatch', pointer: `/${property}` }));
}

const MIDAZ_PATH = /\/organizations\/([^/]+)\/ledgers\/([^/]+)\/accounts\/([^/]+)/;
const MIDAZ_AMOUNTS = ['/available', '/onHold', '/overdraftUsed', '/settings/overdraftLimit', '/position/available', '/position/onHold', '/position/overdraftLimitAvailable'];

/** Seed 003: the position's three figures, from the balance's own. */
function positionRules(amounts: Map<string, Amount>, body: unknown): Broken[] {
  const amount = (pointer: string) => {
    const written = amounts.get(pointer);
    return written ? new Decimal(written.digits) : undefined;
  };
  const [available, onHold, used, limit] = ['/available', '/onHold', '/overdraftUsed', '/settings/overdraftLimit'].map(amount);
  const position = { available: amount('/position/available'), onHold: amount('/position/onHold'), headroom: amount('/position/overdraftLimitAvailable') };
  const allowed = field(body, 'settings', 'allowOverdraft');
  const limited = field(body, 'settings', 'overdraftLimitEnabled');
  const failed: string[] = [];
  if (position.available && available && used && !position.available.equals(available.minus(used))) failed.push('/position/available');
  if (position.onHold && onHold && !position.onHold.equals(onHold)) failed.push('/position/onHold');
  if (allowed === true && limited === true && position.headroom && limit && used && !position.headroom.equals(limit.minus(used))) failed.push('/position/overdraftLimitAvailable');
  if (allowed === false && position.headroom && !position.headroom.isZero()) failed.push('/position/overdraftLimitAvailable');
  if (allowed === true && limited === false && field(body, 'position', 'overdraftLimitAvailable') !== undefined) failed.push('/position/overdraftLimitAvailable');
  // The headroom is there whenever the overdraft is not unlimited; overdraftUsed is never negative.
  if ((allowed === false || limited === true) && field(body, 'position', 'overdraftLimitAvailable') === undefined) failed.push('/position/overdraftLimitAvailable');
  if (used?.isNegative()) failed.push('/overdraftUsed');
  if (field(body, 'position') === undefined) failed.push('/position');
  return failed.map((pointer) => ({ case: 'balances', id: 'balance-invariant-violated', pointer }));
}

function midazRules(answers: ReadonlyMap<string, Answered>): Broken[] {
  const broken: Broken[] = [];
  for (const [testCase, { path, body }] of answers) {
    const [, organizationId = '', ledgerId = '', accountId = ''] = MIDAZ_PATH.exec(path) ?? [];
    broken.push(...echoRules(testCase, body, { organizationId, ledgerId, [testCase === 'account' ? 'id' : 'accountId']: accountId }));
    broken.push(...timestampRules(testCase, body, 'createdAt', 'updatedAt', 'deletedAt'));
  }
  const balances = answers.get('balances');
  if (balances) {
    const amounts = amountsAt(balances.text, MIDAZ_AMOUNTS);
    broken.push(...amountRules('balances', amounts, field(balances.body, 'assetCode'), '/assetCode'), ...positionRules(amounts, balances.body));
  }
  // One account, two answers: its asset is the same on both.
  const account = answers.get('account')?.body;
  if (balances && field(account, 'id') === field(balances.body, 'accountId') && field(account, 'assetCode') !== field(balances.body, 'assetCode')) {
    broken.push({ case: 'balances', id: 'cross-response-mismatch', pointer: '/assetCode' });
  }
  return broken;
}

const WHOP_AMOUNTS = ['balance', 'pending_balance', 'reserve_balance'];

function whopRules(answers: ReadonlyMap<string, Answered>): Broken[] {
  return [...answers].flatMap(([testCase, { path, text, body }]) => {
    const asked = path.split('/').pop() ?? '';
    // The path takes a ledger account id or its owner's id; only a ledger account id comes back as /id.
    const broken = asked.startsWith('ldgr_') ? echoRules(testCase, body, { id: asked }) : [];
    const balances = field(body, 'balances');
    (Array.isArray(balances) ? balances : []).forEach((entry, index) => {
      const amounts = amountsAt(text, WHOP_AMOUNTS.map((name) => `/balances/${index}/${name}`));
      broken.push(...amountRules(testCase, amounts, field(entry, 'currency'), `/balances/${index}/currency`));
    });
    return broken;
  });
}

function xenditRules(answers: ReadonlyMap<string, Answered>): Broken[] {
  return [...answers].flatMap(([testCase, { path, body }]) => [
    ...echoRules(testCase, body, { id: path.split('/').pop() ?? '' }),
    ...timestampRules(testCase, body, 'created', 'updated'),
  ]);
}
