import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { diffSpecs, loadSpec, type SpecChange } from '../../../src/spec/index.ts';

/** A change as the tests compare it: [id, operation, status, where] plus value when there is one. */
export type Row = [string, string | null, string | null, string | null, string?];

const folder = mkdtempSync(join(tmpdir(), 'conform-spec-diff-'));
let written = 0;

/** Writes a document as YAML (as vendors publish it) and loads it like every other document. */
async function load(document: object) {
  const file = join(folder, `${++written}.yaml`);
  writeFileSync(file, stringify(document, { aliasDuplicateObjects: false }));
  return loadSpec(file, { vendor: 'test' });
}

export async function diffRows(base: object, revision: object): Promise<Row[]> {
  return (await diffChanges(base, revision)).map(toRow);
}

/** The changes as the JSON output has them, grades included. */
export async function diffChanges(base: object, revision: object): Promise<SpecChange[]> {
  return diffSpecs(await load(base), await load(revision)).changes;
}

/** [id, where, severity] of each change: for tests about grades. */
export const graded = (changes: SpecChange[]) => changes.map((change) => [change.id, change.where, change.severity]);

function toRow(change: SpecChange): Row {
  const row: Row = [change.id, change.operation, change.status, change.where];
  if (change.value !== undefined) row.push(change.value);
  return row;
}

type Json = Record<string, unknown>;

/** An OpenAPI 3.1 document (3.0 with `openapi: '3.0.3'` in `more`). */
export const api = (paths: Json, more: Json = {}): Json => ({ openapi: '3.1.0', info: { title: 'Ledger', version: '1' }, paths, ...more });

/** GET /accounts/{id} answering 200 with `schema` as application/json. */
export const account = (schema: unknown, more: Json = {}, operation: Json = {}): Json =>
  api({ '/accounts/{id}': { get: { responses: { '200': { description: 'The account', content: { 'application/json': { schema } } } }, ...operation } } }, more);

export const GET = 'GET /accounts/{id}';

export const object = (properties: Json, required: string[] = []): Json => ({ type: 'object', properties, ...(required.length > 0 ? { required } : {}) });
