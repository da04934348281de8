import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { GenericSandboxError, startGenericSandbox } from '../../src/sandbox/generic/index.ts';

// Vendor documents are hostile input: the generic sandbox must start and answer in bounded time and
// memory, or refuse with a located GenericSandboxError, never hang, crash or throw a stack trace.

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'conform-generic-hostile-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const SCHEMA_POINTER = '#/paths/~1things~1{id}/get/responses/200/content/application~1json/schema';

/** A one-operation document answering GET /things/{id} with `schema`, plus `schemas` as components. */
function documentWith(schema: unknown, schemas: Record<string, unknown> = {}): unknown {
  return {
    openapi: '3.1.0',
    info: { title: 'hostile', version: '1' },
    paths: {
      '/things/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'th_1' }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
        },
      },
    },
    components: { schemas },
  };
}

let written = 0;
async function write(document: unknown, text = JSON.stringify(document)): Promise<string> {
  const file = join(folder, `document-${written++}.json`);
  await writeFile(file, text);
  return file;
}

async function answerTo(file: string): Promise<string> {
  const sandbox = await startGenericSandbox({ document: file });
  try {
    const response = await request(`${sandbox.url}/things/th_1`);
    expect(response.statusCode).toBe(200);
    return await response.body.text();
  } finally {
    await sandbox.close();
  }
}

async function refusal(file: string): Promise<GenericSandboxError> {
  const error = await startGenericSandbox({ document: file }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(GenericSandboxError);
  return error as GenericSandboxError;
}

/** Six levels of ten properties, each level a $ref to the next: a million values if expanded. */
function fanOut(required: boolean): Record<string, unknown> {
  const schemas: Record<string, unknown> = { S6: { type: 'string' } };
  for (let level = 0; level < 6; level += 1) {
    const names = Array.from({ length: 10 }, (_, i) => `p${i}`);
    schemas[`S${level}`] = {
      type: 'object',
      ...(required ? { required: names } : {}),
      properties: Object.fromEntries(names.map((name) => [name, { $ref: `#/components/schemas/S${level + 1}` }])),
    };
  }
  return schemas;
}

describe('the generic sandbox against hostile documents', () => {
  it('samples only the required properties of a schema that fans out past the budget', async () => {
    const file = await write(documentWith({ $ref: '#/components/schemas/S0' }, fanOut(false)));
    expect(await answerTo(file)).toBe('{}');
  });

  it('refuses, located, a schema whose required properties alone fan out past the budget', async () => {
    const file = await write(documentWith({ $ref: '#/components/schemas/S0' }, fanOut(true)));
    const error = await refusal(file);
    expect(error.message).toBe(`${file}${SCHEMA_POINTER}: the schema's smallest sample holds more than 20000 values`);
  });

  it('refuses a billion required items or a billion-character string, and leaves them out where optional', async () => {
    const items = { type: 'array', minItems: 1_000_000_000, items: { type: 'integer' } };
    const text = { type: 'string', minLength: 1_000_000_000 };
    for (const huge of [items, text]) {
      await refusal(await write(documentWith({ type: 'object', required: ['huge'], properties: { huge } })));
      expect(await answerTo(await write(documentWith({ type: 'object', required: ['id'], properties: { id: { type: 'integer' }, huge } })))).toBe('{"id":0}');
    }
  });

  it('samples a pattern it can follow, and never expands nested repeats', async () => {
    const properties = { code: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' }, bomb: { type: 'string', pattern: '^((a{999}){999}){999}$' } };
    const body = await answerTo(await write(documentWith({ type: 'object', required: ['code', 'bomb'], properties })));
    expect(JSON.parse(body)).toEqual({ code: 'ZZZ-9999', bomb: 'string' });
  });

  it('answers a mutually recursive pair of required properties with a finite body', async () => {
    const schemas = {
      A: { type: 'object', required: ['b'], properties: { b: { $ref: '#/components/schemas/B' } } },
      B: { type: 'object', required: ['a'], properties: { a: { $ref: '#/components/schemas/A' } } },
    };
    expect(await answerTo(await write(documentWith({ $ref: '#/components/schemas/A' }, schemas)))).toBe('{}');
  });

  it('answers a schema nested 150 levels deep, cut at the depth cap, and refuses one nested past what the parser reads', async () => {
    const nested = (levels: number) => '{"type":"object","properties":{"next":'.repeat(levels) + '{"type":"string"}' + '}}'.repeat(levels);
    const documentText = (levels: number) => JSON.stringify(documentWith({ type: 'string' })).replace('{"type":"string"}}}}', `${nested(levels)}}}}`);
    const body = await answerTo(await write(undefined, documentText(150)));
    // MAX_SAMPLE_DEPTH (24) levels, then the optional property that goes deeper is left out
    expect(body).toBe(`${'{"next":'.repeat(24)}{}${'}'.repeat(24)}`);
    const refused = await refusal(await write(undefined, documentText(50_000)));
    expect(refused.message).toMatch(/\.json:1: the document nests deeper than the sandbox reads$/);
  });

  it('refuses external and unresolvable $refs, located', async () => {
    const external = await refusal(await write(documentWith({ $ref: 'other.yaml#/Thing' })));
    const dangling = await refusal(await write(documentWith({ $ref: '#/components/schemas/Missing' })));
    expect(external.message).toContain(`${SCHEMA_POINTER}: external $ref 'other.yaml#/Thing' refused`);
    expect(dangling.message).toContain(`${SCHEMA_POINTER}: $ref '#/components/schemas/Missing' does not resolve`);
  });

  it('refuses a loop of $refs between responses, located', async () => {
    const document = documentWith({ type: 'string' }) as { paths: Record<string, { get: { responses: unknown } }>; components: Record<string, unknown> };
    document.paths['/things/{id}']!.get.responses = { '200': { $ref: '#/components/responses/A' } };
    document.components.responses = { A: { $ref: '#/components/responses/B' }, B: { $ref: '#/components/responses/A' } };
    const error = await refusal(await write(document));
    expect(error.message).toMatch(/: a chain of more than 32 \$refs \(a loop\)$/);
  });

  it('refuses what is not an OpenAPI 3 document, invalid YAML (with its line), YAML alias bombs and oversized files', async () => {
    const aliases = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)];
    const messages = await Promise.all([
      refusal(await write({ swagger: '2.0' })),
      refusal(await write(undefined, 'openapi: 3.1.0\npaths:\n  /x: [unclosed\n')),
      refusal(await write(undefined, `openapi: 3.1.0\n${aliases.join('\n')}\n`)),
      refusal(await write(undefined, `{"openapi":"3.1.0","info":{"description":"${'x'.repeat(11 * 1024 * 1024)}"}}`)),
    ]).then((errors) => errors.map((error) => error.message));
    expect(messages[0]).toMatch(/: not an OpenAPI 3\.0 or 3\.1 document/);
    expect(messages[1]).toMatch(/\.json:\d+: invalid YAML\/JSON: /);
    expect(messages[2]).toMatch(/: cannot read the document: .*alias/i);
    expect(messages[3]).toMatch(/: the document weighs \d+ bytes, more than the 10485760 the sandbox reads$/);
  });
});
