import { describe, expect, it } from 'vitest';
import { api, diffRows, GET } from './documents.ts';

type Json = Record<string, unknown>;

const answer = (schema: Json = { type: 'object' }) => ({ description: 'ok', content: { 'application/json': { schema } } });
const statuses = (responses: Json) => api({ '/accounts/{id}': { get: { responses } } });

describe('a status and its range are one documented answer', () => {
  it('200 rewritten as 2XX is neither removed nor added', async () => {
    expect(await diffRows(statuses({ '200': answer() }), statuses({ '2XX': answer() }))).toEqual([]);
  });

  it('2XX narrowed to 200 is neither removed nor added', async () => {
    expect(await diffRows(statuses({ '2XX': answer() }), statuses({ '200': answer() }))).toEqual([]);
  });

  it('the two bodies are compared, the change under the revision status', async () => {
    expect(await diffRows(statuses({ '200': answer({ type: 'integer' }) }), statuses({ '2XX': answer({ type: 'string' }) }))).toEqual([
      ['response-body-type-changed', GET, '2XX', '/'],
    ]);
  });

  it('a 2XX removed with no success status left in its range is a success status removed', async () => {
    expect(await diffRows(statuses({ '2XX': answer(), '404': answer() }), statuses({ '404': answer() }))).toEqual([
      ['response-success-status-removed', GET, '2XX', '/responses/2XX'],
    ]);
  });

  it('a range of another class does not cover it', async () => {
    expect(await diffRows(statuses({ '200': answer() }), statuses({ '3XX': answer() }))).toEqual([['response-success-status-removed', GET, '200', '/responses/200']]);
  });
});
