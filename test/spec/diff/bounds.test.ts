import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRef } from '../../../src/spec/diff/refs.ts';
import { diffSpecs, loadSpec } from '../../../src/spec/index.ts';
import { REPO_ROOT } from '../../support/paths.ts';
import { account, diffRows, GET, object } from './documents.ts';

type Json = Record<string, unknown>;

describe('self-referencing and hostile schemas', () => {
  const tree = (node: Json) => account({ $ref: '#/components/schemas/Node' }, { components: { schemas: { Node: node } } });
  const children = { type: 'array', items: { $ref: '#/components/schemas/Node' } };

  it('a cyclic schema is compared once along each path and the change found where it first appears', async () => {
    const base = tree(object({ id: { type: 'string' }, children }));
    const revision = tree(object({ id: { type: 'string' }, label: { type: 'string' }, children }));
    expect(await diffRows(base, revision)).toEqual([['response-optional-property-added', GET, '200', '/label']]);
  });

  it('two schemas referring to each other terminate', async () => {
    const schemas = (extra: Json) => ({
      components: {
        schemas: {
          Account: object({ owner: { $ref: '#/components/schemas/Owner' }, ...extra }),
          Owner: object({ accounts: { type: 'array', items: { $ref: '#/components/schemas/Account' } } }),
        },
      },
    });
    const base = account({ $ref: '#/components/schemas/Account' }, schemas({}));
    const revision = account({ $ref: '#/components/schemas/Account' }, schemas({ memo: { type: 'string' } }));
    expect(await diffRows(base, revision)).toEqual([['response-optional-property-added', GET, '200', '/memo']]);
  });

  const fanOut = (leaf: Json) => {
    const schemas: Json = { L30: leaf };
    for (let i = 0; i < 30; i++) schemas[`L${i}`] = object({ a: { $ref: `#/components/schemas/L${i + 1}` }, b: { $ref: `#/components/schemas/L${i + 1}` } });
    return account({ $ref: '#/components/schemas/L0' }, { components: { schemas } });
  };

  it('a schema that fans out exponentially, identical in both, is not walked at all', async () => {
    expect(await diffRows(fanOut({ type: 'string' }), fanOut({ type: 'string' }))).toEqual([]);
  });

  it('a fan-out that differs only where nothing is reported is cut at the work bound and says so once', async () => {
    const rows = await diffRows(fanOut({ type: 'string', description: 'old' }), fanOut({ type: 'string', description: 'new' }));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 3)).toEqual(['spec-diff-incomplete', GET, '200']);
  });

  it('a fan-out with a change at every leaf keeps 10,000 changes and says the list was cut', async () => {
    const rows = await diffRows(fanOut({ type: 'string' }), fanOut({ type: 'integer' }));
    expect(rows).toHaveLength(10_001);
    expect(rows.filter((row) => row[0] === 'response-property-type-changed')).toHaveLength(10_000);
    expect(rows.at(-1)).toEqual(['spec-diff-incomplete', null, null, null, 'more than 10000 changes']);
  });

  it('a document nested deeper than the walk goes, diffed with itself, has no change', async () => {
    const schemas: Json = { Level70: { type: 'string' } };
    for (let i = 0; i < 70; i++) schemas[`Level${i}`] = object({ next: { $ref: `#/components/schemas/Level${i + 1}` } });
    const deep = account({ $ref: '#/components/schemas/Level0' }, { components: { schemas } });
    expect(await diffRows(deep, deep)).toEqual([]);
  });

  it('a schema reached again inside itself is compared as identical (cycles) but a difference below still counts', async () => {
    const list = (leaf: Json) => tree(object({ id: leaf, children }));
    expect(await diffRows(list({ type: 'string' }), list({ type: 'string' }))).toEqual([]);
    expect(await diffRows(list({ type: 'string' }), list({ type: 'integer' }))).toEqual([['response-property-type-changed', GET, '200', '/id']]);
  });

  it('a schema taken as identical only while its cycle was assumed identical is compared again elsewhere', async () => {
    const document = (x: Json) =>
      account(object({ node: { $ref: '#/components/schemas/Node' }, list: { $ref: '#/components/schemas/List' } }), {
        components: { schemas: { List: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, Node: object({ children: { $ref: '#/components/schemas/List' }, x }) } },
      });
    expect(await diffRows(document({ type: 'string' }), document({ type: 'integer' }))).toEqual([
      ['response-property-type-changed', GET, '200', '/list/items/x'],
      ['response-property-type-changed', GET, '200', '/node/x'],
    ]);
  });

  it('refs that dangle, loop on themselves or are not pointers compare as nothing, without throwing', async () => {
    const refs = (status: Json) => account(object({ status, other: { $ref: '#/components/schemas/Loop' } }), { components: { schemas: { Loop: { $ref: '#/components/schemas/Loop' } } } });
    expect(await diffRows(refs({ $ref: '#/components/schemas/Missing' }), refs({ $ref: '#Status' }))).toEqual([]);
  });

  it('a $ref with malformed percent-encoding resolves to nothing instead of throwing', () => {
    const document = { components: { schemas: { A: { type: 'string' } } } };
    expect(resolveRef(document, { $ref: '#/components/schemas/%E0%A4%A' })).toMatchObject({ schema: null });
    expect(resolveRef(document, { $ref: '#/components/schemas/A' })).toEqual({ schema: { type: 'string' }, name: 'A', target: '#/components/schemas/A' });
  });
});

describe('what is never a change', () => {
  it('descriptions, summaries, titles of properties and examples', async () => {
    const documented = (text: string) =>
      account(object({ id: { type: 'string', description: `${text} id`, example: `acc_${text}`, title: text } }, ['id']), { info: { title: text, version: '1', description: text } }, {
        summary: text,
        description: text,
      });
    expect(await diffRows(documented('old'), documented('new'))).toEqual([]);
  });
});

describe('a document compared with itself', () => {
  const documents = readdirSync(join(REPO_ROOT, 'specs'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((vendor) =>
      readdirSync(join(REPO_ROOT, 'specs', vendor.name))
        .filter((file) => /\.(ya?ml|json)$/.test(file))
        .map((file) => `specs/${vendor.name}/${file}`),
    );

  it('finds the checked-in documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(4);
  });

  for (const file of documents) {
    it(`${file} has no changes`, async () => {
      const load = () => loadSpec(file, { cwd: REPO_ROOT });
      expect(diffSpecs(await load(), await load())).toEqual({ breaking: false, changes: [] });
    });
  }
});
