import { describe, expect, it } from 'vitest';
import { decimalText } from '../../../src/checks/semantic/decimal.ts';
import { evaluate, forEachBinding, MAX_BINDINGS, segmentsOf, type Binding, type RuleValue } from '../../../src/checks/semantic/evaluate.ts';
import { Places } from '../../../src/checks/semantic/places.ts';
import { RuleBody } from '../../../src/checks/semantic/rule-body.ts';
import { parseExpression, pointersOf } from '../../../src/checks/semantic/expression.ts';

/** A rule's value in a body given as JSON text, as the check sees it (the text kept for the numbers' digits). */
function valueOf(rule: string, text: string, binding: Binding = []): string | boolean | null {
  const parsed = parseExpression(rule);
  if (!parsed.ok) throw new Error(parsed.problem);
  const value: RuleValue = evaluate(parsed.expression, new RuleBody({ value: JSON.parse(text), text }, new Places(pointersOf(parsed.expression))), binding);
  return value === null || typeof value === 'boolean' ? value : decimalText(value);
}

describe('evaluate', () => {
  it('computes with the digits the body holds, strings and numbers alike', () => {
    expect(valueOf('/a - /b', '{"a": "1000", "b": "1250.50"}')).toBe('-250.50');
    expect(valueOf('/a + /b', '{"a": 0.1, "b": 0.2}')).toBe('0.3');
    // A JSON number is its value (1000.50 is 1000.5); its source text is read only where a double may not hold it.
    expect(valueOf('/a - /b', '{"a": 1000.50, "b": 1}')).toBe('999.5');
    expect(valueOf('/a - /b', '{"a": 1000.000000000000001, "b": 1}')).toBe('999.000000000000001');
    expect(valueOf('/a - 1', '{"a": 9007199254740993}')).toBe('9007199254740992');
    expect(valueOf('/a', '{"a": 1.5e3}')).toBe('1500');
  });

  it('makes a rule over a missing, null or non-decimal figure inapplicable (null), not false', () => {
    for (const body of ['{}', '{"a": null}', '{"a": "ten"}', '{"a": "1e3"}', '{"a": {}}', '{"a": []}', '{"a": true}']) expect(valueOf('/a == 0', body), body).toBeNull();
    expect(valueOf('/a/b == 0', '{"a": "0"}')).toBeNull();
    expect(valueOf('/constructor == 0', '{}')).toBeNull();
    expect(valueOf('/a/length == 1', '{"a": ["x"]}')).toBeNull();
  });

  it('compares decimals by value with each operator', () => {
    const body = '{"a": "5000.00", "b": 5000, "c": "-0.01", "d": "-0.02"}';
    const table: Array<[string, boolean]> = [
      ['/a == /b', true],
      ['/a != /b', false],
      ['/a < /b', false],
      ['/a <= /b', true],
      ['/a > /b', false],
      ['/a >= /b', true],
      ['/c == 0', false],
      ['/c != 0', true],
      ['/c < 0', true],
      ['/c <= 0', true],
      ['/c > 0', false],
      ['/c >= 0', false],
      // At one scale, units compare as they are.
      ['/c > /d', true],
      ['/c < /d', false],
      ['/d == -0.02', true],
      ['/d >= /c', false],
    ];
    expect(table.map(([rule]) => [rule, valueOf(rule, body)])).toEqual(table);
  });

  it('compares a figure with a sum or difference exactly, in units where the figures are short and in decimal.js beyond', () => {
    const body = '{"a": "999.50", "b": "1000", "c": "0.5", "t": true, "big": "9007199254740991", "two": 2}';
    const table: Array<[string, boolean | null]> = [
      ['/a == /b - /c', true],
      ['/a != /b - /c', false],
      ['/a < /b - /c', false],
      ['/a <= /b + /c', true],
      ['/a > /c - /b', true],
      ['/a >= /b + /c', false],
      ['/b == /a + /c', true],
      ['/a == /b - /t', null],
      ['/t == /b - /c', null],
      ['/missing == /b - /c', null],
      // Beyond 2^53 a double would round 9007199254740993 to ...992: the sum is done again exactly.
      ['9007199254740993 == /big + /two', true],
      ['9007199254740992 == /big + /two', false],
    ];
    for (const [rule, holds] of table) expect(valueOf(rule, body), rule).toBe(holds);
    // Terms beyond 2^53 once at one scale (a double rounds them) whose difference is small: still exact.
    expect(valueOf('/a == /b - /c', '{"a": "0.10", "b": "900719925474099.1", "c": "900719925474099.0"}')).toBe(true);
    expect(valueOf('/a == /b - /c', '{"a": "0.11", "b": "900719925474099.1", "c": "900719925474099.0"}')).toBe(false);
  });

  it('compares booleans for equality only, and a boolean with a decimal not at all', () => {
    expect(valueOf('/f == false', '{"f": false}')).toBe(true);
    expect(valueOf('/f != true', '{"f": false}')).toBe(true);
    expect(valueOf('/f < true', '{"f": false}')).toBeNull();
    expect(valueOf('/f == 0', '{"f": false}')).toBeNull();
  });

  it('is three-valued: false decides an and, true an or, beside an inapplicable side', () => {
    const body = '{"t": true, "f": false}';
    expect(valueOf('/f and /missing', body)).toBe(false);
    expect(valueOf('/missing and /f', body)).toBe(false);
    expect(valueOf('/t and /missing', body)).toBeNull();
    expect(valueOf('/t or /missing', body)).toBe(true);
    expect(valueOf('/missing or /f', body)).toBeNull();
    expect(valueOf('not /missing', body)).toBeNull();
    expect(valueOf('not /f and /t', body)).toBe(true);
    expect(valueOf('/f or /t and /f', body)).toBe(false);
  });

  it('reads every * of a rule from the same binding', () => {
    const text = '{"lines": [{"x": "1", "y": "1"}, {"x": "2", "y": "5"}]}';
    expect(valueOf('/lines/*/x == /lines/*/y', text, ['0'])).toBe(true);
    expect(valueOf('/lines/*/x == /lines/*/y', text, ['1'])).toBe(false);
  });
});

describe('forEachBinding', () => {
  const bindings = (pattern: string, value: unknown) => {
    const found: Binding[] = [];
    forEachBinding(segmentsOf(pattern), value, (binding) => found.push(binding));
    return found;
  };

  it('binds each entry the last * reaches, whether it holds the figure or not, through arrays and objects', () => {
    expect(bindings('/volumes/*/balance', { volumes: [{ balance: '1' }, {}, 'x'] })).toEqual([['0'], ['1'], ['2']]);
    expect(bindings('/accounts/*/volumes/*/balance', { accounts: { a: { volumes: [{}] }, b: { volumes: [] }, c: { volumes: [{}, {}] } } })).toEqual([
      ['a', '0'],
      ['c', '0'],
      ['c', '1'],
    ]);
    expect(bindings('/volumes/*', { volumes: 'not a list' })).toEqual([]);
    expect(bindings('/volumes', {})).toEqual([[]]);
  });

  it(`stops at ${MAX_BINDINGS} bindings`, () => {
    expect(bindings('/v/*/b', { v: Array.from({ length: MAX_BINDINGS * 2 }, () => ({})) })).toHaveLength(MAX_BINDINGS);
    const nested = { a: Array.from({ length: 200 }, () => Array.from({ length: 200 }, () => ({}))) };
    expect(bindings('/a/*/*/b', nested)).toHaveLength(MAX_BINDINGS);
  });
});
