import { describe, expect, it } from 'vitest';
import { account, diffRows, GET, object } from './documents.ts';

type Json = Record<string, unknown>;

/** Every version keeps the Status component, so only the property's own spelling differs. */
const status = (schema: Json, more: Json = {}) =>
  account(object({ status: schema }, ['status']), { components: { schemas: { Status: { type: 'string' } } }, ...more });
const openapi30 = { openapi: '3.0.3' };

describe('nullability written three ways is one nullability', () => {
  const spellings: Array<[string, Json, Json]> = [
    ['nullable: true (3.0)', { type: 'string', nullable: true }, openapi30],
    ["type: [string, 'null']", { type: ['string', 'null'] }, {}],
    ["oneOf: [X, {type: 'null'}]", { oneOf: [{ type: 'string' }, { type: 'null' }] }, {}],
    ["oneOf: [$ref, {type: 'null'}]", { oneOf: [{ $ref: '#/components/schemas/Status' }, { type: 'null' }] }, {}],
    ["anyOf: [X, {type: 'null'}]", { anyOf: [{ type: 'string' }, { type: 'null' }] }, {}],
  ];

  for (const [fromName, from, fromMore] of spellings) {
    for (const [toName, to, toMore] of spellings) {
      it(`${fromName} -> ${toName} is no change`, async () => {
        expect(await diffRows(status(from, fromMore), status(to, toMore))).toEqual([]);
      });
    }
    it(`string -> ${fromName} became nullable, and back is not nullable`, async () => {
      const plain = status({ type: 'string' }, fromMore);
      expect(await diffRows(plain, status(from, fromMore))).toEqual([['response-property-became-nullable', GET, '200', '/status']]);
      expect(await diffRows(status(from, fromMore), plain)).toEqual([['response-property-became-not-nullable', GET, '200', '/status']]);
    });
  }

  it('a null enum member is nullability, not an enum value', async () => {
    expect(await diffRows(status({ type: 'string', enum: ['open'] }), status({ type: ['string', 'null'], enum: ['open', null] }))).toEqual([
      ['response-property-became-nullable', GET, '200', '/status'],
    ]);
  });
});

describe('oneOf branches pair by component name, then title', () => {
  const schemas = (user: Json, organization: Json) => ({
    components: { schemas: { User: { title: 'Person', ...user }, Organization: { title: 'Company', ...organization } } },
  });
  const owner = (branches: Json[], more: Json) => account(object({ owner: { oneOf: branches } }, ['owner']), more);
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  it('reordered $ref branches pair by name; a change inside one is located in it', async () => {
    const base = owner([ref('User'), ref('Organization')], schemas(object({ id: { type: 'string' } }), object({ id: { type: 'string' } })));
    const revision = owner(
      [ref('Organization'), ref('User')],
      schemas(object({ id: { type: 'string' }, typename: { type: 'string' } }, ['typename']), object({ id: { type: 'string' } })),
    );
    expect(await diffRows(base, revision)).toEqual([['response-required-property-added', GET, '200', '/owner/oneOf[User]/typename']]);
  });

  it('the name wins over a title that moved to another branch', async () => {
    const base = owner([ref('User'), ref('Organization')], schemas(object({ id: { type: 'string' } }), object({ id: { type: 'string' } })));
    const swappedTitles = {
      components: {
        schemas: { User: { ...object({ id: { type: 'integer' } }), title: 'Company' }, Organization: { ...object({ id: { type: 'string' } }), title: 'Person' } },
      },
    };
    expect(await diffRows(base, owner([ref('User'), ref('Organization')], swappedTitles))).toEqual([
      ['response-property-type-changed', GET, '200', '/owner/oneOf[User]/id'],
    ]);
  });

  it('an inlined branch pairs with the component of the same title and is labelled as the revision names it', async () => {
    const base = owner([ref('User'), ref('Organization')], schemas(object({ id: { type: 'string' } }), object({ id: { type: 'string' } })));
    const inlined = owner([{ title: 'Person', ...object({ id: { type: 'string' }, email: { type: 'string' } }) }, ref('Organization')], schemas({}, object({ id: { type: 'string' } })));
    expect(await diffRows(base, inlined)).toEqual([['response-optional-property-added', GET, '200', '/owner/oneOf[Person]/email']]);
  });

  it('branches with neither name nor title pair in order; a branch that has no partner is added', async () => {
    const base = owner([object({ a: { type: 'string' } })], {});
    const revision = owner([object({ a: { type: 'integer' } }), { title: 'Bank', ...object({ iban: { type: 'string' } }) }], {});
    expect(await diffRows(base, revision)).toEqual([
      ['response-property-one-of-added', GET, '200', '/owner', 'Bank'],
      ['response-property-type-changed', GET, '200', '/owner/oneOf[#0]/a'],
    ]);
  });
});

describe('where a body change is located', () => {
  it('array elements are `items`, at any depth', async () => {
    const grid = (available: Json) => account({ type: 'array', items: { type: 'array', items: object({ available }) } });
    expect(await diffRows(grid({ type: 'integer' }), grid({ type: 'string' }))).toEqual([['response-property-type-changed', GET, '200', '/items/items/available']]);
  });

  it('a change to the body itself is at /, under the body-level ID', async () => {
    expect(await diffRows(account(object({ id: { type: 'string' } })), account({ type: 'array' }))).toEqual([
      ['response-body-type-changed', GET, '200', '/'],
      ['response-optional-property-removed', GET, '200', '/id'],
    ]);
  });

  it('allOf members are merged: a property removed from a member is removed from the body', async () => {
    const base = account({ allOf: [object({ id: { type: 'string' } }, ['id']), object({ memo: { type: 'string' } })] });
    const revision = account({ allOf: [object({ id: { type: 'string' } }, ['id']), object({})] });
    expect(await diffRows(base, revision)).toEqual([['response-optional-property-removed', GET, '200', '/memo']]);
  });

  it('a property name with a slash is escaped as in a JSON pointer', async () => {
    expect(await diffRows(account(object({ 'a/b': { type: 'string' } })), account(object({})))).toEqual([['response-optional-property-removed', GET, '200', '/a~1b']]);
  });
});

describe('header parameters are named case-insensitively (as HTTP headers are)', () => {
  const withHeader = (name: string, required: boolean) =>
    account({ type: 'object' }, {}, { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name, in: 'header', required, schema: { type: 'string' } }] });

  it('X-Request-Id respelled x-request-id is no change', async () => {
    expect(await diffRows(withHeader('X-Request-Id', false), withHeader('x-request-id', false))).toEqual([]);
  });

  it('a change to it is reported once, under the lower-cased name', async () => {
    expect(await diffRows(withHeader('X-Request-Id', false), withHeader('x-request-ID', true))).toEqual([['request-parameter-became-required', GET, null, '/parameters/header/x-request-id']]);
  });

  it('query parameter names stay case-sensitive', async () => {
    const withQuery = (name: string) => account({ type: 'object' }, {}, { parameters: [{ name, in: 'query', schema: { type: 'string' } }] });
    expect(await diffRows(withQuery('Expand'), withQuery('expand'))).toEqual([
      ['request-parameter-removed', GET, null, '/parameters/query/Expand'],
      ['new-optional-request-parameter', GET, null, '/parameters/query/expand'],
    ]);
  });
});

describe('enum values keep their JSON type', () => {
  it('the number 3 and the string "3" added together are two values', async () => {
    const rows = await diffRows(status({ enum: ['open'] }), status({ enum: ['open', 3, '3'] }));
    expect(rows).toEqual([
      ['response-property-enum-value-added', GET, '200', '/status', '3'],
      ['response-property-enum-value-added', GET, '200', '/status', '3'],
    ]);
  });

  it('the number 3 replaced by the string "3" is one value removed and one added', async () => {
    expect(await diffRows(status({ enum: [3] }), status({ enum: ['3'] }))).toEqual([
      ['response-property-enum-value-added', GET, '200', '/status', '3'],
      ['response-property-enum-value-removed', GET, '200', '/status', '3'],
    ]);
  });
});
