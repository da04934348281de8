import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, decimalOf, decimalText, subtractDecimals, type ExactDecimal } from '../../../src/checks/semantic/decimal.ts';
import { mulberry32 } from '../../support/seeded-random.ts';

const exact = (text: string, exponent = false): ExactDecimal => {
  const value = decimalOf(text, exponent);
  if (value === null) throw new Error(`${text} is not a decimal`);
  return value;
};
const difference = (a: string, b: string) => decimalText(subtractDecimals(exact(a), exact(b)));
const sum = (a: string, b: string) => decimalText(addDecimals(exact(a), exact(b)));

describe('decimalOf', () => {
  it('reads decimal strings and the source text of JSON numbers, keeping their scale', () => {
    expect(decimalText(exact('-1000.50'))).toBe('-1000.50');
    expect(decimalText(exact('0'))).toBe('0');
    expect(decimalText(exact('0.000000000000000001'))).toBe('0.000000000000000001');
    expect(decimalText(exact('1.5e3', true))).toBe('1500');
    expect(decimalText(exact('2E-4', true))).toBe('0.0002');
    expect(decimalText(exact('1.25e+1', true))).toBe('12.5');
  });

  it('refuses anything else: it is not a decimal', () => {
    for (const text of ['', '-', '+1', '.5', '1.', '1,000', '1 000', 'NaN', 'Infinity', '0x10', '1e5', ' 1', '1 ', '--1', '1.2.3']) expect(decimalOf(text), text).toBeNull();
    for (const text of ['1e', '1e+', '1.5e3x', `1e${'9'.repeat(5)}`]) expect(decimalOf(text, true), text).toBeNull();
    expect(decimalOf('1'.repeat(401))).toBeNull();
  });

  it('holds integers beyond 2^53 exactly', () => {
    expect(difference('9007199254740993', '1')).toBe('9007199254740992');
    expect(compareDecimals(exact('9007199254740993'), exact('9007199254740992'))).toBe(1);
    expect(sum('9007199254740991', '1')).toBe('9007199254740992');
    expect(sum('9007199254740991', '2')).toBe('9007199254740993');
    expect(difference('-9007199254740991', '2')).toBe('-9007199254740993');
  });

  it('holds 18-decimal asset amounts and long decimals exactly', () => {
    expect(sum('1.000000000000000001', '2.000000000000000002')).toBe('3.000000000000000003');
    expect(difference('0.1', '0.000000000000000001')).toBe('0.099999999999999999');
    expect(sum('0.1', '0.2')).toBe('0.3');
    expect(compareDecimals(exact('0.30000000000000004'), exact('0.3'))).toBe(1);
    expect(compareDecimals(exact('0.1000000000000000000000001'), exact('0.1'))).toBe(1);
  });
});

describe('arithmetic', () => {
  it('subtracts and adds with the larger scale', () => {
    expect(difference('1000', '1250.50')).toBe('-250.50');
    expect(difference('5000.00', '250.5')).toBe('4749.50');
    expect(sum('-0.05', '0.05')).toBe('0.00');
    expect(difference('0', '0.01')).toBe('-0.01');
  });

  it('compares by value, whatever the scale', () => {
    expect(compareDecimals(exact('5000'), exact('5000.00'))).toBe(0);
    expect(compareDecimals(exact('-1'), exact('0'))).toBe(-1);
    expect(compareDecimals(exact('0.10'), exact('0.09'))).toBe(1);
    expect(compareDecimals(exact('-0'), exact('0'))).toBe(0);
  });
});

describe('the fast path agrees with decimal.js', () => {
  const next = mulberry32(15);
  const digits = (count: number) => Array.from({ length: count }, () => String(Math.floor(next() * 10))).join('');
  // Lengths around the edge of the safe integers (15-17 digits) and the double's scales.
  const decimal = (): string => {
    const whole = digits(1 + Math.floor(next() * 18)).replace(/^0+(?=\d)/, '');
    const scale = Math.floor(next() * 20);
    return `${next() < 0.5 ? '-' : ''}${whole}${scale > 0 && next() < 0.8 ? `.${digits(Math.min(scale, 19))}` : ''}`;
  };
  const scaleOf = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);
  const reference = (value: Decimal, scale: number) => value.toFixed(scale);
  const Big = Decimal.clone({ precision: 200 });

  it('on 20,000 generated pairs, through both paths: sums, differences, comparisons and texts', () => {
    const wrong: string[] = [];
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      const [a, b] = [decimal(), decimal()];
      const scale = Math.max(scaleOf(a), scaleOf(b));
      const [x, y] = [exact(a), exact(b)];
      if (x.big === null && y.big === null && subtractDecimals(x, y).big === null) fast++;
      const got = [decimalText(x), decimalText(addDecimals(x, y)), decimalText(subtractDecimals(x, y)), compareDecimals(x, y)];
      const want = [reference(new Big(a), scaleOf(a)), reference(new Big(a).plus(b), scale), reference(new Big(a).minus(b), scale), new Big(a).comparedTo(b)];
      if (got.join() !== want.join()) wrong.push(`${a} ${b}: ${got.join()} instead of ${want.join()}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(fast).toBeGreaterThan(2_000);
    expect(fast).toBeLessThan(15_000);
  });
});
