import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../src/json/duplicate-keys.ts';
import { EVIDENCE_LIMIT, excerpt } from '../src/findings/finding.ts';
import { jsonPrefix } from '../src/json/prefix.ts';
import { mayHoldInexactNumbers, rawValueAt, rawValuesAt } from '../src/json/raw-value.ts';

describe('duplicate keys', () => {
  it.each([
    ['{"a":1,"b":2}', []],
    ['{"a":1,"a":2}', ['/a']],
    ['{"x":{"a":1,"b":{"c":1},"a":3}}', ['/x/a']],
    ['{"items":[{"id":1},{"id":2,"id":3}]}', ['/items/1/id']],
    ['{"a":"{\\"a\\":1,\\"a\\":2}","b":1}', []],
    ['{"a\\u0062":1,"ab":2}', ['/ab']],
    ['{"s":"\\\\","s":1}', ['/s']],
    ['{"a/b":1,"a/b":2}', ['/a~1b']],
    ['[{"k":1},{"k":1}]', []],
  ])('%s', (text, expected) => {
    expect(duplicateKeys(text, JSON.parse(text)).found.map((d) => d.pointer)).toEqual(expected);
  });
});

describe('raw values', () => {
  const text = '{ "id": 12345678901234567890.12, "list": [1, {"x": 1e400}, "a,]}"], "s": "q\\"}" , "n": null }';
  it.each([
    ['/id', '12345678901234567890.12'],
    ['/list/1/x', '1e400'],
    ['/list/2', '"a,]}"'],
    ['/list/1', '{"x": 1e400}'],
    ['/s', '"q\\"}"'],
    ['/n', 'null'],
    ['/missing', null],
    ['/list/9', null],
  ])('%s', (pointer, raw) => {
    expect(rawValueAt(text, pointer)).toBe(raw);
  });
});

describe('whether a text may hold a number a double cannot keep', () => {
  it('says no for numbers of at most 14 digits, ids and timestamps around them', () => {
    expect(mayHoldInexactNumbers('{"id": "019c96a0-0c0d-7915-84b9-e497bfee9916", "a": 1234567.1234567, "b": -0.25, "at": "2026-02-25T21:06:37.197596Z"}')).toBe(false);
    // Long digit runs and exponents inside strings are no numbers.
    expect(mayHoldInexactNumbers('{"phone": "+15555550142", "hex": "1e5f", "a": [1.5, 2]}')).toBe(false);
  });

  it.each(['9007199254740993', '12345678.5', '1.23456789', '0.1000000000000000055511151231257827', '1e400', '15E-1', '2e+3', '-1.5e-7'])('says yes for %s, in an object and in an array', (number) => {
    expect(mayHoldInexactNumbers(`{"a": ${number}}`)).toBe(true);
    expect(mayHoldInexactNumbers(`[1,${number}]`)).toBe(true);
    expect(mayHoldInexactNumbers(` ${number}`)).toBe(true);
  });
});

describe('raw values of many pointers in one pass', () => {
  it('finds each, at any depth, and a repeated key resolves to the last as in JSON.parse', () => {
    const deep = `${'{"a":'.repeat(5000)}1.50${'}'.repeat(5000)}`;
    const text = `{"x":[1.0,{"y":2e0}],"d":${deep},"r":1,"r":10.00}`;
    const found = rawValuesAt(text, ['/x/0', '/x/1/y', `/d${'/a'.repeat(5000)}`, '/r', '/missing', '/x/7']);
    expect(Object.fromEntries([...found].map(([pointer, raw]) => [pointer.slice(0, 12), raw]))).toEqual({ '/x/0': '1.0', '/x/1/y': '2e0', [`/d${'/a'.repeat(5)}`]: '1.50', '/r': '10.00' });
  });
});

describe('the JSON prefix an excerpt is taken from', () => {
  const values: Array<[string, unknown]> = [
    ['a short object', { a: 1, b: [true, null, 'x'] }],
    ['a long array', Array.from({ length: 10_000 }, (_, i) => i)],
    ['a wide object', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, { i }]))],
    ['integer-like keys', { b: 1, 10: 2, 2: 3 }],
    ['a "__proto__" member', JSON.parse('{"__proto__":{"polluted":true},"a":1}')],
    ['a long string', 'x'.repeat(5000)],
  ];
  it.each(values)('%s: the excerpt begins as the whole value\'s JSON, up to the evidence kept', (_what, value) => {
    const whole = JSON.stringify(value);
    const shown = excerpt(value);
    expect(shown).toBe(whole.length > EVIDENCE_LIMIT ? `${whole.slice(0, EVIDENCE_LIMIT - 1)}…` : whole);
  });

  it('a value nested deeper than JSON.stringify can follow still has an excerpt: its first levels', () => {
    const deep = JSON.parse(`${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    const shown = excerpt(deep);
    expect(shown.startsWith('['.repeat(1024))).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(EVIDENCE_LIMIT);
  });

  it('costs what it shows: a 100,000-member object gives a prefix of about the evidence kept', () => {
    const value = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    expect(JSON.stringify(jsonPrefix(value, EVIDENCE_LIMIT)).length).toBeLessThan(2 * EVIDENCE_LIMIT + 300);
  });
});
