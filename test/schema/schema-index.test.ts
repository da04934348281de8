import { describe, expect, it } from 'vitest';
import { schemaIndex } from '../../src/schema/schema-index.ts';

/** A chain of `length` schemas, each a $ref to the next, the last one plain (or a oneOf). */
function chain(length: number, end: object): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  for (let i = 0; i < length; i++) defs[`c${i}`] = { $ref: `#/$defs/c${i + 1}` };
  defs[`c${length}`] = end;
  return { $defs: defs, plain: { type: 'object', properties: { name: { type: 'string' } } } };
}

describe("a document's schema index", () => {
  it('finds a composite at the end of a $ref chain, and knows a plain schema reaches none', () => {
    const index = schemaIndex(chain(50, { oneOf: [{ type: 'string' }, { type: 'number' }] }));
    expect(index.reachesComposite('/$defs/c0')).toBe(true);
    expect(index.reachesComposite('/plain')).toBe(false);
  });

  it('spends one budget of visits per document, not per scan: past it every unknown schema is answered "reachable" (the walk decides)', () => {
    // A chain longer than the budget: its first scan spends it all. Per scan, the plain schema would
    // still be scanned (and found to reach nothing): many starts on one hostile chain would each walk it.
    const index = schemaIndex(chain(100_001, { type: 'string' }));
    expect(index.reachesComposite('/$defs/c0')).toBe(true);
    expect(index.reachesComposite('/plain')).toBe(true);
  });
});
