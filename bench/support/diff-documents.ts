import { mulberry32 } from '../../test/support/seeded-random.ts';

/**
 * Two versions of a vendor document for the spec-diff bench: a base of about `kilobytes` KB (many
 * operations, each with its own schemas, enums, nested objects and arrays) and a revision with
 * `edits` changes a consumer would notice (enum values, properties, types, parameters, endpoints).
 * Compact JSON (the size check reads it so). Deterministic: seeded, the same text and changes every time.
 */
export function diffBenchDocuments(kilobytes: number, edits: number, seed = 14): { base: string; revision: string } {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, Record<string, unknown>> = {};
  const document = { openapi: '3.1.0', info: { title: 'Bench Vendor API', version: '1' }, servers: [{ url: 'https://api.bench.example/v1' }], paths, components: { schemas } };
  for (let i = 0; JSON.stringify(document).length < kilobytes * 1024; i++) {
    schemas[`Resource${i}`] = resource(i);
    schemas[`Line${i}`] = { type: 'object', required: ['sku'], properties: { sku: { type: 'string' }, quantity: { type: 'integer' }, unit: { type: 'string', enum: ['each', 'kg', 'm'] } } };
    paths[`/resources${i}/{id}`] = {
      get: {
        operationId: `getResource${i}`,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'expand', in: 'query', schema: { type: 'string', enum: ['lines', 'owner'] } },
        ],
        responses: {
          '200': { description: 'The resource.', content: { 'application/json': { schema: { $ref: `#/components/schemas/Resource${i}` } } } },
          '404': { description: 'Not found.', content: { 'application/json': { schema: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } } } },
        },
      },
    };
  }
  const revision = structuredClone(document);
  const resourceOf = (i: number) => revision.components.schemas[`Resource${i}`] as unknown as Resource;
  const operationOf = (i: number) => revision.paths[`/resources${i}/{id}`]?.get as { parameters: unknown[] } | undefined;
  const edit = [
    (i: number) => resourceOf(i).properties.status.enum.push(`state_${i}`),
    (i: number) => delete resourceOf(i).properties.nickname,
    (i: number) => (resourceOf(i).properties.amount.type = 'string'),
    (i: number) => (revision.components.schemas[`Line${i}`]!.properties as { unit: { enum: string[] } }).unit.enum.push('lb'),
    (i: number) => operationOf(i)?.parameters.push({ name: `filter_${i}`, in: 'query', required: true, schema: { type: 'string' } }),
    (i: number) => delete revision.paths[`/resources${i}/{id}`],
    (i: number) => (revision.paths[`/resources${i}/new`] = structuredClone(document.paths[`/resources${i}/{id}`]!)),
  ];
  // Resources in a seeded order, each edited once before any is edited again.
  const order = shuffled(Object.keys(paths).length, mulberry32(seed));
  for (let n = 0; n < edits; n++) edit[n % edit.length]!(order[n % order.length]!);
  return { base: JSON.stringify(document), revision: JSON.stringify(revision) };
}

interface Resource {
  properties: { status: { enum: string[] }; amount: { type: string }; nickname?: unknown };
}

/** 0..count-1 in a seeded order (Fisher-Yates). */
function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function resource(i: number): Record<string, unknown> {
  return {
    type: 'object',
    required: ['id', 'status', 'amount', 'lines'],
    properties: {
      id: { type: 'string' },
      status: { type: 'string', enum: ['draft', 'open', 'paid', 'void'] },
      amount: { type: 'integer' },
      currency: { type: 'string', enum: ['EUR', 'USD', 'GBP'] },
      nickname: { type: 'string' },
      created_at: { type: 'string', format: 'date-time' },
      owner: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['user', 'company'] } } },
      lines: { type: 'array', items: { $ref: `#/components/schemas/Line${i}` } },
      metadata: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
    },
  };
}
