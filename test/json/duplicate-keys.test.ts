import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../src/json/duplicate-keys.ts';
import { mulberry32 } from '../support/seeded-random.ts';

/**
 * The definition the scan (and the count that spares most bodies the scan) must keep, the slow plain
 * way: a small recursive parser that counts, in every object of the text (a repeated member's value
 * included), each key already met in that object. Keys compare decoded ("\u0061" is "a").
 */
function referenceCount(text: string): number {
  let at = 0;
  let repeats = 0;
  const space = () => {
    while (' \t\n\r'.includes(text[at] ?? 'end')) at++;
  };
  const string = () => {
    const start = at++;
    while (text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (): void => {
    space();
    if (text[at] === '"') string();
    else if (text[at] === '{' || text[at] === '[') {
      const object = text[at++] === '{';
      const keys = new Set<string>();
      space();
      while (text[at] !== '}' && text[at] !== ']') {
        if (object) {
          space();
          const key = string();
          if (keys.has(key)) repeats++;
          keys.add(key);
          space();
          at++; // the colon
        }
        value();
        space();
        if (text[at] === ',') at++;
      }
      at++;
    } else while (at < text.length && !',]} \t\n\r'.includes(text[at]!)) at++;
    space();
  };
  value();
  return repeats;
}

// What the count is made of: keys that repeat (also as escapes), colons in keys and strings, strings
// that begin with a colon or hold an escaped quote before one, whitespace on either side of a colon.
const KEYS = ['"a"', '"a"', '"b"', '"\\u0061"', '"x:y"', '":"', '" :"', '"q\\":"', '"\\\\"'];
const SCALARS = ['1', '-2.5', 'true', 'null', '"t:1"', '":"', '" :x"', '"a\\":b"', '"\\\\"', '""'];
const SPACES = ['', '', ' ', '\n  ', '\t'];

function generated(random: () => number, depth = 0): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const r = random();
  if (depth > 3 || r < 0.3) return pick(SCALARS);
  const size = Math.floor(random() * 4);
  if (r < 0.75) {
    const members = Array.from({ length: size }, () => `${pick(SPACES)}${pick(KEYS)}${pick(SPACES)}:${pick(SPACES)}${generated(random, depth + 1)}${pick(SPACES)}`);
    return `{${members.join(',')}}`;
  }
  return `[${Array.from({ length: size }, () => `${pick(SPACES)}${generated(random, depth + 1)}`).join(',')}]`;
}

describe('duplicate keys', () => {
  it('counts what the plain definition counts on 20,000 generated texts', () => {
    const random = mulberry32(17);
    let repeating = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = generated(random);
      const expected = referenceCount(text);
      if (expected > 0) repeating++;
      const { count } = duplicateKeys(text, JSON.parse(text));
      if (count !== expected) expect(count, text).toBe(expected);
    }
    // Both verdicts are well represented, or the agreement proves little.
    expect(repeating).toBeGreaterThan(2_000);
    expect(repeating).toBeLessThan(18_000);
  });

  it.each([
    // The colon a repeat adds must not be hidden by one the count skips: inside a string, after whitespace.
    ['{"t":"1:2","t":"x"}', ['/t']],
    ['{"a" :1,"a"\n:2}', ['/a']],
    ['{"a":":","a":2}', ['/a']],
    ['{"a":1,"b":{"c":2},"b":3}', ['/b']],
    ['{"a":1,"b":"c\\":","a":2}', ['/a']],
    ['{"x":"https://example.com","y":"12:00","z":1}', []],
  ])('%s', (text, expected) => {
    expect(duplicateKeys(text, JSON.parse(text)).found.map((d) => d.pointer)).toEqual(expected);
  });

  it('finds a repeat below the depth the count walks', () => {
    const text = `${'{"a":'.repeat(300)}{"k":1,"k":2}${'}'.repeat(300)}`;
    expect(duplicateKeys(text, JSON.parse(text)).found.map((d) => d.pointer)).toEqual([`${'/a'.repeat(300)}/k`]);
  });
});
