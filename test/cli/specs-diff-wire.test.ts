import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { PropertyShape } from '../../src/judge/baseline/index.ts';
import { callCli } from '../support/cli.ts';

vi.setConfig({ testTimeout: 60_000 });

const OPERATION = 'GET /accounts/{id}';

/** A one-operation document of vendor acme (its x-provenance says so) whose 200 body is `schema`, plus `components` when given. */
function document(schema: unknown, components?: unknown): string {
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'Acme API', version: '1' },
    'x-provenance': { vendor: 'acme' },
    paths: { '/accounts/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } } },
    ...(components === undefined ? {} : { components }),
  });
}

const string = { type: 'string' };
const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', required, properties });

/** A property as `conform baseline update` writes it: a string seen in both cases of every run, unless told otherwise. */
const seen = (shape: Partial<PropertyShape> = {}): PropertyShape => ({ types: ['string'], nullable: false, values: null, always: true, cases: ['get-a', 'get-b'], ...shape });

/** A version 2 baseline of acme whose two cases both answered 200 with bodies showing `properties`. */
function baselineOf(mode: 'live' | 'sandbox', properties: Record<string, PropertyShape>): unknown {
  const answered = { statuses: [200], mediaTypes: ['application/json'] };
  return {
    version: 2,
    vendor: 'acme',
    mode,
    updatedAt: '2026-11-01T00:00:00.000Z',
    operations: { [OPERATION]: { cases: { 'get-a': answered, 'get-b': answered }, responses: { '200': { properties } } } },
    findings: [],
  };
}

interface Scratch {
  base: string;
  revision: string;
  baselines: string;
}

/** BASE and REVISION, and a baselines folder holding `files` (name to JSON value, or raw text). */
async function scratch(base: string, revision: string, files: Record<string, unknown> = {}): Promise<Scratch> {
  const root = await mkdtemp(join(tmpdir(), 'conform-specs-diff-wire-'));
  const baselines = join(root, 'baselines');
  await mkdir(baselines);
  await writeFile(join(root, 'base.json'), base);
  await writeFile(join(root, 'revision.json'), revision);
  for (const [name, content] of Object.entries(files)) await writeFile(join(baselines, name), typeof content === 'string' ? content : JSON.stringify(content));
  return { base: join(root, 'base.json'), revision: join(root, 'revision.json'), baselines };
}

async function diff(files: Scratch, ...flags: string[]) {
  const run = await callCli(['specs', 'diff', files.base, files.revision, '--format', 'json', ...flags], { CONFORM_BASELINES_DIR: files.baselines });
  return { ...run, json: run.code === 2 ? null : (JSON.parse(run.stdout) as { breaking: boolean; changes: unknown[] }) };
}

/** A change as the diff reports it in the 200 response of the one operation. */
function change(id: string, where: string, severity: string, level: string, rest: Record<string, unknown> = {}) {
  return { id, level, severity, reason: expect.any(String), operation: OPERATION, status: '200', where, ...rest };
}
const unchanged = (id: string, where: string, severity: string, level: string, value?: string) =>
  ({ ...change(id, where, severity, level, value === undefined ? {} : { value }), reason: severity === 'breaking' && level === 'WARN' ? expect.any(String) : null });
const wire = (pointer: string, observed: string, baseline = 'live') => ({ wire: { baseline, pointer, observed } });

// Optional properties removed: the wire sent nickname and every tag's label in every response; memo
// not in every run; alias not in every case's body.
const REMOVED_BASE = document(object({ id: string, nickname: string, memo: string, alias: string, tags: { type: 'array', items: object({ label: string }) } }, ['id']));
const REMOVED_REVISION = document(object({ id: string, tags: { type: 'array', items: object({}) } }, ['id']));
const REMOVED_BASELINE = {
  '/id': seen(),
  '/nickname': seen(),
  '/memo': seen({ always: false }),
  '/alias': seen({ cases: ['get-a'] }),
  '/tags': seen({ types: ['array'] }),
  '/tags/*': seen({ types: ['object'], cases: ['get-a'] }),
  '/tags/*/label': seen({ cases: ['get-a'] }),
};
const REMOVED_WITH_THE_WIRE = [
  unchanged('response-optional-property-removed', '/alias', 'warning', 'WARN'),
  unchanged('response-optional-property-removed', '/memo', 'warning', 'WARN'),
  change('response-optional-property-removed', '/nickname', 'breaking', 'WARN', wire('/nickname', 'sent in every observed response')),
  change('response-optional-property-removed', '/tags/items/label', 'breaking', 'WARN', wire('/tags/*/label', 'sent in every observed response')),
];

// Became nullable: the wire already sent null in closed_at, never in note.
const NULLABLE_BASE = document(object({ closed_at: string, note: string }));
const NULLABLE_REVISION = document(object({ closed_at: { type: ['string', 'null'] }, note: { type: ['string', 'null'] } }));
const NULLABLE_BASELINE = { '/closed_at': seen({ nullable: true }), '/note': seen() };

// Enum values added: the wire already sent frozen, never archived; kind held more than codes.
const ENUM_BASE = document(object({ status: { type: 'string', enum: ['active', 'closed'] }, kind: { type: 'string', enum: ['x'] } }));
const ENUM_REVISION = document(object({ status: { type: 'string', enum: ['active', 'closed', 'frozen', 'archived'] }, kind: { type: 'string', enum: ['x', 'y'] } }));
const ENUM_BASELINE = { '/status': seen({ values: ['active', 'frozen'] }), '/kind': seen({ values: 'free-form' }) };

describe('conform specs diff, graded by the wire', () => {
  it('an optional property the vendor sent in every observed response is breaking; one it did not always send stays a warning', async () => {
    const run = await diff(await scratch(REMOVED_BASE, REMOVED_REVISION, { 'acme.json': baselineOf('live', REMOVED_BASELINE) }));
    expect(run.code).toBe(1);
    expect(run.json).toEqual({ breaking: true, changes: REMOVED_WITH_THE_WIRE });
    expect((run.json!.changes[2] as { reason: string }).reason).toMatch(/sent it in every response/);
  });

  it('a property that became nullable where the vendor already sent null is info: the document catches up with the wire', async () => {
    const run = await diff(await scratch(NULLABLE_BASE, NULLABLE_REVISION, { 'acme.json': baselineOf('live', NULLABLE_BASELINE) }));
    expect(run.code).toBe(1);
    expect(run.json).toEqual({
      breaking: true,
      changes: [
        { ...change('response-property-became-nullable', '/closed_at', 'info', 'ERR', wire('/closed_at', 'sent null')), reason: 'the document catches up with the wire: the vendor already sent null here' },
        unchanged('response-property-became-nullable', '/note', 'breaking', 'ERR'),
      ],
    });
  });

  it('an enum value the vendor already sent is info; a value it never sent, or a free-form field, stays breaking', async () => {
    const run = await diff(await scratch(ENUM_BASE, ENUM_REVISION, { 'acme.json': baselineOf('live', ENUM_BASELINE) }));
    expect(run.code).toBe(1);
    expect(run.json).toEqual({
      breaking: true,
      changes: [
        unchanged('response-property-enum-value-added', '/kind', 'breaking', 'WARN', 'y'),
        unchanged('response-property-enum-value-added', '/status', 'breaking', 'WARN', 'archived'),
        { ...change('response-property-enum-value-added', '/status', 'info', 'WARN', { value: 'frozen', ...wire('/status', 'sent "frozen"') }), reason: 'the document catches up with the wire: the vendor already sent this value here' },
      ],
    });
  });

  it('only the wire makes a diff clean: every change the vendor already sent is info, exit 0', async () => {
    const revision = document(object({ closed_at: { type: ['string', 'null'] }, note: string }));
    const run = await diff(await scratch(NULLABLE_BASE, revision, { 'acme.json': baselineOf('live', NULLABLE_BASELINE) }));
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ breaking: false, changes: [change('response-property-became-nullable', '/closed_at', 'info', 'ERR', wire('/closed_at', 'sent null'))] });
  });

  it('without a baseline, or with --baseline none, the grades are the documents\' alone', async () => {
    const without = await diff(await scratch(REMOVED_BASE, REMOVED_REVISION));
    expect(without.code).toBe(0);
    const documentsAlone = REMOVED_WITH_THE_WIRE.map(({ id, where, level }) => unchanged(id, where, 'warning', level));
    expect(without.json).toEqual({ breaking: false, changes: documentsAlone });
    const none = await diff(await scratch(REMOVED_BASE, REMOVED_REVISION, { 'acme.json': baselineOf('live', REMOVED_BASELINE) }), '--baseline', 'none');
    expect(none.code).toBe(0);
    expect(none.json).toEqual(without.json);
  });

  it('the sandbox baseline grades only when asked for: its answers are not the vendor\'s', async () => {
    const files = await scratch(NULLABLE_BASE, NULLABLE_REVISION, { 'acme.sandbox.json': baselineOf('sandbox', NULLABLE_BASELINE) });
    const byDefault = await diff(files);
    expect(byDefault.json!.changes).toEqual([unchanged('response-property-became-nullable', '/closed_at', 'breaking', 'ERR'), unchanged('response-property-became-nullable', '/note', 'breaking', 'ERR')]);
    const asked = await diff(files, '--baseline', 'sandbox');
    expect(asked.json!.changes[0]).toEqual(change('response-property-became-nullable', '/closed_at', 'info', 'ERR', wire('/closed_at', 'sent null', 'sandbox')));
  });

  it('inside a oneOf branch: an optional property always sent is still breaking; a value seen is not taken as the branch\'s', async () => {
    const components = (user: unknown) => ({ schemas: { User: user, Org: object({ name: string }) } });
    const body = { oneOf: [{ $ref: '#/components/schemas/User' }, { $ref: '#/components/schemas/Org' }] };
    const base = document(body, components(object({ email: string, kind: { type: 'string', enum: ['person'] } })));
    const revision = document(body, components(object({ kind: { type: 'string', enum: ['person', 'bot'] } })));
    const run = await diff(await scratch(base, revision, { 'acme.json': baselineOf('live', { '/email': seen(), '/kind': seen({ values: ['bot', 'person'] }) }) }));
    expect(run.json).toEqual({
      breaking: true,
      changes: [
        change('response-optional-property-removed', '/oneOf[User]/email', 'breaking', 'WARN', wire('/email', 'sent in every observed response')),
        unchanged('response-property-enum-value-added', '/oneOf[User]/kind', 'breaking', 'WARN', 'bot'),
      ],
    });
  });

  it('text and Markdown say which grade came from the wire', async () => {
    const files = await scratch(NULLABLE_BASE, NULLABLE_REVISION, { 'acme.json': baselineOf('live', NULLABLE_BASELINE) });
    const env = { CONFORM_BASELINES_DIR: files.baselines };
    const text = await callCli(['specs', 'diff', files.base, files.revision], env);
    expect(text.stdout.endsWith(
      '  info      response-property-became-nullable  level ERR  status 200  where /closed_at\n' +
        '      reason: the document catches up with the wire: the vendor already sent null here\n' +
        '      graded by the wire: sent null (live baseline, /closed_at)\n' +
        '  breaking  response-property-became-nullable  level ERR  status 200  where /note\n',
    ), text.stdout).toBe(true);
    const md = await callCli(['specs', 'diff', files.base, files.revision, '--format', 'md'], env);
    expect(md.stdout).toContain('| Severity | ID | oasdiff level | Status | Where | Value | Reason | Graded by the wire |\n');
    expect(md.stdout).toContain('| info | `response-property-became-nullable` | ERR | `200` | `/closed_at` | — | the document catches up with the wire: the vendor already sent null here | sent null (live baseline, `/closed_at`) |\n');
    expect(md.stdout).toContain('| `/note` | — | — | — |\n');
  });

  describe('refuses, one located line and exit 2', () => {
    const refused = (run: { code: number; stdout: string; stderr: string }, line: RegExp) => {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(line);
    };

    it('a baseline whose property shape is not one, with the pointer to it', async () => {
      const broken = baselineOf('live', { '/closed_at': { ...seen(), always: 'yes' } as unknown as PropertyShape });
      const run = await diff(await scratch(NULLABLE_BASE, NULLABLE_REVISION, { 'acme.json': broken }));
      refused(run, /^conform specs diff: configuration error: .*\/baselines\/acme\.json#\/operations\/GET ~1accounts~1\{id\}\/responses\/200\/properties\/~1closed_at\/always: always must be true or false; fix it/);
    });

    it('a baseline that is not JSON, or of another vendor', async () => {
      refused(await diff(await scratch(NULLABLE_BASE, NULLABLE_REVISION, { 'acme.json': '{"version": 2,' })), /acme\.json: not JSON/);
      const other = { ...(baselineOf('live', {}) as object), vendor: 'whop' };
      refused(await diff(await scratch(NULLABLE_BASE, NULLABLE_REVISION, { 'acme.json': other })), /acme\.json: holds the baseline of whop \(live\), not of acme \(live\)/);
    });

    it('--baseline naming one that does not exist, or without a vendor to look it up by', async () => {
      refused(await diff(await scratch(NULLABLE_BASE, NULLABLE_REVISION), '--baseline', 'live'), /^conform specs diff: --baseline live: acme has no live baseline \(.*acme\.json\)/);
      refused(await diff(await scratch(NULLABLE_BASE, NULLABLE_REVISION), '--baseline', 'wire'), /^conform specs diff: --baseline must be live, sandbox or none, got "wire"$/);
      const anonymous = (text: string) => text.replace('"x-provenance":{"vendor":"acme"},', '');
      refused(await diff(await scratch(anonymous(NULLABLE_BASE), anonymous(NULLABLE_REVISION)), '--baseline', 'sandbox'), /--baseline sandbox needs the documents' vendor: give --vendor NAME$/);
    });
  });
});
