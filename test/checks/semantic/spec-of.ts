import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '../../../src/spec/load.ts';
import type { LoadedSpec } from '../../../src/spec/types.ts';

/** A document of the paths given, loaded as a vendor's would be (written where loadSpec reads documents). */
export async function specOf(paths: Record<string, unknown>): Promise<LoadedSpec> {
  const file = join(await mkdtemp(join(tmpdir(), 'conform-semantic-')), 'spec.json');
  await writeFile(file, JSON.stringify({ openapi: '3.1.0', info: { title: 'money', version: '1' }, paths }));
  return loadSpec(file);
}

/** A path operation answering 200 with `schema`, its path parameters strings. */
export function answering(schema: unknown, parameters: string[] = []): Record<string, unknown> {
  return {
    parameters: parameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    responses: { '200': { description: 'the answer', content: { 'application/json': { schema } } } },
  };
}
