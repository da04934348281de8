import { describe, expect, it } from 'vitest';
import { account, diffRows, GET, object } from './documents.ts';

type Json = Record<string, unknown>;

const body = (branches: Json[], schemas: Json = {}) => account(object({ owner: { oneOf: branches } }, ['owner']), { components: { schemas } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('oneOf branches pair by component name, then title, then the anonymous in order', () => {
  it('each kind pairs with its own, the first still free, whatever the positions', async () => {
    const schemas = { User: object({ id: { type: 'string' } }), Team: object({ id: { type: 'string' } }) };
    const base = body([{ type: 'string' }, ref('User'), { title: 'Bot', type: 'object' }, { type: 'integer' }, ref('Team')], schemas);
    const revision = body([ref('Team'), { title: 'Bot', type: 'object' }, { type: 'number' }, ref('User'), { type: 'string' }], schemas);
    expect(await diffRows(base, revision)).toEqual([
      ['response-property-type-changed', GET, '200', '/owner/oneOf[#2]'],
      ['response-property-type-changed', GET, '200', '/owner/oneOf[#4]'],
    ]);
  });

  it('a title taken by a named branch is not taken twice', async () => {
    const schemas = { User: { title: 'Person', type: 'object' } };
    const base = body([ref('User'), { title: 'Person', type: 'object' }], schemas);
    const revision = body([ref('User')], schemas);
    expect(await diffRows(base, revision)).toEqual([['response-property-one-of-removed', GET, '200', '/owner', 'Person']]);
  });

  it('thousands of branches pair one to one (one queue per name, per title, and of the anonymous)', async () => {
    const branches = (count: number) => Array.from({ length: count }, (_, i) => ({ type: 'object', properties: { [`k${i}`]: { const: i } } }));
    const rows = await diffRows(body(branches(2_000)), body([...branches(2_000), { title: 'New', type: 'object' }]));
    expect(rows).toEqual([['response-property-one-of-added', GET, '200', '/owner', 'New']]);
  });
});
