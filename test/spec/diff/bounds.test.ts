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

  it('a schema that fans out exponentially is cut at the work bound and says so once', async () => {
    const schemas: Json = {};
    for (let i = 0; i < 30; i++) schemas[`L${i}`] = object({ a: { $ref: `#/components/schemas/L${i + 1}` }, b: { $ref: `#/components/schemas/L${i + 1}` } });
    const base = account({ $ref: '#/components/schemas/L0' }, { components: { schemas: { ...schemas, L30: { type: 'string' } } } });
    const revision = account({ $ref: '#/components/schemas/L0' }, { components: { schemas: { ...schemas, L30: { type: 'string' } } } });
    const rows = await diffRows(base, revision);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 3)).toEqual(['spec-diff-incomplete', GET, '200']);
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
