import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveCases, type DeriveInput, type DerivedCase } from '../../src/run/index.ts';
import { loadSpec, type LoadedSpec } from '../../src/spec/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

const load = (file: string): Promise<LoadedSpec> => loadSpec(file, { cwd: REPO_ROOT });
const derive = async (files: string[], fixtures: DeriveInput['fixtures'], options: Partial<DeriveInput> = {}) =>
  deriveCases({ specs: await Promise.all(files.map(load)), fixtures, securityNamed: false, limitedCredential: false, ...options });

/** One line per case: what a report reader needs to see it is the right request and expectation. */
const summary = (c: DerivedCase) => `${c.name} | ${JSON.stringify(c.params)} | ${c.credential ?? 'valid'} -> ${c.expectStatus}${Object.keys(c.query).length ? ` | ?${JSON.stringify(c.query)}` : ''}`;
const F = (name: string) => JSON.stringify({ fixture: name }).slice(0, -1) + '}';

describe('cases derived from the seed documents cover what the hand-written suites do', () => {
  it('whop: success, unknown ldgr_ id, malformed id (400 of 400/422), 401 twice, 403 with a limited credential', async () => {
    const { cases, coverage } = await derive(['specs/whop/1.0.0.yaml'], { id: 'ldgr_abc123XYZ' }, { limitedCredential: true });
    const op = 'GET /ledger_accounts/{id}';
    expect(cases.map(summary)).toEqual([
      `${op}: success | {"id":${F('id')}} | valid -> 200`,
      `${op}: unknown id | {"id":"ldgr_000000000"} | valid -> 404`,
      `${op}: malformed id | {"id":"not an id!"} | valid -> 400`,
      `${op}: missing credentials | {"id":${F('id')}} | none -> 401`,
      `${op}: invalid credentials | {"id":${F('id')}} | invalid -> 401`,
      `${op}: insufficient scope | {"id":${F('id')}} | limited -> 403`,
    ]);
    expect(cases.map((c) => c.providerState)).toEqual(['ledger_accounts {id} exists', 'ledger_accounts {id} does not exist', undefined, ...Array(3).fill('ledger_accounts {id} exists')]);
    expect(coverage).toEqual([{ operation: op, state: 'exercised', reason: null, missingFixtures: [], cases: cases.map((c) => c.name), notDerived: [] }]);
    // A fixture whose tail is zeros already: the unknown value must differ from it.
    const zeros = await derive(['specs/whop/1.0.0.yaml'], { id: 'ldgr_000000' });
    expect(zeros.cases[1]!.params).toEqual({ id: 'ldgr_999999' });
    // An operation in two documents is derived once, from the first (newest).
    expect(await derive(['specs/whop/1.0.0.yaml', 'specs/whop/1.0.0.yaml'], { id: 'ldgr_abc123XYZ' }, { limitedCredential: true })).toEqual({ cases, coverage });
  });

  it('midaz: both documents, the last path parameter varied, a UUIDv7 of zeros, not-a-uuid (the ids are UUIDs by example), 401 because the vendor file names a scheme', async () => {
    const fixtures = { organization_id: '019c96a0-0a98-7287-9a31-786e0809c769', ledger_id: '019c96a0-0ac0-7de9-9f53-9cf842a2ee5a', account_id: '019c96a0-0c0c-7221-8cf3-13313fb60081' };
    const { cases, coverage } = await derive(['specs/midaz/3.7.1.yaml', 'specs/midaz/3.7.0.yaml'], fixtures, { securityNamed: true });
    const account = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}';
    const known = `"organization_id":${F('organization_id')},"ledger_id":${F('ledger_id')}`;
    const perOperation = (op: string) => [
      `${op}: success | {${known},"account_id":${F('account_id')}} | valid -> 200`,
      `${op}: unknown account_id | {${known},"account_id":"00000000-0000-7000-8000-000000000000"} | valid -> 404`,
      `${op}: malformed account_id | {${known},"account_id":"not-a-uuid"} | valid -> 400`,
      `${op}: missing credentials | {${known},"account_id":${F('account_id')}} | none -> 401`,
      `${op}: invalid credentials | {${known},"account_id":${F('account_id')}} | invalid -> 401`,
    ];
    expect(cases.map(summary)).toEqual([...perOperation(`${account}/balances`), ...perOperation(account)]);
    expect(coverage.map((c) => `${c.operation} ${c.state}`)).toEqual([`${account}/balances exercised`, `${account} exercised`]);
  });

  it('midaz without the vendor file naming a scheme: 3.7.0 declares no security, so its account gets no 401 cases and says why', async () => {
    const fixtures = { organization_id: 'o', ledger_id: 'l', account_id: '019c96a0-0c0c-7221-8cf3-13313fb60081' };
    const { cases, coverage } = await derive(['specs/midaz/3.7.0.yaml'], fixtures);
    expect(cases.map((c) => c.name.split(': ')[1])).toEqual(['success', 'unknown account_id', 'malformed account_id']);
    expect(coverage[0]!.notDerived).toEqual(['credentials: the operation declares no security and the vendor file names none']);
  });

  it('xendit: 24 zeros for the hex id, and no malformed case because no 400/422 is documented', async () => {
    const { cases, coverage } = await derive(['specs/xendit/2026-01-08.yaml'], { id: '5cafeb170a2b18519b1b8761' });
    const op = 'GET /v2/accounts/{id}';
    expect(cases.map(summary)).toEqual([
      `${op}: success | {"id":${F('id')}} | valid -> 200`,
      `${op}: unknown id | {"id":"000000000000000000000000"} | valid -> 404`,
      `${op}: missing credentials | {"id":${F('id')}} | none -> 401`,
      `${op}: invalid credentials | {"id":${F('id')}} | invalid -> 401`,
    ]);
    expect(coverage[0]!.notDerived).toEqual(['malformed id: no 400 or 422 (nor 4XX or default) is documented']);
  });
});

const MESSY = 'test/fixtures/derive/messy.yaml';
const MESSY_FIXTURES = {
  widget_id: '019c96a0-0a98-7287-9a31-786e0809c769',
  order_id: '42',
  code: 'XYZ-1234',
  note_id: 'n-1',
  report_id: 'rpt_9Kx1',
  big_id: '123456789012345678901',
  key_id: '0123456789abcdef01234567',
  slug: 'about',
  ledger_id: 'L1',
  entry_id: null,
};

describe('a messy document', async () => {
  const { cases, coverage } = await derive([MESSY], MESSY_FIXTURES);
  const of = (operation: string) => cases.filter((c) => c.operation === operation).map(summary);
  const coverageOf = (operation: string) => coverage.find((c) => c.operation === operation)!;

  it('a uuid through $ref parameter and $ref schema: zeros with the fixture version, not-a-uuid, the documented 404 and 400, 401 from document-level security', () => {
    const op = 'GET /widgets/{widget_id}';
    expect(of(op)).toEqual([
      `${op}: success | {"widget_id":${F('widget_id')}} | valid -> 200`,
      `${op}: unknown widget_id | {"widget_id":"00000000-0000-7000-8000-000000000000"} | valid -> 404`,
      `${op}: malformed widget_id | {"widget_id":"not-a-uuid"} | valid -> 400`,
      `${op}: missing credentials | {"widget_id":${F('widget_id')}} | none -> 401`,
      `${op}: invalid credentials | {"widget_id":${F('widget_id')}} | invalid -> 401`,
    ]);
  });

  it('2XX and default only: any 2xx for success, any 4xx for unknown and malformed; the largest int32 for an integer id', () => {
    const op = 'GET /orders/{order_id}';
    expect(of(op).slice(0, 3)).toEqual([
      `${op}: success | {"order_id":${F('order_id')}} | valid -> 2XX`,
      `${op}: unknown order_id | {"order_id":"2147483647"} | valid -> 4XX`,
      `${op}: malformed order_id | {"order_id":"not-a-number"} | valid -> 4XX`,
    ]);
  });

  it('a pattern: the unknown value matches it (zeros do not, so 9s and Zs), the malformed one does not, and 422 is the documented one', () => {
    const op = 'GET /codes/{code}';
    expect(of(op).slice(1, 3)).toEqual([`${op}: unknown code | {"code":"ZZZ-9999"} | valid -> 404`, `${op}: malformed code | {"code":"not an id!"} | valid -> 422`]);
  });

  it('a bare string with no example: the fixture with its tail zeroed, no malformed case', () => {
    const op = 'GET /notes/{note_id}';
    expect(of(op)[1]).toBe(`${op}: unknown note_id | {"note_id":"0-0"} | valid -> 404`);
    expect(coverageOf(op).notDerived).toEqual(['malformed note_id: the parameter accepts any string']);
  });

  it('a bare string with no example stays any string even when the fixture is a UUID: the shape must come from the document', async () => {
    const uuidNote = await derive([MESSY], { note_id: '019c96a0-0a98-7287-9a31-786e0809c769' }, { include: ['GET /notes/{note_id}'] });
    expect(uuidNote.cases.map((c) => c.name.split(': ')[1])).toEqual(['success', 'unknown note_id', 'missing credentials', 'invalid credentials']);
  });

  it('a GET with a request body and `type: string` with `items`: derived as any GET, its prefix taken from the example the fixture shares, the lowest 2xx expected', () => {
    const op = 'GET /reports/{report_id}';
    expect(of(op).slice(0, 3)).toEqual([
      `${op}: success | {"report_id":${F('report_id')}} | valid -> 200`,
      `${op}: unknown report_id | {"report_id":"rpt_0000"} | valid -> 404`,
      `${op}: malformed report_id | {"report_id":"not an id!"} | valid -> 400`,
    ]);
  });

  it('a bare string whose example is hex digits, as the fixture: held to that shape, so malformed is derived', () => {
    const op = 'GET /keys/{key_id}';
    expect(of(op).slice(1, 3)).toEqual([`${op}: unknown key_id | {"key_id":"000000000000000000000000"} | valid -> 404`, `${op}: malformed key_id | {"key_id":"not an id!"} | valid -> 400`]);
  });

  it('format: bigint, which the loader drops as unknown (spec-format-unknown): a string of digits zeroed, no malformed case', () => {
    const op = 'GET /bigs/{big_id}';
    expect(of(op)[1]).toBe(`${op}: unknown big_id | {"big_id":"000000000000000000000"} | valid -> 404`);
    expect(coverageOf(op).notDerived).toEqual(['malformed big_id: the parameter accepts any string']);
  });

  it('security: [] and an anonymous alternative: no credential cases, and coverage says why', () => {
    expect(of('GET /public/{slug}').map((c) => c.split(' | ')[0])).toEqual(['GET /public/{slug}: success']);
    expect(of('GET /maybe-anonymous').map((c) => c.split(' | ')[0])).toEqual(['GET /maybe-anonymous: success']);
    expect(coverageOf('GET /public/{slug}').notDerived).toEqual([
      'unknown slug: no 404 (nor 4XX or default) is documented',
      'malformed slug: the parameter accepts any string',
      'credentials: the operation declares no security and the vendor file names none',
    ]);
  });

  it('required query parameters are sent with their example, else their first enum value; optional ones never', () => {
    expect(of('GET /search')).toEqual([`GET /search: success | {} | valid -> 200 | ?{"q":"blue","kind":"widget"}`, `GET /search: missing credentials | {} | none -> 401 | ?{"q":"blue","kind":"widget"}`, `GET /search: invalid credentials | {} | invalid -> 401 | ?{"q":"blue","kind":"widget"}`]);
  });

  it('a required query parameter is taken from the fixture of its name when configured, before its example', async () => {
    const { cases: withFixtures } = await derive([MESSY], { ...MESSY_FIXTURES, cursor: 'c1', q: 'red' }, { include: ['GET /pages', 'GET /search'] });
    expect(withFixtures.filter((c) => c.name.endsWith(': success')).map(summary)).toEqual([
      `GET /search: success | {} | valid -> 200 | ?{"q":${F('q')},"kind":"widget"}`,
      `GET /pages: success | {} | valid -> 200 | ?{"cursor":${F('cursor')}}`,
    ]);
  });

  it('an operation a fixture does not reach is in coverage with the fixtures it needs (a path fixture not configured, a query parameter with no value)', () => {
    expect(coverageOf('HEAD /ledgers/{ledger_id}/entries/{entry_id}')).toEqual({ operation: 'HEAD /ledgers/{ledger_id}/entries/{entry_id}', state: 'not-reachable', reason: 'needs the fixture entry_id', missingFixtures: ['entry_id'], cases: [], notDerived: [] });
    expect(coverageOf('GET /pages')).toMatchObject({ state: 'not-reachable', reason: 'needs the fixture cursor', missingFixtures: ['cursor'] });
    expect(cases.some((c) => c.operation.startsWith('HEAD ') || c.operation === 'GET /pages')).toBe(false);
  });

  it('an operation documenting no 2xx gets no success case, and says so', () => {
    expect(of('GET /errors-only/{widget_id}').map((c) => c.split(' | ')[0])).toEqual(['GET /errors-only/{widget_id}: unknown widget_id', 'GET /errors-only/{widget_id}: missing credentials', 'GET /errors-only/{widget_id}: invalid credentials']);
    expect(coverageOf('GET /errors-only/{widget_id}').notDerived).toEqual(['success: no 2xx response is documented', 'malformed widget_id: no 400 or 422 (nor 4XX or default) is documented']);
  });

  it('every operation of the document is in coverage, in document order; unsafe ones are never derived by default', () => {
    expect(coverage.map((c) => `${c.operation}: ${c.state}`)).toEqual([
      'POST /widgets: unsafe',
      'GET /widgets/{widget_id}: exercised',
      'DELETE /widgets/{widget_id}: unsafe',
      'GET /orders/{order_id}: exercised',
      'GET /codes/{code}: exercised',
      'GET /notes/{note_id}: exercised',
      'GET /reports/{report_id}: exercised',
      'GET /keys/{key_id}: exercised',
      'GET /bigs/{big_id}: exercised',
      'GET /public/{slug}: exercised',
      'GET /maybe-anonymous: exercised',
      'GET /search: exercised',
      'GET /pages: not-reachable',
      'HEAD /ledgers/{ledger_id}/entries/{entry_id}: not-reachable',
      'GET /errors-only/{widget_id}: exercised',
    ]);
    expect(coverageOf('POST /widgets').reason).toBe("POST may change the vendor's data: derived only when unsafe methods are allowed");
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('unsafe operations allowed: DELETE is derived, POST needing a body is not reachable', async () => {
    const allowed = await derive([MESSY], MESSY_FIXTURES, { allowUnsafe: true });
    expect(allowed.cases.filter((c) => c.operation.startsWith('DELETE ')).map((c) => c.name)).toEqual([
      'DELETE /widgets/{widget_id}: success', 'DELETE /widgets/{widget_id}: unknown widget_id', 'DELETE /widgets/{widget_id}: missing credentials', 'DELETE /widgets/{widget_id}: invalid credentials',
    ]);
    expect(allowed.coverage[0]).toMatchObject({ operation: 'POST /widgets', state: 'not-reachable', reason: 'it requires a request body, which derived cases do not send' });
  });

  it('include and exclude lists: what they leave out is excluded, with why', async () => {
    const included = await derive([MESSY], MESSY_FIXTURES, { include: ['GET /codes/{code}', 'GET /notes/{note_id}'], exclude: ['GET /notes/{note_id}'] });
    expect(new Set(included.cases.map((c) => c.operation))).toEqual(new Set(['GET /codes/{code}']));
    expect(included.coverage.find((c) => c.operation === 'GET /notes/{note_id}')).toMatchObject({ state: 'excluded', reason: 'in the exclude list' });
    expect(included.coverage.find((c) => c.operation === 'GET /orders/{order_id}')).toMatchObject({ state: 'excluded', reason: 'not in the include list' });
  });

  it('a vendor file naming a scheme and a limited credential: 401s on every exercised operation, even the public one; a 403 case only where the document says 403', async () => {
    const named = await derive([MESSY], MESSY_FIXTURES, { securityNamed: true, limitedCredential: true });
    expect(named.cases.filter((c) => c.operation === 'GET /public/{slug}').map((c) => `${c.credential ?? 'valid'} ${c.expectStatus}`)).toEqual(['valid 200', 'none 401', 'invalid 401']);
    expect(named.coverage.find((c) => c.operation === 'GET /public/{slug}')?.notDerived).toContain('insufficient scope: no 403 (nor 4XX or default) is documented');
  });

  it('is deterministic: the same document and fixtures give the same cases in the same order', async () => {
    const again = await derive([MESSY], { ...MESSY_FIXTURES });
    expect(again).toEqual({ cases, coverage });
  });
});

describe('a document in OpenAPI 3.1', () => {
  it('integer ids typed with null, int64 bounds, a default-only operation, a pattern RE2 cannot run (dropped by the loader), allOf, an enum, one no value fits, an example too long to be a shape', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-derive-'));
    const document = {
      openapi: '3.1.0',
      info: { title: 'ids', version: '1' },
      paths: {
        '/ints/{n}': { get: { parameters: [{ name: 'n', in: 'path', required: true, schema: { type: ['integer', 'null'], maximum: 5000 } }], responses: { default: { description: 'any' } } } },
        '/big/{n}': { get: { parameters: [{ name: 'n', in: 'path', required: true, schema: { type: 'string', format: 'int64' } }], responses: { '200': { description: 'ok' }, '404': { description: 'none' } } } },
        '/odd/{x}': { get: { parameters: [{ name: 'x', in: 'path', required: true, schema: { type: 'string', pattern: '^(?=a)a+$' } }], responses: { '200': { description: 'ok' }, '400': { description: 'bad' }, '404': { description: 'none' } } } },
        '/long/{h}': { get: { parameters: [{ name: 'h', in: 'path', required: true, schema: { type: 'string' }, example: 'a'.repeat(1500) }], responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } },
        '/all/{z}': { get: { parameters: [{ name: 'z', in: 'path', required: true, schema: { allOf: [{ $ref: '#/components/schemas/Code' }] } }], responses: { '200': { description: 'ok' }, '400': { description: 'bad' }, '404': { description: 'none' } } } },
        '/kinds/{k}': { get: { parameters: [{ name: 'k', in: 'path', required: true, schema: { type: 'string', enum: ['red', 'blue'] } }], responses: { '200': { description: 'ok' }, '400': { description: 'bad' }, '404': { description: 'none' } } } },
        '/only/{y}': { get: { parameters: [{ name: 'y', in: 'path', required: true, schema: { type: 'string', pattern: '^a$' } }], responses: { '200': { description: 'ok' }, '400': { description: 'bad' }, '404': { description: 'none' } } } },
      },
    };
    await writeFile(join(dir, 'ids.json'), JSON.stringify({ ...document, components: { schemas: { Code: { type: 'string', pattern: '^[0-9]{3}$' } } } }));
    const spec = await loadSpec('ids.json', { cwd: dir });
    const { cases, coverage } = deriveCases({ specs: [spec], fixtures: { n: '7', x: 'aaa', y: 'a', h: 'b'.repeat(1500), z: '123', k: 'red' }, securityNamed: false, limitedCredential: false });
    expect(cases.map(summary)).toEqual([
      'GET /ints/{n}: success | {"n":{"fixture":"n"}} | valid -> 2XX',
      'GET /ints/{n}: unknown n | {"n":"5000"} | valid -> 4XX',
      'GET /ints/{n}: malformed n | {"n":"not-a-number"} | valid -> 4XX',
      'GET /big/{n}: success | {"n":{"fixture":"n"}} | valid -> 200',
      'GET /big/{n}: unknown n | {"n":"9223372036854775807"} | valid -> 404',
      'GET /odd/{x}: success | {"x":{"fixture":"x"}} | valid -> 200',
      'GET /odd/{x}: unknown x | {"x":"000"} | valid -> 404',
      'GET /long/{h}: success | {"h":{"fixture":"h"}} | valid -> 200',
      'GET /all/{z}: success | {"z":{"fixture":"z"}} | valid -> 200',
      'GET /all/{z}: unknown z | {"z":"000"} | valid -> 404',
      'GET /all/{z}: malformed z | {"z":"not an id!"} | valid -> 400',
      'GET /kinds/{k}: success | {"k":{"fixture":"k"}} | valid -> 200',
      'GET /kinds/{k}: malformed k | {"k":"not an id!"} | valid -> 400',
      'GET /only/{y}: success | {"y":{"fixture":"y"}} | valid -> 200',
      'GET /only/{y}: malformed y | {"y":"not an id!"} | valid -> 400',
    ]);
    expect(spec.defects.map((d) => d.id)).toEqual(['spec-keyword-unsupported']);
    expect(coverage.find((c) => c.operation === 'GET /odd/{x}')!.notDerived).toEqual(['malformed x: the parameter accepts any string', 'credentials: the operation declares no security and the vendor file names none']);
    expect(coverage.find((c) => c.operation === 'GET /only/{y}')!.notDerived[0]).toBe('unknown y: no value of its shape could be made');
    expect(coverage.find((c) => c.operation === 'GET /kinds/{k}')!.notDerived[0]).toBe('unknown k: no value of its shape could be made');
  });

  it('a document of hundreds of operations: every one in coverage, cases only where the fixtures reach', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-derive-'));
    const paths = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`/things${i}/{thing${i}_id}`, { get: { parameters: [{ name: `thing${i}_id`, in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } }]));
    await writeFile(join(dir, 'many.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 'many', version: '1' }, paths }));
    const { cases, coverage } = deriveCases({ specs: [await loadSpec('many.json', { cwd: dir })], fixtures: { thing7_id: 't7', thing399_id: 't399' }, securityNamed: false, limitedCredential: false });
    expect(coverage).toHaveLength(400);
    expect(coverage.filter((c) => c.state === 'not-reachable')).toHaveLength(398);
    expect(cases.map((c) => c.name)).toEqual(['GET /things7/{thing7_id}: success', 'GET /things399/{thing399_id}: success']);
  });
});
