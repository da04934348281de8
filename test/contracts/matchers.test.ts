import { describe, expect, it } from 'vitest';
import { bodyMatcher } from '../../src/contracts/matchers.ts';
import { pactPathToPointer } from '../../src/contracts/verification.ts';
import { heldBranches } from '../../src/schema/branches.ts';
import { SchemaRegistry } from '../../src/schema/registry.ts';
import { prepareForValidation } from '../../src/spec/prepare.ts';

// The matcher tree pact-core receives (integration JSON), for small inline schemas.
const like = (value: unknown) => ({ 'pact:matcher:type': 'type', value });
const shaped = (regex: string, value: string) => ({ 'pact:matcher:type': [{ 'pact:matcher:type': 'type' }, { 'pact:matcher:type': 'regex', regex }], value });

/** The body's matchers under `schema`, placed in `document` at /schema, with the branches the checker's validator holds the body to. */
function matcher(body: unknown, schema: unknown, document: object = {}): unknown {
  if (schema === undefined) return bodyMatcher(body, null);
  const placed = { ...document, schema };
  const { documentId } = prepareForValidation(placed, REGISTRY);
  const branches = heldBranches(body, '/schema', { document: placed, validatorAt: (pointer) => REGISTRY.validator(documentId, pointer) });
  return bodyMatcher(body, { document: placed, schemaPointer: '/schema', branches });
}

const REGISTRY = new SchemaRegistry();

describe('matchers derived from a schema, with the observed value as the example', () => {
  it('hold integers as integers and other numbers as numbers (an amount may lose its fraction)', () => {
    const schema = { type: 'object', properties: { count: { type: 'integer' }, amount: { type: 'number' } } };
    expect(matcher({ count: 3, amount: 1520.75 }, schema)).toEqual(
      like({ count: { 'pact:matcher:type': 'integer', value: 3 }, amount: { 'pact:matcher:type': 'number', value: 1520.75 } }),
    );
  });

  it('hold an enum by its documented values, a const by equality, a null by nullValue', () => {
    const schema = { type: 'object', properties: { kind: { type: ['string', 'null'], enum: ['a.b', 'c', null] }, typename: { const: 'User' }, fee: { type: ['number', 'null'] } } };
    expect(matcher({ kind: 'a.b', typename: 'User', fee: null }, schema)).toEqual(
      like({ kind: shaped('^(?:a\\.b|c)$', 'a.b'), typename: { 'pact:matcher:type': 'equality', value: 'User' }, fee: { 'pact:matcher:type': 'null', value: null } }),
    );
  });

  it('hold date-times by a Pact datetime format read off the value, and dates, uuids and portable patterns by their shape', () => {
    const schema = {
      type: 'object',
      properties: { at: { format: 'date-time' }, on: { format: 'date' }, ref: { format: 'uuid' }, code: { pattern: '^[A-Z]{3}$' }, odd: { pattern: '^(?!x)\\w+$' } },
    };
    const body = { at: '2026-02-25T21:04:51.6Z', on: '2026-02-25', ref: '019c96a0-0c0d-7915-84b9-e497bfee9916', code: 'BRL', odd: 'abc' };
    expect(matcher(body, schema)).toEqual(
      like({
        at: { 'pact:matcher:type': 'timestamp', format: "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX", value: body.at },
        on: { 'pact:matcher:type': 'date', format: 'yyyy-MM-dd', value: body.on },
        ref: shaped('^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', body.ref),
        code: shaped('^[A-Z]{3}$', 'BRL'),
        // A lookahead cannot be checked by the Rust verifier: held by its type only.
        odd: like('abc'),
      }),
    );
  });

  it('hold ids by their shape, whatever the schema says of them', () => {
    const body = { id: 'ldgr_7hK2mQ9xR4tV1c', account_id: 'aaaaaaaaaaaaaaaaaaaaaaaa', ownerId: 'not shaped', name: 'biz_notAnId' };
    const schema = { type: 'object', properties: Object.fromEntries(Object.keys(body).map((name) => [name, { type: 'string' }])) };
    expect(matcher(body, schema)).toEqual(
      like({ id: shaped('^ldgr_[A-Za-z0-9]+$', body.id), account_id: shaped('^[0-9a-f]{24}$', body.account_id), ownerId: like('not shaped'), name: like('biz_notAnId') }),
    );
  });

  it('demand only the properties the schema declares: an undeclared key is recorded masked, and the vendor sends the real one', () => {
    const schema = { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: { type: 'string' } };
    expect(matcher({ id: 'x', 'person-0a1b2c3d@example.invalid': 'y' }, schema)).toEqual(like({ id: like('x') }));
    expect(matcher({ any: 1 }, undefined)).toEqual(like({}));
  });

  it('hold arrays by their first item, demanding no more items than were observed', () => {
    const schema = { type: 'array', minItems: 2, items: { type: 'integer' } };
    expect(matcher([7], schema)).toEqual({ 'pact:matcher:type': 'type', min: 1, value: [{ 'pact:matcher:type': 'integer', value: 7 }] });
    expect(matcher([], schema)).toEqual(like([]));
    expect(matcher([1, 2, 3], { type: 'array' })).toEqual({ 'pact:matcher:type': 'type', min: 0, value: [{ 'pact:matcher:type': 'number', value: 1 }] });
  });

  it('hold an array of mixed items by one arrayContains variant per shape, each by its own oneOf branch', () => {
    const schema = { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'object', properties: { field: { type: 'string', enum: ['id'] } } }] } };
    expect(matcher(['Detailed description here', { field: 'id' }, 'another'], schema)).toEqual({
      'pact:matcher:type': 'arrayContains',
      variants: [like('Detailed description here'), like({ field: shaped('^(?:id)$', 'id') })],
    });
    // Objects missing a property the first one has are another shape: Pact would demand it of every item.
    expect(matcher([{ a: 1, b: 2 }, { a: 3 }], { type: 'array', items: { type: 'object', properties: { a: {}, b: {} } } })).toMatchObject({ 'pact:matcher:type': 'arrayContains', variants: [like({ a: expect.anything(), b: expect.anything() }), like({ a: expect.anything() })] });
    // A long list of varied objects: its first eight shapes, no more.
    const varied = Array.from({ length: 12 }, (_, i) => ({ [`k${i}`]: i }));
    expect((matcher(varied, { type: 'array' }) as { variants: unknown[] }).variants).toHaveLength(8);
  });

  it('follow $refs and allOf, and pick the oneOf branch whose discriminating const fits', () => {
    const document = {
      components: {
        schemas: {
          User: { type: 'object', properties: { typename: { const: 'User' }, id: { type: 'string' } } },
          Company: { allOf: [{ type: 'object', properties: { typename: { const: 'Company' } } }, { properties: { seats: { type: 'integer' } } }] },
        },
      },
    };
    const schema = { oneOf: [{ $ref: '#/components/schemas/User' }, { $ref: '#/components/schemas/Company' }] };
    expect(matcher({ typename: 'Company', seats: 4 }, schema, document)).toEqual(
      like({ typename: { 'pact:matcher:type': 'equality', value: 'Company' }, seats: { 'pact:matcher:type': 'integer', value: 4 } }),
    );
  });

  it('stop at a cyclic $ref instead of looping', () => {
    const document = { components: { schemas: { Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }], properties: { next: { $ref: '#/components/schemas/Loop' } } } } } };
    const body = { next: { next: { next: null } } };
    expect(matcher(body, { $ref: '#/components/schemas/Loop' }, document)).toEqual(like({ next: like({ next: like({ next: { 'pact:matcher:type': 'null', value: null } }) }) }));
  });

  it('fall back to the observed type where the value does not fit the schema, so the contract verifies against what was recorded', () => {
    const schema = { type: 'object', properties: { amount: { type: 'number' }, status: { type: 'string', enum: ['LIVE'] } } };
    expect(matcher({ amount: '12.50', status: 'ACTIVE' }, schema)).toEqual(like({ amount: like('12.50'), status: like('ACTIVE') }));
  });
});

describe("Pact's mismatch paths as JSON pointers", () => {
  it.each([
    ['$', ''],
    ['$.balances[0].currency', '/balances/0/currency'],
    ["$['a key'].b", '/a key/b'],
    ['$.a/b', '/a~1b'],
    ['not a path', null],
  ])('%s -> %s', (path, pointer) => {
    expect(pactPathToPointer(path)).toBe(pointer);
  });
});
