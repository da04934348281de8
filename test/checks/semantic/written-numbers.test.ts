import { describe, expect, it } from 'vitest';
import { membersWrittenAsParsed, writtenAsParsed } from '../../../src/checks/semantic/written-numbers.ts';

describe('a number written as its double prints', () => {
  it.each([
    ['1.5', true],
    ['-1.5', true],
    ['0', true],
    ['1000', true],
    ['123456789012345', true],
    ['0.000001', true],
    ['"1.50"', true],
    ['{"a": 1.50}', true],
    ['1.50', false],
    ['-0', false],
    ['0.0000001', false],
    ['1e5', false],
    ['1.5E2', false],
    ['1234567890123456', false],
    ['0.1000000000000000055', false],
  ])('%s: %s', (text, expected) => {
    expect(writtenAsParsed(text, 0)).toBe(expected);
  });
});

describe('numbers read by their member names', () => {
  const names = new Set(['"amount"']);

  it('is false only for a number not written as it prints, under a name asked for', () => {
    expect(membersWrittenAsParsed('{"amount": 1.50}', 'amount"', names)).toBe(false);
    expect(membersWrittenAsParsed('{"amount" :\n 9007199254740993}', 'amount"', names)).toBe(false);
    expect(membersWrittenAsParsed('{"items": [{"amount": 1.5}, {"amount": 12.25}]}', 'amount"', names)).toBe(true);
    expect(membersWrittenAsParsed('{"total": 1.50, "amount": 2}', 'amount"', names)).toBe(true);
    expect(membersWrittenAsParsed('{"amount": "1.50"}', 'amount"', names)).toBe(true);
  });

  it('reads a name only where a colon follows it', () => {
    expect(membersWrittenAsParsed('{"note": "amount", "amount": 2, "x": ["amount", 1.50]}', 'amount"', names)).toBe(true);
  });

  it('finds every name ending in the tail with one search, and judges only those asked for', () => {
    const balances = new Set(['"balance"', '"pending_balance"']);
    expect(membersWrittenAsParsed('{"balance": 1.5, "pending_balance": 1.50}', 'balance"', balances)).toBe(false);
    expect(membersWrittenAsParsed('{"balance": 1.5, "other_balance": 1.50}', 'balance"', balances)).toBe(true);
  });
});
