import { describe, expect, it } from 'vitest';
import { linearRegExp, linearRegExpProblem } from '../../src/schema/regexp.ts';

// Vendor patterns as documents write them (ECMA-262), with texts that pass and fail: RE2 must agree with V8.
const CASES: Array<[string, string[]]> = [
  ['^-?\\d+(\\.\\d+)?$', ['12.5', '-1', '1.', 'x1']],
  ['^[A-Z]{3}$', ['USD', 'usd', 'USDT']],
  ['^(?<year>\\d{4})-(?<month>\\d{2})$', ['2026-11', '26-11']],
  ['^\\u00e9t\\u00e9$', ['été', 'ete']],
  ['^\\p{L}+$', ['Zoë', 'Zoë1']],
  ['^[^]{2}$', ['a\n', 'abc']],
  ['^\\/api\\/v\\d$', ['/api/v1', 'api/v1']],
  ['acc_[0-9a-f]+', ['id acc_ff here', 'acc_']],
  ['^\\x41\\cJ$', ['A\n', 'A']],
];

describe('vendor patterns on the linear-time engine', () => {
  it.each(CASES)('%s gives the verdicts V8 gives', (pattern, texts) => {
    const v8 = new RegExp(pattern, 'u');
    for (const text of texts) expect(linearRegExp(pattern, 'u').test(text), JSON.stringify(text)).toBe(v8.test(text));
  });

  it('names what it cannot run in linear time', () => {
    expect(linearRegExpProblem('^(?=a)a$')).toMatch(/unsupported Perl syntax: `\(\?=`/);
    expect(linearRegExpProblem('(a)\\1')).toMatch(/invalid escape sequence: `\\1`/);
    expect(linearRegExpProblem('^(a+)+$')).toBeNull();
  });

  it('a nested quantifier that makes V8 backtrack is judged at once', () => {
    expect(linearRegExp('^(a+)+$', 'u').test(`${'a'.repeat(100_000)}!`)).toBe(false);
  });

  it('compiles each pattern once and gives ajv a distinct cache key per pattern', () => {
    expect(linearRegExp('^a$', 'u')).toBe(linearRegExp('^a$', 'u'));
    expect(String(linearRegExp('^a$', 'u'))).not.toBe(String(linearRegExp('^b$', 'u')));
  });
});
