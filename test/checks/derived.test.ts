import { describe, expect, it } from 'vitest';
import { planInteraction } from '../../src/contracts/interaction.ts';
import { buildBaseline } from '../../src/judge/baseline/index.ts';
import { jsonResponse, petsDocument, runOneAnswer } from './one-answer.ts';

const PET = { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } } };
const DOCUMENT = petsDocument({ '200': jsonResponse(PET), '4XX': jsonResponse(PET), default: jsonResponse(PET) });
const json = (status: number, body: unknown) => ({ status, contentType: 'application/json; charset=utf-8', body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('a case result carries what the checks derived from its response', () => {
  it.each([
    [200, '200'],
    [418, '4XX'],
    [500, 'default'],
  ])('status %i answers to the documented response %s, its media type and schema', async (status, key) => {
    const { result } = await runOneAnswer(DOCUMENT, json(status, { count: 1 }));
    expect(result.derived).toMatchObject({ responseKey: key, mediaType: 'application/json', schemaPointer: `/paths/~1pets/get/responses/${key}/content/application~1json/schema`, branches: {} });
  });

  it('the body as parsed, masked like the body text: personal data never rides along unmasked', async () => {
    const { result } = await runOneAnswer(DOCUMENT, json(200, { name: 'Maya Person', count: 2 }));
    expect(result.derived!.json!.value).toEqual(JSON.parse(result.response.body));
    expect(JSON.stringify(result.derived)).not.toContain('Maya');
    expect((result.derived!.json!.value as { count: number }).count).toBe(2);
  });

  it.each([
    ['text', { status: 200, contentType: 'text/plain', body: '{"count": 1}' }],
    ['JSON that does not parse', json(200, '{"count": ')],
    ['an empty body', json(200, '')],
  ])('no parsed body for %s', async (_, answer) => {
    const { result } = await runOneAnswer(DOCUMENT, answer);
    expect(result.derived!.json).toBeNull();
  });

  it('baselines and contracts read the carried body, not the text again', async () => {
    const { result, spec } = await runOneAnswer(DOCUMENT, json(200, { name: 'Maya Person', count: 2 }));
    // Were either to parse the text again, this answer would show them no body at all.
    const carriedOnly = { ...result, response: { ...result.response, body: 'not JSON' } };
    const baseline = buildBaseline([carriedOnly], { vendor: 'whop', mode: 'live', updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(Object.keys(baseline.operations['GET /pets']!.responses['200']!.properties).sort()).toEqual(['/count', '/name']);
    expect(planInteraction(carriedOnly, spec.document).response.body).toMatchObject({ value: { count: { 'pact:matcher:type': 'integer', value: 2 } } });
  });

  it('a body nested 100,000 levels is carried 64 deep, so the result still crosses from a worker and is stored', async () => {
    const depth = 100_000;
    const { result } = await runOneAnswer(petsDocument({ '200': jsonResponse({ type: 'array' }) }), json(200, '['.repeat(depth) + ']'.repeat(depth)));
    expect(() => structuredClone(result)).not.toThrow();
    expect(() => JSON.stringify(result)).not.toThrow();
    let levels = 0;
    for (let value = result.derived!.json!.value; Array.isArray(value); value = value[0]) levels++;
    expect(levels).toBe(65);
  });
});

describe('the oneOf branches a result carries are bounded on hostile bodies', () => {
  const EITHER = { oneOf: [{ type: 'string' }, { type: 'integer' }] };

  it('at most 256 composites a body, however many it holds', async () => {
    const body = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
    const { result } = await runOneAnswer(petsDocument({ '200': jsonResponse({ type: 'object', additionalProperties: EITHER }) }), json(200, body));
    expect(Object.keys(result.derived!.branches)).toHaveLength(256);
  });

  it('one per shape of a list: items of one shape are held alike', async () => {
    const body = [...Array.from({ length: 1000 }, (_, i) => i), 'last'];
    const { result } = await runOneAnswer(petsDocument({ '200': jsonResponse({ type: 'array', items: EITHER }) }), json(200, body));
    expect(result.derived!.branches).toEqual({ '/0': ['/paths/~1pets/get/responses/200/content/application~1json/schema/items/oneOf/1'], '/1000': ['/paths/~1pets/get/responses/200/content/application~1json/schema/items/oneOf/0'] });
  });

  it('a recursive oneOf: the values it validates again stay within a few times the body, whatever its depth', async () => {
    const document = petsDocument({ '200': jsonResponse({ $ref: '#/components/schemas/Value' }) }, { Value: { oneOf: [{ type: 'array', items: { $ref: '#/components/schemas/Value' } }, { type: 'integer' }] } });
    const nested = (depth: number, inner: unknown) => JSON.parse('['.repeat(depth) + JSON.stringify(inner) + ']'.repeat(depth)) as unknown;
    // Small, every level is resolved: the walk does descend.
    const { result: small } = await runOneAnswer(document, json(200, nested(10, [1])));
    expect(Object.keys(small.derived!.branches)).toHaveLength(12);
    // Every level holds 100,000 values: resolving each would validate them 60 times over.
    const { result: large } = await runOneAnswer(document, json(200, nested(60, Array.from({ length: 100_000 }, (_, i) => i))));
    expect(large.findings).toEqual([]);
    expect(Object.keys(large.derived!.branches)).toEqual(['', '/0']);
  });
});
