import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_LENGTH, parseExpression, pointersOf } from '../../../src/checks/semantic/expression.ts';
import type { Expression } from '../../../src/checks/semantic/rules.ts';

const parsed = (text: string): Expression => {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`${text}: ${result.problem}`);
  return result.expression;
};
const problem = (text: string) => {
  const result = parseExpression(text);
  if (result.ok) throw new Error(`${text} parsed`);
  return { problem: result.problem, column: result.column };
};
const pointer = (p: string): Expression => ({ kind: 'pointer', pointer: p });
const decimal = (text: string): Expression => ({ kind: 'decimal', text });

describe('parseExpression', () => {
  it("reads Midaz's position rule: a comparison of a pointer with a left-associative difference", () => {
    expect(parsed('/position/available == /available - /overdraftUsed')).toEqual({
      kind: 'compare',
      operator: '==',
      left: pointer('/position/available'),
      right: { kind: 'arithmetic', operator: '-', left: pointer('/available'), right: pointer('/overdraftUsed') },
    });
    expect(parsed('/a - /b + /c')).toEqual({ kind: 'arithmetic', operator: '+', left: { kind: 'arithmetic', operator: '-', left: pointer('/a'), right: pointer('/b') }, right: pointer('/c') });
  });

  it('reads decimals bare, negative and quoted, and booleans', () => {
    expect(parsed('/x == "5000.00"')).toEqual({ kind: 'compare', operator: '==', left: pointer('/x'), right: decimal('5000.00') });
    expect(parsed('/x >= -1.5')).toEqual({ kind: 'compare', operator: '>=', left: pointer('/x'), right: decimal('-1.5') });
    expect(parsed('"-1000.50" < 0')).toEqual({ kind: 'compare', operator: '<', left: decimal('-1000.50'), right: decimal('0') });
    expect(parsed('/a -1')).toEqual({ kind: 'arithmetic', operator: '-', left: pointer('/a'), right: decimal('1') });
    expect(parsed('/a - -1')).toEqual({ kind: 'arithmetic', operator: '-', left: pointer('/a'), right: decimal('-1') });
    expect(parsed('true')).toEqual({ kind: 'boolean', value: true });
    expect(parsed('/f != false')).toEqual({ kind: 'compare', operator: '!=', left: pointer('/f'), right: { kind: 'boolean', value: false } });
  });

  it('binds or < and < not < comparison, and parentheses override', () => {
    expect(parsed('/a or /b and not /c')).toEqual({
      kind: 'logical',
      operator: 'or',
      left: pointer('/a'),
      right: { kind: 'logical', operator: 'and', left: pointer('/b'), right: { kind: 'not', operand: pointer('/c') } },
    });
    expect(parsed('(/a or /b) and /c')).toEqual({
      kind: 'logical',
      operator: 'and',
      left: { kind: 'logical', operator: 'or', left: pointer('/a'), right: pointer('/b') },
      right: pointer('/c'),
    });
    expect(parsed('not /a == 0')).toEqual({ kind: 'not', operand: { kind: 'compare', operator: '==', left: pointer('/a'), right: decimal('0') } });
  });

  it('reads every comparison operator', () => {
    for (const operator of ['==', '!=', '<', '<=', '>', '>=']) expect(parsed(`/a ${operator} /b`)).toMatchObject({ kind: 'compare', operator });
  });

  it('reads pointer segments with _ - . ~0 ~1, digits, and whole-segment wildcards', () => {
    expect(parsed('/a_b/c-d/e.f/g~0h~1i/0')).toEqual(pointer('/a_b/c-d/e.f/g~0h~1i/0'));
    expect(parsed('/volumes/*/balance == /volumes/*/input - /volumes/*/output')).toMatchObject({ left: pointer('/volumes/*/balance') });
  });

  it('says what was expected and at which column', () => {
    expect(problem('/position/available == /available -')).toEqual({ problem: "expected an operand after '-' at column 36", column: 36 });
    expect(problem('/a == == /b')).toEqual({ problem: "expected an operand after '==' at column 7", column: 7 });
    expect(problem('')).toEqual({ problem: 'expected an operand at column 1', column: 1 });
    expect(problem('/a < /b < /c')).toEqual({ problem: "comparisons do not chain: '<' at column 9 (join two comparisons with 'and')", column: 9 });
    expect(problem('(/a and /b')).toEqual({ problem: "expected ')' to close the '(' at column 1, at column 11", column: 11 });
    expect(problem('/a /b')).toEqual({ problem: "expected an operator or the end of the rule, not '/b' at column 4", column: 4 });
    expect(problem('/a == 1.')).toMatchObject({ column: 7 });
    expect(problem('/a == 1e5')).toMatchObject({ column: 7 });
    expect(problem('/a == "5,000"')).toMatchObject({ column: 8 });
    expect(problem('/a == "5')).toMatchObject({ problem: 'unclosed quote opened at column 7' });
    expect(problem('/a // /b')).toEqual({ problem: "expected a pointer segment after the '/' at column 4", column: 4 });
    expect(problem('/a~2')).toEqual({ problem: 'expected ~0 or ~1 in the pointer at column 3', column: 3 });
    expect(problem('/a* == 0')).toEqual({ problem: "a '*' is a whole pointer segment, at column 3", column: 3 });
    expect(problem('/a == nul')).toMatchObject({ problem: "unknown word 'nul' at column 7 (expected and, or, not, true, false, a pointer or a decimal)", column: 7 });
    expect(problem('/a = 0')).toEqual({ problem: "unexpected '=' at column 4", column: 4 });
    expect(problem('/a and')).toEqual({ problem: 'expected an operand at column 7', column: 7 });
  });

  it(`refuses a rule longer than ${MAX_LENGTH} characters and nesting deeper than ${MAX_DEPTH} levels`, () => {
    expect(problem(`/a == ${'1'.repeat(MAX_LENGTH)}`)).toMatchObject({ column: MAX_LENGTH + 1 });
    expect(parseExpression(`${'('.repeat(MAX_DEPTH)}/a${')'.repeat(MAX_DEPTH)}`).ok).toBe(true);
    expect(problem(`${'('.repeat(MAX_DEPTH + 1)}/a${')'.repeat(MAX_DEPTH + 1)}`)).toEqual({ problem: `a rule nests at most ${MAX_DEPTH} levels deep, at column ${MAX_DEPTH + 1}`, column: MAX_DEPTH + 1 });
    expect(problem(`${'not '.repeat(MAX_DEPTH + 1)}/a`)).toMatchObject({ column: MAX_DEPTH * 4 + 1 });
  });
});

describe('pointersOf', () => {
  it('lists the pointers an expression reads, in order, each once', () => {
    expect(pointersOf(parsed('/settings/allowOverdraft and not /settings/overdraftLimitEnabled or /x == /a - /settings/allowOverdraft + 1'))).toEqual([
      '/settings/allowOverdraft',
      '/settings/overdraftLimitEnabled',
      '/x',
      '/a',
    ]);
    expect(pointersOf(parsed('"1" == 1'))).toEqual([]);
  });
});
