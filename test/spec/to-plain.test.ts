import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SpecLoadError } from '../../src/spec/errors.ts';
import { parseText } from '../../src/spec/parse.ts';
import { MAX_DEPTH } from '../../src/spec/to-plain.ts';
import { REPO_ROOT } from '../support/paths.ts';

const located = (text: string) => {
  try {
    parseText('doc.yaml', text);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecLoadError);
    return (error as SpecLoadError).located;
  }
  throw new Error('parsed');
};
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('YAML to plain values without recursion', () => {
  it.each(['specs/whop/1.0.0.yaml', 'specs/midaz/3.7.0.yaml', 'specs/midaz/3.7.1.yaml', 'specs/xendit/2026-01-08.yaml', 'test/fixtures/specs/defects.yaml', 'test/fixtures/specs/pets.json'])(
    'gives the yaml package’s own values for %s',
    (file) => {
      const text = readFileSync(join(REPO_ROOT, file), 'utf8');
      expect(parseText(file, text)).toStrictEqual(parse(text));
    },
  );

  it('keeps an alias the same object as its anchor, never a copy', () => {
    const value = parseText('doc.yaml', 'a: &x { b: [1, &y two, *y] }\nc: *x\n') as { a: unknown; c: unknown };
    expect(value).toStrictEqual({ a: { b: [1, 'two', 'two'] }, c: { b: [1, 'two', 'two'] } });
    expect(value.c).toBe(value.a);
  });

  it('turns keys into strings like JSON and keeps __proto__ an own key, never the prototype', () => {
    const value = parseText('doc.yaml', '200: ok\n~: n\ntrue: t\n__proto__: { polluted: true }\n') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['200', '', 'true', '__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`reads ${MAX_DEPTH} levels and refuses one more, where it starts`, () => {
    expect(parseText('doc.json', nested(MAX_DEPTH))).toBeInstanceOf(Array);
    expect(located(nested(MAX_DEPTH + 1))).toBe(`doc.yaml:1:${MAX_DEPTH + 1}: the document nests deeper than 256 levels, more than conform reads`);
  });

  it('counts the depth an alias brings with it', () => {
    const text = `a: &a ${nested(MAX_DEPTH - 1)}\nb: [*a]\n`;
    expect(located(text)).toMatch(/^doc\.yaml:2:5: the document nests deeper than 256 levels/);
  });

  it('names aliases that repeat too many values, point into their own anchor, or have no anchor', () => {
    const wide = `a: &a [${Array(2000).fill('0').join(',')}]\nb: &b [${Array(1000).fill('*a').join(',')}]\n`;
    expect(located(wide)).toMatch(/^doc\.yaml:2:\d+: aliases repeat more than 50,000 values, more than conform compiles \(use \$ref to share a schema\)$/);
    expect(located('a: &a [1, [*a]]\n')).toBe('doc.yaml:1:12: alias *a is inside its own anchor: the document would be infinite');
    expect(located('a: *nowhere\n')).toBe('doc.yaml:1:4: invalid YAML/JSON: alias *nowhere has no anchor before it');
  });

  // The yaml package would take about 12 s to build these 4 MB; the refusal comes before it, from its lexer.
  it('names a document of too many values, at the scalar past the limit, before the parser builds it', () => {
    const zeros = (count: number) => Array(count).fill('0').join(',');
    // Scalar 2,000,001 starts after "[" and 2,000,000 times "0,": column 4,000,002. (The parser's own count, which
    // counts the list too, would stop one scalar earlier.)
    expect(located(`[${zeros(2_000_001)}]\n`)).toBe('doc.yaml:1:4000002: the document holds more than 2,000,000 values, more than conform reads');
    // Keys are values too: "key" is the first, so the 2,000,000th zero is past the limit.
    expect(located(`%YAML 1.2\n--- # a list\nkey:\n  - [${zeros(2_000_001)}]\n`)).toBe('doc.yaml:4:4000004: the document holds more than 2,000,000 values, more than conform reads');
  }, 60_000);

  it('counts values of the first document only: a second is the parser\'s error, not more values', () => {
    expect(located(`a: 1\n---\n[${Array(2_000_001).fill('0').join(',')}]\n`)).toMatch(/^doc\.yaml:2:1: invalid YAML\/JSON: Source contains multiple documents/);
  }, 60_000);

  it('refuses a key that is a collection: OpenAPI documents are JSON', () => {
    expect(located('? [a, b]\n: 1\n')).toBe('doc.yaml:1:3: a mapping key that is not a plain value (OpenAPI documents are JSON)');
  });
});
