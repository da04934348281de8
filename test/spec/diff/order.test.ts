import { describe, expect, it } from 'vitest';
import { api, diffRows, object } from './documents.ts';

type Json = Record<string, unknown>;

const ok = (content: Json) => ({ description: 'ok', content });

describe('the change list', () => {
  it('is ordered by operation as text (document-level last), status, where, id and value', async () => {
    const base = api(
      {
        '/b': { get: { responses: { '200': ok({ 'application/json': { schema: object({ x: { type: 'string' }, y: { type: 'string' } }, ['x', 'y']) } }) } } },
        '/a': { get: { responses: { '200': ok({}) } } },
      },
      { servers: [{ url: 'https://old.example' }] },
    );
    const revision = api(
      {
        '/b': { get: { responses: { '200': ok({ 'application/json': { schema: object({ x: { type: 'integer' } }, []) } }), '201': ok({}) } } },
        '/a': { get: { responses: { '200': ok({}) } }, post: { responses: { '200': ok({}) } } },
      },
      { servers: [{ url: 'https://new.example' }] },
    );
    expect(await diffRows(base, revision)).toEqual([
      ['response-property-became-optional', 'GET /b', '200', '/x'],
      ['response-property-type-changed', 'GET /b', '200', '/x'],
      ['response-required-property-removed', 'GET /b', '200', '/y'],
      ['response-success-status-added', 'GET /b', '201', '/responses/201'],
      ['endpoint-added', 'POST /a', null, null],
      ['api-server-added', null, null, '/servers', 'https://new.example'],
      ['api-server-removed', null, null, '/servers', 'https://old.example'],
    ]);
  });

  it('holds a fact once when one schema is reached twice (two media types sharing it)', async () => {
    const shared = (properties: Json) =>
      api(
        { '/a': { get: { responses: { '200': ok({ 'application/json': { schema: { $ref: '#/components/schemas/A' } }, 'application/vnd.a+json': { schema: { $ref: '#/components/schemas/A' } } }) } } } },
        { components: { schemas: { A: object(properties) } } },
      );
    expect(await diffRows(shared({ id: { type: 'string' } }), shared({ id: { type: 'integer' } }))).toEqual([['response-property-type-changed', 'GET /a', '200', '/id']]);
  });

  it('treats a parameter moved between the path and the operation as the same parameter', async () => {
    const expand = { name: 'expand', in: 'query', schema: { type: 'string' } };
    const onPath = api({ '/a': { parameters: [expand], get: { responses: { '200': ok({}) } } } });
    const onOperation = api({ '/a': { get: { parameters: [expand], responses: { '200': ok({}) } } } });
    expect(await diffRows(onPath, onOperation)).toEqual([]);
  });
});
