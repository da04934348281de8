import { describe, expect, it } from 'vitest';
import { api, diffRows } from './documents.ts';

type Json = Record<string, unknown>;

const operation = (more: Json = {}) => ({ responses: { '200': { description: 'ok' } }, ...more });

describe('deprecation', () => {
  const v1 = api({ '/accounts': { get: operation() }, '/transfers': { get: operation({ deprecated: true }), post: operation() } });
  const v2 = api({ '/accounts': { get: operation() }, '/transfers': { get: operation({ deprecated: true }), post: operation() } });
  const v3 = api({ '/accounts': { get: operation() }, '/transfers': { post: operation() } });
  const v4 = api({ '/accounts': { get: operation() } });

  it('an operation deprecated in both versions is no change', async () => {
    expect(await diffRows(v1, v2)).toEqual([]);
  });

  it('an operation deprecated in both earlier versions, then removed, was removed with deprecation', async () => {
    expect(await diffRows(v2, v3)).toEqual([['api-removed-with-deprecation', 'GET /transfers', null, null]]);
  });

  it('a path whose remaining operation was never deprecated is removed without deprecation', async () => {
    expect(await diffRows(v3, v4)).toEqual([['api-path-removed-without-deprecation', 'POST /transfers', null, null]]);
  });

  it('a path removed whose operation was deprecated is removed with deprecation, whatever the other paths', async () => {
    const deprecatedOnly = api({ '/accounts': { get: operation() }, '/transfers': { get: operation({ deprecated: true }) } });
    expect(await diffRows(deprecatedOnly, v4)).toEqual([['api-path-removed-with-deprecation', 'GET /transfers', null, null]]);
  });
});
