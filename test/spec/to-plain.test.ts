import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { SpecLoadError } from '../../src/spec/errors.ts';
import { parseText } from '../../src/spec/parse.ts';
import { MAX_DEPTH } from '../../src/spec/to-plain.ts';
import { firstDocumentEnd } from '../../src/spec/value-count.ts';
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

  it('counts a plain "..." or "---" as a value, not as the end or start of a document', () => {
    const zeros = Array(2_000_001).fill('0').join(',');
    // "..." is the first value, so the 2,000,000th zero is past the limit: after "- [" and 1,999,999 times "0,". (A plain
    // "---" is the same scalar marker and text to the lexer: the marker tests below read it so.)
    expect(located(`- ...\n- [${zeros}]\n`)).toBe('doc.yaml:2:4000002: the document holds more than 2,000,000 values, more than conform reads');
  }, 60_000);

  it('counts quoted values as the plain ones: a JSON document is all quoted keys and strings', () => {
    // "0" and '0' alternate; the 2,000,001st starts after "[" and 2,000,000 times four characters.
    const quoted = Array.from({ length: 2_000_001 }, (_, index) => (index % 2 ? "'0'" : '"0"')).join(',');
    expect(located(`[${quoted}]\n`)).toBe('doc.yaml:1:8000002: the document holds more than 2,000,000 values, more than conform reads');
  }, 60_000);

  // The lexer screens only texts long enough to write too many values: a long comment line makes these so.
  const long = (text: string) => `#${'x'.repeat(2 * 2_000_000)}\n${text}`;

  it('refuses a second document where the parser would, having parsed the first alone', () => {
    const texts = ['a: 1\n---\nb: 2\n', 'a: 1\n--- \nb\n', '"a"\n---\n', 'a:\n  - 1\n---\n', 'a: 1\n...\nb: 2\n', 'a: 1\n...\n  b: 2\n', 'a: 1\n...\n---\n', 'a: 1\n...\n...\n'];
    // An empty first document, and a plain scalar that is one of the lexer's own control characters.
    texts.push('...\na: 1\n', '...\n---\na: 1\n', '---\n---\na: 1\n', '--- # a map\n---\na: 1\n', 'a: \x1f\n---\nb: 1\n');
    for (const text of texts) {
      const [error] = parseDocument(long(text)).errors;
      expect(error?.code).toBe('MULTIPLE_DOCS');
      const { line, col } = error!.linePos![0];
      // The screen finds where the second document starts; the parser then reads only the first.
      expect(firstDocumentEnd('doc.yaml', long(text)), text).toBeLessThan(long(text).length);
      expect(located(long(text)), text).toBe(`doc.yaml:${line}:${col}: invalid YAML/JSON: Source contains multiple documents; please use YAML.parseAllDocuments()`);
    }
  });

  it('names the first document\'s own mistake before its second document, as the parser does', () => {
    const text = long('a: "b\n---\nc: 1\n');
    const [error] = parseDocument(text).errors;
    expect(error?.code).not.toBe('MULTIPLE_DOCS');
    expect(located(text)).toBe(`doc.yaml:${error!.linePos![0].line}:${error!.linePos![0].col}: invalid YAML/JSON: ${error!.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  });

  it('reads document markers that start or end no second document, and "---" or "..." as scalars', () => {
    const texts = ['a: 1\n...\n# the end\n', '--- # a map\na: 1\n', '%YAML 1.2\n---\na: 1\n...\n', 'a: ...\nb: ---\n', '- ---\n- ...\n', '[---, ...]\n', 'a: |\n  ---\n  ...\n'];
    // Space, a line break or a byte order mark (a file saved on Windows) before the first `---`.
    texts.push(' \n---\na: 1\n', '\n---\na: 1\n');
    for (const text of texts) {
      expect(parseDocument(long(text)).errors).toEqual([]);
      expect(firstDocumentEnd('doc.yaml', long(text)), text).toBe(long(text).length);
    }
    // A byte order mark is one only at the start: the long comment goes last.
    const marked = `\uFEFF---\nopenapi: 3.1.0\n#${'x'.repeat(2 * 2_000_000)}\n`;
    expect(parseDocument(marked).errors).toEqual([]);
    expect(firstDocumentEnd('doc.yaml', marked)).toBe(marked.length);
  });

  it('refuses a key that is a collection: OpenAPI documents are JSON', () => {
    expect(located('? [a, b]\n: 1\n')).toBe('doc.yaml:1:3: a mapping key that is not a plain value (OpenAPI documents are JSON)');
  });
});
