import { describe, expect, it } from 'vitest';
import { heldBranches } from '../../src/schema/branches.ts';
import { SchemaRegistry } from '../../src/schema/registry.ts';
import { prepareForValidation } from '../../src/spec/prepare.ts';

const REGISTRY = new SchemaRegistry();

/** The branches `body` holds under the document's /schema, with the checker's own validators. */
function held(body: unknown, document: Record<string, unknown>) {
  const { documentId } = prepareForValidation(document, REGISTRY);
  return heldBranches(body, '/schema', { document, validatorAt: (pointer) => REGISTRY.validator(documentId, pointer) });
}

const STRING_OR_INTEGER = { oneOf: [{ type: 'string' }, { type: 'integer' }] };

describe('held branches, where the only composite is reached through one keyword', () => {
  it.each([
    ['a $ref inside items', { type: 'array', items: { $ref: '#/defs/Item' } }, [{ kind: 3 }], { '/0/kind': ['/defs/Item/properties/kind/oneOf/1'] }],
    ['additionalProperties', { type: 'object', additionalProperties: { $ref: '#/defs/Kind' } }, { x: 'a' }, { '/x': ['/defs/Kind/oneOf/0'] }],
    ['allOf', { allOf: [{ type: 'object' }, { $ref: '#/defs/Item' }] }, { kind: 'a' }, { '/kind': ['/defs/Item/properties/kind/oneOf/0'] }],
    ['prefixItems', { type: 'array', prefixItems: [{ type: 'string' }, { $ref: '#/defs/Kind' }] }, ['x', 7], { '/1': ['/defs/Kind/oneOf/1'] }],
    ['a chosen branch', { oneOf: [{ type: 'string' }, { $ref: '#/defs/Item' }] }, { kind: 7 }, { '': ['/schema/oneOf/1'], '/kind': ['/defs/Item/properties/kind/oneOf/1'] }],
  ])('finds it through %s', (_, schema, body, expected) => {
    const document = { schema, defs: { Item: { type: 'object', properties: { kind: STRING_OR_INTEGER } }, Kind: STRING_OR_INTEGER } };
    expect(held(body, document)).toEqual(expected);
  });

  it('does not read the body when its schema reaches no composite, though the document has one elsewhere', () => {
    const document = { schema: { type: 'object', properties: { name: { type: 'string' } } }, defs: { Kind: STRING_OR_INTEGER } };
    let reads = 0;
    const body = new Proxy({ name: 'a' }, { ownKeys: (target) => (reads++, Reflect.ownKeys(target)), get: (target, key) => (reads++, Reflect.get(target, key)) });
    expect(held(body, document)).toEqual({});
    expect(reads).toBe(0);
  });

  it('does not read a value whose schema reaches no composite, nor one whose $ref an earlier scan found bare', () => {
    const name = { type: 'object', properties: { first: { type: 'string' } } };
    const document = { schema: { type: 'object', properties: { other: STRING_OR_INTEGER, name: { $ref: '#/defs/Name' }, alias: { $ref: '#/defs/Name' } } }, defs: { Name: name } };
    let reads = 0;
    const watched = () => new Proxy({ first: 'a' }, { ownKeys: (target) => (reads++, Reflect.ownKeys(target)) });
    // No composite is met, so nothing counts the body's size either: any read is the walk's.
    expect(held({ name: watched(), alias: watched() }, document)).toEqual({});
    expect(reads).toBe(0);
  });
});

describe('held branches under recursive $refs', () => {
  it('ends on a cycle of $refs that reaches no composite', () => {
    const document = { schema: { $ref: '#/defs/A' }, defs: { A: { $ref: '#/defs/B' }, B: { $ref: '#/defs/A', properties: { next: { $ref: '#/defs/A' } } } } };
    expect(held({ next: { next: { next: {} } } }, document)).toEqual({});
  });

  it('holds the composite at every level of a recursive schema', () => {
    const node = { type: 'object', properties: { kind: STRING_OR_INTEGER, next: { $ref: '#/defs/Node' } } };
    const document = { schema: { $ref: '#/defs/Node' }, defs: { Node: node } };
    expect(held({ kind: 'a', next: { kind: 2, next: { kind: 'c' } } }, document)).toEqual({
      '/kind': ['/defs/Node/properties/kind/oneOf/0'],
      '/next/kind': ['/defs/Node/properties/kind/oneOf/1'],
      '/next/next/kind': ['/defs/Node/properties/kind/oneOf/0'],
    });
  });
});
