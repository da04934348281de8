import { describe, expect, it } from 'vitest';
import { Places } from '../../../src/checks/semantic/places.ts';
import { RuleBody } from '../../../src/checks/semantic/rule-body.ts';

/** The value each plain pattern reads in a body given as JSON text, as the rules see it. */
function valuesAt(patterns: string[], text: string): Record<string, unknown> {
  const places = new Places(patterns);
  const body = new RuleBody({ value: JSON.parse(text), text }, places);
  return Object.fromEntries(patterns.map((pattern) => [pattern, body.valueAt(places.place(pattern), [])]));
}

describe('RuleBody: the plain places read as a body is made', () => {
  it('reads what a parsed body inherits as absent, and its own members of those names', () => {
    const inherited = ['/constructor', '/toString', '/__proto__', '/hasOwnProperty', '/list/length', '/list/constructor', '/list/map', '/name/length'];
    expect(valuesAt(inherited, '{"list": ["1"], "name": "abc"}')).toEqual(Object.fromEntries(inherited.map((pattern) => [pattern, undefined])));
    expect(valuesAt(['/constructor', '/toString', '/__proto__', '/m/length'], '{"constructor": "1", "toString": "2", "__proto__": "3", "m": {"length": "4"}}')).toEqual({
      '/constructor': '1',
      '/toString': '2',
      '/__proto__': '3',
      '/m/length': '4',
    });
  });

  it('reads an array under a named place by index only, and a name under an array as absent', () => {
    expect(valuesAt(['/available/0', '/available/1', '/available/01', '/list/available', '/m/0'], '{"available": ["5"], "list": ["x"], "m": {"0": "z"}}')).toEqual({
      '/available/0': '5',
      '/available/1': undefined,
      '/available/01': undefined,
      '/list/available': undefined,
      '/m/0': 'z',
    });
  });

  it('reads a place under an absent, null or scalar member as absent', () => {
    expect(valuesAt(['/a/b', '/n/b', '/s/b', '/t/b/c'], '{"n": null, "s": "text", "t": {"b": 1}}')).toEqual({ '/a/b': undefined, '/n/b': undefined, '/s/b': undefined, '/t/b/c': undefined });
  });

  it('reads a pattern that is a prefix of another, in either order, and the whole body', () => {
    const text = '{"position": {"available": "1000"}, "a~b": {"c/d": "2"}}';
    const read = { '/position': { available: '1000' }, '/position/available': '1000', '/a~0b/c~1d': '2', '': JSON.parse(text) };
    expect(valuesAt(['/position/available', '/position', '/a~0b/c~1d', ''], text)).toEqual(read);
    expect(valuesAt(['', '/a~0b/c~1d', '/position', '/position/available'], text)).toEqual(read);
  });

  it('reads every slot’s member, past the 31 that each have a load of their own', () => {
    const patterns = Array.from({ length: 40 }, (_, index) => `/k${index}`);
    const body = Object.fromEntries(patterns.map((pattern, index) => [pattern.slice(1), `v${index}`]));
    expect(valuesAt(patterns, JSON.stringify(body))).toEqual(Object.fromEntries(patterns.map((pattern, index) => [pattern, `v${index}`])));
  });
});
