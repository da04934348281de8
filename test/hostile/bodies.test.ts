import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliBounded } from '../support/bounded.ts';

/**
 * Bodies whose cost was quadratic (issue 10 §2), checked by the real `conform check` in a child held to
 * a memory cap and a kill timeout. Each runs at the size that hung before and at twice that size, so the
 * bound is not just barely kept. Before the fix, 20,000 undocumented keys took 90 s and 50,000 nested
 * duplicate keys over 120 s and 3.1 GB.
 */
const BOUNDS = { memoryMb: 512, timeoutMs: 60_000 };

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Hostile bodies', version: '1' },
  paths: {
    '/things/{id}': get({ type: 'object', properties: { id: { type: 'string' }, metadata: { type: 'object' }, child: { $ref: '#/components/schemas/Node' } } }),
    '/maps/{id}': get({ type: 'object', additionalProperties: { type: 'string' } }),
    '/composed/{id}': get({ allOf: [{ $ref: '#/components/schemas/Base' }, { properties: { name: { type: 'string' } } }] }),
    '/pets/{id}': get({ type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] } }),
  },
  components: {
    schemas: {
      Node: { type: 'object', properties: { a: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } } },
      Base: { type: 'object', properties: { id: { type: 'string' } } },
      Cat: { type: 'object', required: ['meow'], properties: { meow: { type: 'string' } } },
      Dog: { type: 'object', required: ['bark'], properties: { bark: { type: 'string' } } },
    },
  },
};

function get(schema: object) {
  return { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } };
}

interface Output {
  findings: Array<{ id: string; severity: string; pointer: string | null; observed: string | null }>;
}

async function check(operation: string, body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'conform-hostile-body-'));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
  writeFileSync(join(dir, 'body.json'), body);
  const run = await runCliBounded(['check', '--spec', 'spec.json', '--operation', operation, '--status', '200', '--json', 'body.json'], { ...BOUNDS, cwd: dir });
  expect(run.timedOut).toBe(false);
  expect(run.outOfMemory).toBe(false);
  expect(run.stderr).toBe('');
  const { findings } = JSON.parse(run.stdout) as Output;
  return { code: run.code, findings, rows: findings.map((f) => `${f.severity} ${f.id} ${f.pointer ?? '-'} ${f.observed}`) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** `{"k0":0.0,...,"id":7}`: n undocumented keys (written as 1.0 so the raw text shows), then a breaking type mismatch last. */
function undocumentedKeys(n: number): string {
  return `{${range(n)
    .map((i) => `"k${i}":${i}.0`)
    .join(',')},"id":7}`;
}

/** `{"k0":0,...}` against a map of strings: n breaking type mismatches. */
function wrongTypedEntries(n: number): string {
  return `{${range(n)
    .map((i) => `"k${i}":${i}`)
    .join(',')}}`;
}

const NOTE = 'lorem ipsum '.repeat(40);

/**
 * Under an open object, n nested levels that each repeat two keys, one of them the key of the next
 * level: `{"a":1,"a":2.50,"note":"...","child":0,"child":{...}}`. What the second "child" kept is the
 * whole rest of the body.
 */
function nestedDuplicates(n: number): string {
  return `{"id":"x","metadata":${`{"a":1,"a":2.50,"note":"${NOTE}","child":0,"child":`.repeat(n)}{}${'}'.repeat(n)}}`;
}

/** The same, innermost first: `{"child":{"child":{...},"a":1,"a":2},"a":1,"a":2}`, each pointer as deep as the nesting. */
function nestedDuplicatesInnermostFirst(n: number): string {
  return `{"id":"x","metadata":${'{"child":'.repeat(n)}{}${',"a":1,"a":2}'.repeat(n)}}`;
}

/** `{"k0":0,...}` against an allOf: n undocumented keys found by unevaluatedProperties. */
const composedKeys = wrongTypedEntries;

/** `[{"meow":0},...]` against items that are oneOf Cat or Dog: every item fails both branches. */
function ambiguousItems(n: number): string {
  return `[${range(n)
    .map((i) => `{"meow":${i}}`)
    .join(',')}]`;
}

/** n levels of the schema's own recursion: deeper than the validator's call stack. */
function nestedNodes(n: number): string {
  return `{"id":"x","child":${'{"a":"v","child":'.repeat(n)}{}${'}'.repeat(n)}}`;
}

describe('bodies with quadratic cost are checked in linear time and memory (issue 10 §2)', () => {
  it.each([200_000, 400_000])('%i undocumented keys: the breaking finding and 99 undocumented are listed, the rest counted', async (n) => {
    const { code, rows } = await check('GET /things/{id}', undocumentedKeys(n));
    expect(code).toBe(1);
    expect(rows).toEqual([
      ...range(99).map((i) => `info response-property-undocumented /k${i} k${i}: ${i}.0`),
      'breaking response-property-type-mismatch /id integer 7',
      `info response-findings-truncated - ${n - 99} more: response-property-undocumented ${n - 99}`,
    ]);
  });

  it.each([200_000, 400_000])('%i breaking findings: 100 listed, and the summary is breaking too', async (n) => {
    const { code, rows } = await check('GET /maps/{id}', wrongTypedEntries(n));
    expect(code).toBe(1);
    expect(rows).toEqual([
      ...range(100).map((i) => `breaking response-property-type-mismatch /k${i} integer ${i}`),
      `breaking response-findings-truncated - ${n - 100} more: response-property-type-mismatch ${n - 100}`,
    ]);
  });

  it.each([50_000, 100_000])('duplicate keys nested %i deep: the outermost 100 listed with the value as written', async (n) => {
    const { code, rows } = await check('GET /things/{id}', nestedDuplicates(n));
    expect(code).toBe(0);
    // Reports cut the whole observed text to 80 characters, after redaction.
    const kept = `kept {"a":2.5,"note":${JSON.stringify(NOTE)}`.slice(0, 79);
    expect(rows).toEqual([
      ...range(50).flatMap((depth) => [
        `warning response-body-duplicate-key /metadata${'/child'.repeat(depth)}/a kept 2.50`,
        `warning response-body-duplicate-key /metadata${'/child'.repeat(depth)}/child ${kept}…`,
      ]),
      `warning response-findings-truncated - ${2 * n - 100} more: response-body-duplicate-key ${2 * n - 100}`,
    ]);
  });

  it.each([50_000, 100_000])('duplicate keys nested %i deep, innermost first: pointers listed up to the length of the body, the rest counted', async (n) => {
    const { code, rows } = await check('GET /things/{id}', nestedDuplicatesInnermostFirst(n));
    expect(code).toBe(0);
    // Each pointer is about 6 characters a level against 22 of body: the fourth passes the body's length.
    expect(rows).toEqual([
      ...range(4).map((i) => `warning response-body-duplicate-key /metadata${'/child'.repeat(n - 1 - i)}/a kept 2`),
      `warning response-findings-truncated - ${n - 4} more: response-body-duplicate-key ${n - 4}`,
    ]);
  });

  it.each([200_000, 400_000])('%i undocumented keys beside an allOf (unevaluatedProperties): 100 listed, the rest counted', async (n) => {
    const { code, rows } = await check('GET /composed/{id}', composedKeys(n));
    expect(code).toBe(0);
    expect(rows).toEqual([
      ...range(100).map((i) => `info response-property-undocumented /k${i} k${i}: ${i}`),
      `info response-findings-truncated - ${n - 100} more: response-property-undocumented ${n - 100}`,
    ]);
  });

  it.each([50_000, 100_000])('%i array items failing every oneOf branch: each judged by its nearest branch, 100 listed', async (n) => {
    const { code, rows } = await check('GET /pets/{id}', ambiguousItems(n));
    expect(code).toBe(1);
    expect(rows).toEqual([
      ...range(100).map((i) => `breaking response-property-type-mismatch /${i}/meow integer ${i}`),
      `breaking response-findings-truncated - ${n - 100} more: response-property-type-mismatch ${n - 100}`,
    ]);
  });

  it.each([50_000, 100_000])('a body nested %i deep in a recursive schema is reported as too deep to check, not a crash', async (n) => {
    const { code, rows } = await check('GET /things/{id}', nestedNodes(n));
    expect(code).toBe(0);
    expect(rows).toEqual(['warning response-body-too-deep - deeper than its call stack']);
  });
});
