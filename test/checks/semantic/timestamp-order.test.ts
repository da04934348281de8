import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/checks/index.ts';
import { answering, specOf } from './spec-of.ts';

const item = { type: 'object', properties: { id: { type: 'string' }, created_at: { type: 'string' }, deleted_at: { type: ['string', 'null'] } } };
const spec = await specOf({
  '/items': { get: answering({ type: 'array', items: item }), post: answering(item) },
  '/items/{id}': { get: answering(item, ['id']) },
});
const deletions = (key: string, body: unknown) => {
  const operation = spec.operations.find((o) => o.key === key)!;
  const response = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
  return checkResponse(spec, operation, response, { integrity: true })
    .filter((f) => f.id === 'timestamp-order-violated')
    .map((f) => [f.pointer, f.expected]);
};
const deleted = { id: 'i1', created_at: '2026-01-01T00:00:00Z', deleted_at: '2026-01-02T00:00:00Z' };

describe('a deletion time on a live resource', () => {
  it('is the resource a GET answered', () => {
    expect(deletions('GET /items/{id}', deleted)).toEqual([['/deleted_at', 'null (a live resource)']]);
  });

  it('is not an item of a list, which may hold deleted items', () => {
    expect(deletions('GET /items', [{ ...deleted, deleted_at: null }, deleted])).toEqual([]);
  });

  it('is not what a POST answered', () => {
    expect(deletions('POST /items', deleted)).toEqual([]);
  });
});
