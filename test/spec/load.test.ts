import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { SpecLoadError } from '../../src/spec/errors.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { REPO_ROOT } from '../support/paths.ts';

const load = (file: string) => loadSpec(file, { cwd: REPO_ROOT });
const defectRows = async (file: string) => (await load(file)).defects.map((d) => [d.id, d.location?.file, d.location?.pointer]);

describe('seed document defects', () => {
  it("Whop's 422 example `error: null` is an example mismatch located at the value", async () => {
    expect(await defectRows('specs/whop/1.0.0.yaml')).toEqual([
      ['spec-example-mismatch', 'specs/whop/1.0.0.yaml', '/paths/~1ledger_accounts~1{id}/get/responses/422/content/application~1json/example/error'],
    ]);
  });

  it("Midaz's bare-string CreateAccountResponse.status is an invalid schema", async () => {
    expect(await defectRows('specs/midaz/3.7.0.yaml')).toEqual([
      ['spec-schema-invalid', 'specs/midaz/3.7.0.yaml', '/components/schemas/CreateAccountResponse/properties/status'],
    ]);
  });

  it('the Midaz 3.7.1 and Xendit documents load without defects', async () => {
    expect(await defectRows('specs/midaz/3.7.1.yaml')).toEqual([]);
    expect(await defectRows('specs/xendit/2026-01-08.yaml')).toEqual([]);
  });
});

describe('located defects inside a document', () => {
  it('reports every kind of defect with its pointer and keeps the rest checkable', async () => {
    const file = 'test/fixtures/specs/defects.yaml';
    const rows = await defectRows(file);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['spec-ref-unresolved', file, '/paths/~1pets~1{id}/get/responses/404/content/application~1json/schema/$ref'],
        ['spec-ref-unresolved', file, '/paths/~1pets~1{id}/get/responses/410/content/application~1json/schema/$ref'],
        ['spec-schema-invalid', file, '/paths/~1pets~1{id}/get/responses/409/content/application~1json/schema/$ref'],
        ['spec-schema-invalid', file, '/components/schemas/Pet/properties/id/pattern'],
        ['spec-schema-invalid', file, '/components/schemas/Pet/properties/weight'],
        ['spec-format-unknown', file, '/components/schemas/Pet/properties/born/format'],
        ['spec-keyword-unsupported', file, '/components/schemas/Pet/discriminator'],
        ['spec-example-mismatch', file, '/components/examples/BadPet/value/id'],
      ]),
    );
    expect(rows).toHaveLength(8);
  });

  it('external $refs to other files are bundled and checked', async () => {
    const spec = await load('test/fixtures/specs/defects.yaml');
    const operation = spec.operations[0]!;
    const body = Buffer.from(JSON.stringify({ message: 'short and stout', detail: { field: 3 } }));
    const findings = checkResponse(spec, operation, { status: 418, headers: { 'content-type': 'application/json' }, body });
    expect(findings.map((f) => [f.id, f.pointer])).toEqual([['response-property-type-mismatch', '/detail/field']]);
  });

  it('an unresolvable schema is unconstrained: anything passes and the defect says why', async () => {
    const spec = await load('test/fixtures/specs/defects.yaml');
    const findings = checkResponse(spec, spec.operations[0]!, { status: 404, headers: { 'content-type': 'application/json' }, body: Buffer.from('[1]') });
    expect(findings).toEqual([]);
  });

  it('a $ref cycle is a located defect, not a hang or a stack overflow', async () => {
    const rows = await defectRows('test/fixtures/specs/cyclic.yaml');
    // Reported where it is used, and where the cycle closes; cutting it there leaves B a plain ref to A.
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ['spec-ref-unresolved', '/paths/~1loop/get/responses/200/content/application~1json/schema/$ref'],
      ['spec-ref-unresolved', '/components/schemas/A/$ref'],
    ]);
  });
});

describe('documents that cannot be loaded', () => {
  const failure = async (file: string) => {
    try {
      await load(file);
    } catch (error) {
      expect(error).toBeInstanceOf(SpecLoadError);
      return { code: (error as SpecLoadError).code, located: (error as SpecLoadError).located };
    }
    throw new Error(`${file} loaded`);
  };

  it('invalid YAML names the file, line and column', async () => {
    expect(await failure('test/fixtures/specs/broken.yaml')).toEqual({ code: 'SPEC_SYNTAX', located: expect.stringMatching(/^test\/fixtures\/specs\/broken\.yaml:\d+:\d+: invalid YAML\/JSON/) });
  });

  it('a missing file names the file', async () => {
    expect(await failure('specs/nowhere/1.yaml')).toEqual({ code: 'SPEC_FILE_MISSING', located: 'specs/nowhere/1.yaml: file not found' });
  });

  it('a Swagger 2.0 document is refused with a hint', async () => {
    expect((await failure('test/fixtures/specs/swagger2.yaml')).located).toContain('Swagger 2.0 is not supported');
  });
});
