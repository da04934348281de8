import { describe, expect, it } from 'vitest';
import { api, diffRows, object } from './documents.ts';

type Json = Record<string, unknown>;

const POST = 'POST /transfers';
const body = (schema: Json, more: Json = {}) =>
  api({ '/transfers': { post: { requestBody: { content: { 'application/json': { schema } }, ...more }, responses: { '201': { description: 'created' } } } } });

describe('request bodies', () => {
  it('a property added optional, or added required but readOnly, asks nothing of a request', async () => {
    const base = body(object({ amount: { type: 'integer' } }));
    expect(await diffRows(base, body(object({ amount: { type: 'integer' }, memo: { type: 'string' } })))).toEqual([]);
    expect(await diffRows(base, body(object({ amount: { type: 'integer' }, id: { type: 'string', readOnly: true } }, ['id'])))).toEqual([]);
  });

  it('a required property new inside array items is found', async () => {
    const lines = (extra: Json, required: string[]) => body(object({ lines: { type: 'array', items: object({ amount: { type: 'integer' }, ...extra }, required) } }));
    expect(await diffRows(lines({}, []), lines({ currency: { type: 'string' } }, ['currency']))).toEqual([['new-required-request-property', POST, null, '/requestBody/lines/items/currency']]);
  });

  it('a body that was already required, or stays optional, is no change', async () => {
    const schema = object({ amount: { type: 'integer' } });
    expect(await diffRows(body(schema, { required: true }), body(schema, { required: true }))).toEqual([]);
    expect(await diffRows(body(schema), body(schema, { required: false }))).toEqual([]);
  });

  it('a body behind a $ref to components.requestBodies is followed', async () => {
    const referenced = (required: boolean) =>
      api(
        { '/transfers': { post: { requestBody: { $ref: '#/components/requestBodies/Transfer' }, responses: { '201': { description: 'created' } } } } },
        { components: { requestBodies: { Transfer: { required, content: { 'application/json': { schema: { type: 'object' } } } } } } },
      );
    expect(await diffRows(referenced(false), referenced(true))).toEqual([['request-body-became-required', POST, null, '/requestBody']]);
  });

  it('a request body that fans out exponentially, differing only where nothing is reported, is cut at the work bound', async () => {
    const fanOut = (description: string) => {
      const schemas: Json = { L30: { type: 'string', description } };
      for (let i = 0; i < 30; i++) schemas[`L${i}`] = object({ a: { $ref: `#/components/schemas/L${i + 1}` }, b: { $ref: `#/components/schemas/L${i + 1}` } });
      return { ...body({ $ref: '#/components/schemas/L0' }), components: { schemas } };
    };
    const rows = await diffRows(fanOut('old'), fanOut('new'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 3)).toEqual(['spec-diff-incomplete', POST, null]);
  });
});
