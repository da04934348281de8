import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../src/json/duplicate-keys.ts';
import { rawValueAt } from '../src/json/raw-value.ts';

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
