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
});
