import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult } from '../../src/results/index.ts';
import { openRuntime, runCase } from '../../src/run/runtime.ts';
import type { LoadedSpec } from '../../src/spec/types.ts';
import { fromVendorFile } from '../support/seed-vendors.ts';

export interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

/** A document with one operation, GET /pets, whose responses are `responses` (and `schemas` its components). */
export function petsDocument(responses: Record<string, unknown>, schemas: Record<string, unknown> = {}): object {
  return { openapi: '3.1.0', info: { title: 'pets', version: '1' }, paths: { '/pets': { get: { responses } } }, components: { schemas } };
}

export function jsonResponse(schema: unknown): unknown {
  return { description: 'a body', content: { 'application/json': { schema } } };
}

/**
 * What a run makes of one answer: the case result of GET /pets through the real runtime (request,
 * every check, masking) against a local server that gives `answer`, checked against `document`.
 */
export async function runOneAnswer(document: object, answer: Answer): Promise<{ result: CaseResult & { response: NonNullable<CaseResult['response']> }; spec: LoadedSpec }> {
  const dir = await mkdtemp(join(tmpdir(), 'conform-one-answer-'));
  await writeFile(join(dir, 'pets.json'), JSON.stringify(document));
  const server = createServer((_, response) => {
    response.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {}).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const runtime = await openRuntime(
    {
      ...fromVendorFile('whop'),
      vendor: 'whop',
      mode: 'live',
      scenario: null,
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      production: false,
      credentials: { valid: 'apik_one_answer_key_0001', limited: null },
      fixtures: {},
      headers: {},
      specs: ['pets.json'],
    },
    { cwd: dir, http: { retry: { maxRetries: 0, minDelayMs: 1, maxDelayMs: 1 } } },
  );
  try {
    const result = await runCase(runtime, { name: 'one', operation: 'GET /pets', params: {}, expectStatus: answer.status });
    if (!result.response) throw new Error(`no response: ${result.reason}`);
    return { result: { ...result, response: result.response }, spec: runtime.specs[0]! };
  } finally {
    await runtime.client.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
