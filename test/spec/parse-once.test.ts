import { describe, expect, it } from 'vitest';
import { parseText, SpecLoadError } from '../../src/spec/index.ts';

describe('a document parsed again (its vendor file checked, then the document loaded)', () => {
  const text = 'openapi: 3.1.0\ninfo: { title: Once, version: "1" }\npaths:\n  /a: { get: { responses: { "200": { description: ok } } } }\n';

  it('is the same document, each caller with its own copy to change', () => {
    for (let caller = 0; caller < 2; caller++) (parseText('once.yaml', text) as { info: { title: string } }).info.title = 'changed by a loader';
    expect(parseText('once.yaml', text)).toEqual({ openapi: '3.1.0', info: { title: 'Once', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } } });
  });

  it('keeps its aliases shared in every copy, as the parser built them', () => {
    const copy = parseText('alias.yaml', 'a: &x { b: 1 }\nc: *x\n') as { a: object; c: object };
    expect(copy.c).toBe(copy.a);
  });

  it('that is broken is refused every time', () => {
    for (let time = 0; time < 2; time++) expect(() => parseText('broken.yaml', 'a: [\n')).toThrow(SpecLoadError);
  });
});
