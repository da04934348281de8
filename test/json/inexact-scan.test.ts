import { describe, expect, it } from 'vitest';
import { mayHoldInexactNumbers } from '../../src/json/raw-value.ts';
import { mulberry32 } from '../support/seeded-random.ts';

/**
 * The definition the one-pass scan must keep, written the slow plain way: a maximal run of number
 * characters that starts a value (first in the text, or after `:`, `,` or `[`, whitespace between) and
 * holds 8 digits in a row or a digit, `e`, an optional sign and a digit.
 */
function reference(text: string): boolean {
  for (const run of text.matchAll(/[-+.eE0-9]+/g)) {
    if (!/\d{8}|\d[eE][+-]?\d/.test(run[0])) continue;
    const before = text.slice(0, run.index).replace(/[ \t\r\n]*$/, '');
    if (before === '' || /[:,[]$/.test(before)) return true;
  }
  return false;
}

// Texts made of what the scan looks at: digits, exponent letters, signs, points, separators, spaces, quotes.
const ALPHABET = ['0', '1', '5', '9', '9', '3', 'e', 'E', '+', '-', '.', ':', ',', '[', ']', '{', '}', ' ', '\n', '"', 'a', 'f', 'x'];

function generated(random: () => number): string {
  let text = '';
  const length = Math.floor(random() * 40);
  for (let i = 0; i < length; i++) {
    // Runs of digits, so 8 in a row is common enough to meet at every position.
    text += random() < 0.3 ? '7'.repeat(1 + Math.floor(random() * 9)) : ALPHABET[Math.floor(random() * ALPHABET.length)]!;
  }
  return text;
}

describe('the scan for numbers a double may not keep', () => {
  it('gives the plain definition its verdict on 50,000 generated texts', () => {
    const random = mulberry32(16);
    let yes = 0;
    for (let i = 0; i < 50_000; i++) {
      const text = generated(random);
      const expected = reference(text);
      if (expected) yes++;
      if (mayHoldInexactNumbers(text) !== expected) expect(mayHoldInexactNumbers(text), JSON.stringify(text)).toBe(expected);
    }
    // Both verdicts are well represented, or the agreement proves little.
    expect(yes).toBeGreaterThan(5_000);
    expect(yes).toBeLessThan(45_000);
  });

  it.each([
    ['a number beyond 2^53 ending the text', '{"a": 1, "b": 9007199254740993', true],
    ['an exponent ending the text', '[0.5, 1e5', true],
    ['a signed exponent after a long fraction', '{"a": 1.5, "b": 12.5e-3}', true],
    ['eight digits after the point only', '{"a": 0.12345678}', true],
    ['seven digits either side of the point', '{"a": 1234567.1234567}', false],
    ['a long digit run inside a string', '{"id": "ab123456789012345678", "n": 1}', false],
    ['an exponent inside a string', '{"hex": "1e5", "n": 2}', false],
    ['a uuid of digits and e', '{"id": "00000000-1e10-4000-8e00-123456789012"}', false],
  ])('%s: %s', (_what, text, expected) => {
    expect(mayHoldInexactNumbers(text)).toBe(expected);
    expect(reference(text)).toBe(expected);
  });

  it('is linear on a long text of near-candidates', () => {
    expect(mayHoldInexactNumbers(`"${'1234567e'.repeat(200_000)}"`)).toBe(false);
  });
});
