import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { loadSpec } from '../../src/spec/load.ts';

/** A document whose one operation answers 200 with `schema` (YAML, indented as the value of `schema:`). */
const withSchema = (schema: string) => `openapi: 3.1.0
info: { title: Patterns, version: '1' }
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:${schema}`;

const DOCUMENT = withSchema(`
                type: object
                properties:
                  code: { type: string, pattern: '^(?<kind>[A-Z]{2})-\\d+$' }
                  ahead: { type: string, pattern: '^(?!x)' }
                  broken: { type: string, pattern: '([unclosed' }
                patternProperties:
                  '^n_\\d+$': { type: integer }
                  '(a)\\1': { type: integer }
                  '([nope': { type: integer }
`);

describe('vendor regular expressions in the lint', () => {
  it('reports each pattern RE2 cannot run and each that is no regex, located, and checks with the rest', async () => {
    const root = await mkdtemp(join(tmpdir(), 'conform-patterns-'));
    await writeFile(join(root, 'doc.yaml'), DOCUMENT);
    const spec = await loadSpec('doc.yaml', { cwd: root });
    const schema = '/paths/~1a/get/responses/200/content/application~1json/schema';
    expect(spec.defects.map((d) => [d.id, d.location?.pointer])).toEqual([
      // Parents before children: the schema's patternProperties, then its properties' patterns; at one
      // site the invalid ones (schema-invalid.ts) before those RE2 cannot run (keyword-unsupported.ts).
      ['spec-schema-invalid', `${schema}/patternProperties/([nope`],
      ['spec-keyword-unsupported', `${schema}/patternProperties/(a)\\1`],
      ['spec-keyword-unsupported', `${schema}/properties/ahead/pattern`],
      ['spec-schema-invalid', `${schema}/properties/broken/pattern`],
    ]);
    const body = { code: 'AB-12', ahead: 'xyz', broken: '[', n_1: 'one', aa: 'two' };
    const findings = checkResponse(spec, spec.operations[0]!, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) });
    expect(findings.map((f) => `${f.id} ${f.pointer}`).sort()).toEqual(['response-property-type-mismatch /n_1', 'response-property-undocumented /aa']);
    const bad = checkResponse(spec, spec.operations[0]!, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"code":"ab-12"}') });
    expect(bad.map((f) => `${f.id} ${f.pointer}`)).toEqual(['response-body-schema-mismatch /code']);
  });
});

describe('every keyword that holds a schema is walked', () => {
  it('a lookahead under unevaluatedItems is one located defect, not the whole body unconstrained', async () => {
    const root = await mkdtemp(join(tmpdir(), 'conform-patterns-'));
    await writeFile(join(root, 'doc.yaml'), withSchema(" { type: array, prefixItems: [{ type: integer }], unevaluatedItems: { type: string, pattern: '^(?=a)a$' } }\n"));
    const spec = await loadSpec('doc.yaml', { cwd: root });
    const schema = '/paths/~1a/get/responses/200/content/application~1json/schema';
    expect(spec.defects.map((d) => [d.id, d.location?.pointer])).toEqual([['spec-keyword-unsupported', `${schema}/unevaluatedItems/pattern`]]);
    const findings = checkResponse(spec, spec.operations[0]!, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('["one", "b", 3]') });
    expect(findings.map((f) => `${f.id} ${f.pointer}`).sort()).toEqual(['response-property-type-mismatch /0', 'response-property-type-mismatch /2']);
  });
});
