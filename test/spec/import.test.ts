import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specsImportCommand } from '../../src/cli/specs-import.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { SpecImportError, importSpecPages, type ImportResult, type SpecPage } from '../../src/spec/import/index.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// The vendor pages specs/ was imported from, kept in the repository so any clone can re-import them.
const seedsDir = path.resolve(repoRoot, 'specs/pages');
const specsDir = path.join(repoRoot, 'specs');
const RETRIEVED = '2026-11-22';

const seedNames = readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort();
const seeds: SpecPage[] = seedNames.map((name) => ({ path: path.join(seedsDir, name), text: readFileSync(path.join(seedsDir, name), 'utf8') }));
const seed = (prefix: string): SpecPage => {
  const page = seeds.find((candidate) => path.basename(candidate.path).startsWith(prefix));
  if (!page) throw new Error(`seed ${prefix} missing`);
  return page;
};

const ACCOUNT_PATH = '/v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}';
const ALIAS_PATH = '/v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/alias/{alias}';

/** A second Midaz 3.7.0 page: the account page moved to another path, with its own response schema. */
function aliasPage(): SpecPage {
  const text = seed('001').text.replaceAll(ACCOUNT_PATH, ALIAS_PATH).replaceAll('CreateAccountResponse', 'AliasAccountResponse');
  return { path: 'alias-account.md', text };
}

// A three-backtick OpenAPI fence whose YAML breaks on page line 8 (the flow sequence is never closed).
const BROKEN_PAGE = [
  '# A page',
  '',
  '```yaml openapi.yaml get /things',
  'openapi: 3.1.0',
  'info:',
  '  title: Thing API',
  '  version: [1.0',
  'paths: {}',
  '```',
].join('\n');

function documentOf(result: ImportResult, file: string) {
  const spec = result.documents.find((candidate) => candidate.file === file);
  if (!spec) throw new Error(`${file} not imported; got ${result.documents.map((d) => d.file).join(', ')}`);
  return spec.document as Record<string, any>;
}

function importError(run: () => unknown): SpecImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecImportError) return error;
    throw error;
  }
  throw new Error('expected a SpecImportError');
}

describe('importSpecPages on the seed pages', () => {
  const result = importSpecPages(seeds, { retrievedAt: RETRIEVED });

  it('yields exactly the three vendor/version documents', () => {
    expect(result.documents.map((spec) => spec.file)).toEqual(['midaz/3.7.0.yaml', 'midaz/3.7.1.yaml', 'whop/1.0.0.yaml']);
  });

  it('keeps the Whop operation with all six error responses, and the 422 example defect', () => {
    const whop = documentOf(result, 'whop/1.0.0.yaml');
    const responses = whop.paths['/ledger_accounts/{id}'].get.responses;
    expect(Object.keys(responses)).toEqual(['200', '400', '401', '403', '404', '422', '500']);
    expect(responses['422'].content['application/json'].example).toEqual({ error: null });
  });

  it('keeps the Midaz 3.7.0 CreateAccountResponse.status defect as the bare string', () => {
    const midaz = documentOf(result, 'midaz/3.7.0.yaml');
    expect(midaz.components.schemas.CreateAccountResponse.properties.status).toBe('a8fde640-1fda-4f05-aeef-83ea39661264');
  });

  it("records the server of the rendered Midaz page after the OpenAPI block's own", () => {
    const midaz = documentOf(result, 'midaz/3.7.0.yaml');
    expect(midaz.servers).toEqual([{ url: 'https://ledger.sandbox.lerian.net' }, { url: 'https://onboarding.sandbox.midaz.io' }]);
    expect(midaz['x-provenance'].sources.map((source: { page: string }) => source.page)).toEqual([
      '001_99ee6b2c266d600a.txt',
      '002_dd19495fa06be848.txt',
    ]);
  });

  it('writes a provenance record naming page, URLs and operation', () => {
    const whop = result.documents.find((spec) => spec.file === 'whop/1.0.0.yaml');
    expect(whop?.provenance).toEqual({
      vendor: 'whop',
      version: '1.0.0',
      retrievedAt: RETRIEVED,
      handWritten: false,
      sources: [
        {
          page: '000_cf538522abc0a5e0.txt',
          url: 'https://docs.whop.com/llms.txt',
          specSource: 'https://app.stainless.com/api/spec/documented/whopsdk/openapi.documented.yml',
          operation: 'GET /ledger_accounts/{id}',
        },
      ],
      edits: ['merged 1 page', 'serialised as YAML: quoting, line breaks and block styles normalised; content unchanged'],
    });
  });

  it('skips the Xendit page, which has no OpenAPI block, with a reason', () => {
    expect(result.skipped).toEqual([
      { page: seed('004').path, reason: 'no OpenAPI block, and no request example of an imported operation' },
    ]);
  });
});

describe('the committed specs/ files', () => {
  it('are exactly what the importer produces from the seeds today', async () => {
    const result = importSpecPages(seeds, { retrievedAt: RETRIEVED });
    for (const spec of result.documents) {
      expect(await readFile(path.join(specsDir, spec.file), 'utf8'), spec.file).toBe(spec.yaml);
    }
    const imported = (await specFiles()).filter((file) => !parse(readFileSync(path.join(specsDir, file), 'utf8'))['x-provenance'].handWritten);
    expect(imported.sort()).toEqual(result.documents.map((spec) => spec.file));
  });

  it('include the hand-written Xendit document with 200, 401 (from its Basic security) and 404', async () => {
    const xendit = parse(await readFile(path.join(specsDir, 'xendit/2026-01-08.yaml'), 'utf8'));
    const operation = xendit.paths['/v2/accounts/{id}'].get;
    expect(xendit.openapi).toBe('3.1.0');
    expect(xendit.servers).toEqual([{ url: 'https://api.xendit.co' }]);
    expect(Object.keys(operation.responses)).toEqual(['200', '401', '404']);
    expect(operation.security).toEqual([{ basicAuth: [] }]);
    expect(xendit.components.securitySchemes.basicAuth).toMatchObject({ type: 'http', scheme: 'basic' });
    expect(xendit.components.schemas.Account.required).toEqual(['id', 'created', 'updated', 'type', 'email', 'public_profile', 'status']);
    expect(xendit.components.schemas.NotFoundError.properties.errors.items).toEqual({ oneOf: [{ type: 'string' }, { type: 'object' }] });
    expect(xendit['x-provenance']).toMatchObject({ handWritten: true, retrievedAt: RETRIEVED, version: '2026-01-08' });
  });
});

describe('merging pages of one vendor and version', () => {
  it('unions paths and components, folding identical duplicates', () => {
    const result = importSpecPages([seed('001'), aliasPage()], { retrievedAt: RETRIEVED });
    expect(result.documents.map((spec) => spec.file)).toEqual(['midaz/3.7.0.yaml']);
    const midaz = documentOf(result, 'midaz/3.7.0.yaml');
    expect(Object.keys(midaz.paths)).toEqual([ACCOUNT_PATH, ALIAS_PATH]);
    expect(Object.keys(midaz.components.schemas)).toEqual(['CreateAccountResponse', 'ErrorFormat', 'Metadata', 'AliasAccountResponse']);
    expect(midaz['x-provenance'].edits.slice(0, 2)).toEqual(['merged 2 pages', 'alias-account.md: added 2 definitions, folded 35 identical duplicates']);
  });

  it('refuses a conflicting component, naming both pages and the pointer', () => {
    const second = aliasPage();
    second.text = second.text.replace('description: The response message error.', 'description: Another error shape.');
    const error = importError(() => importSpecPages([seed('001'), second], { retrievedAt: RETRIEVED }));
    expect(error.code).toBe('SPEC_IMPORT_CONFLICT');
    expect(error.location).toEqual({ pointer: '/components/schemas/ErrorFormat', pages: [seed('001').path, 'alias-account.md'] });
    expect(error.message).toContain('first difference at /components/schemas/ErrorFormat/description');
  });

  it('keeps different versions of one vendor apart', () => {
    const result = importSpecPages([seed('001'), seed('003')], { retrievedAt: RETRIEVED });
    expect(result.documents.map((spec) => spec.file)).toEqual(['midaz/3.7.0.yaml', 'midaz/3.7.1.yaml']);
  });
});

describe('naming', () => {
  const thingPage = [
    '---',
    'url: https://docs.example.com/things/list',
    '---',
    '````yaml openapi.yaml get /things',
    'openapi: 3.1.0',
    'info: { title: Modern Treasury API, version: 2.0.0 }',
    'paths: { /things: { get: { responses: {} } } }',
    '````',
  ].join('\n');

  it('takes the vendor from info.title without generic words, and the page URL its front matter states', () => {
    const [spec] = importSpecPages([{ path: 'things.md', text: thingPage }], { retrievedAt: RETRIEVED }).documents;
    expect(spec?.file).toBe('modern-treasury/2.0.0.yaml');
    expect(spec?.provenance.sources).toEqual([
      { page: 'things.md', url: 'https://docs.example.com/things/list', specSource: 'openapi.yaml', operation: 'GET /things' },
    ]);
  });

  it('lets the vendor option override the title', () => {
    const [spec] = importSpecPages([{ path: 'things.md', text: thingPage }], { vendor: 'mt', retrievedAt: RETRIEVED }).documents;
    expect(spec?.file).toBe('mt/2.0.0.yaml');
  });
});

describe('page defects', () => {
  it('reports broken YAML as SPEC_IMPORT_YAML at the page line', () => {
    const error = importError(() => importSpecPages([{ path: 'docs/broken.md', text: BROKEN_PAGE }], { retrievedAt: RETRIEVED }));
    expect(error.code).toBe('SPEC_IMPORT_YAML');
    expect(error.location.page).toBe('docs/broken.md');
    expect(error.location.line).toBe(8);
    expect(error.message).toMatch(/^docs\/broken\.md:8:\d+: invalid YAML/);
  });

  it('reports a block whose aliases expand too far as SPEC_IMPORT_YAML at the page line, never a crash', () => {
    const laughs = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++) laughs.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const bomb = [...BROKEN_PAGE.split('\n').slice(0, 6), "  version: '1'", 'paths: {}', ...laughs, '```'].join('\n');
    const error = importError(() => importSpecPages([{ path: 'bomb.md', text: bomb }], { retrievedAt: RETRIEVED }));
    expect(error.code).toBe('SPEC_IMPORT_YAML');
    expect(error.message).toMatch(/^bomb\.md:1[3-7]:\d+: the OpenAPI block: aliases repeat more than 50,000 values/);
  });

  it('reports an OpenAPI fence that is never closed', () => {
    const unclosed = BROKEN_PAGE.split('\n').slice(0, -1).join('\n');
    const error = importError(() => importSpecPages([{ path: 'cut.md', text: unclosed }], { retrievedAt: RETRIEVED }));
    expect(error.code).toBe('SPEC_IMPORT_UNCLOSED_FENCE');
    expect(error.location).toEqual({ page: 'cut.md', line: 3 });
  });

  it('fails with SPEC_IMPORT_NO_BLOCK when no page has an OpenAPI block', () => {
    expect(importError(() => importSpecPages([seed('004')], { retrievedAt: RETRIEVED })).code).toBe('SPEC_IMPORT_NO_BLOCK');
  });

  it('rejects a block whose label names an operation it does not define', () => {
    const mislabelled = seed('000').text.replace('get /ledger_accounts/{id}', 'post /ledger_accounts/{id}');
    const error = importError(() => importSpecPages([{ path: 'whop.md', text: mislabelled }], { retrievedAt: RETRIEVED }));
    expect(error.code).toBe('SPEC_IMPORT_OPERATION_MISSING');
  });

  it('rejects a retrieval date that is not a calendar date', () => {
    expect(importError(() => importSpecPages([seed('000')], { retrievedAt: '2026-02-31' })).code).toBe('SPEC_IMPORT_BAD_DATE');
  });
});

describe('conform specs import', () => {
  const temporaryDirs: string[] = [];
  afterEach(async () => {
    await Promise.all(temporaryDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  function captureIo(cwd: string): CliIo & { out: string; err: string } {
    const io = { out: '', err: '', cwd, env: {}, stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text) };
    return io;
  }

  it('writes one file per vendor and version and reports the skipped page', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'conform-specs-'));
    temporaryDirs.push(outDir);
    const io = captureIo(seedsDir);
    const code = await specsImportCommand([...seedNames, '--out', outDir, '--retrieved', RETRIEVED], io);
    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(await specFiles(outDir)).toEqual(['midaz/3.7.0.yaml', 'midaz/3.7.1.yaml', 'whop/1.0.0.yaml']);
    expect((await readdir(outDir, { recursive: true })).filter((entry) => entry.includes('.tmp'))).toEqual([]);
    expect(await readFile(path.join(outDir, 'whop/1.0.0.yaml'), 'utf8')).toBe(await readFile(path.join(specsDir, 'whop/1.0.0.yaml'), 'utf8'));
    expect(io.out).toContain(`wrote ${path.relative(seedsDir, path.join(outDir, 'midaz/3.7.0.yaml'))} from 001_99ee6b2c266d600a.txt, 002_dd19495fa06be848.txt\n`);
    expect(io.out).toContain('skipped 004_cfe3c4af5fb29dd5.txt: no OpenAPI block');
  });

  it('exits 2 with one line naming a missing page', async () => {
    const io = captureIo(seedsDir);
    const code = await specsImportCommand(['nope.txt', '--retrieved', RETRIEVED], io);
    expect(code).toBe(2);
    expect(io.err).toBe('conform specs import: cannot read nope.txt: no such file or directory\n');
    expect(io.out).toBe('');
  });

  it('exits 2 with one line for an unknown option', async () => {
    const io = captureIo(seedsDir);
    expect(await specsImportCommand(['--bogus', seedNames[0] ?? ''], io)).toBe(2);
    expect(io.err).toMatch(/^conform specs import: Unknown option '--bogus'[^\n]*\n$/);
  });

  it('exits 2 with the error code and page position for broken YAML', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'conform-pages-'));
    temporaryDirs.push(cwd);
    await writeFile(path.join(cwd, 'broken.md'), BROKEN_PAGE);
    const io = captureIo(cwd);
    const code = await specsImportCommand(['broken.md', '--retrieved', RETRIEVED], io);
    expect(code).toBe(2);
    expect(io.err).toMatch(/^conform specs import: SPEC_IMPORT_YAML: broken\.md:8:\d+: invalid YAML in the OpenAPI block: [^\n]+\n$/);
    expect(await specFiles(cwd)).toEqual([]);
  });
});

/** Every .yaml file under a specs directory, as "<vendor>/<file>". */
async function specFiles(dir = specsDir): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.yaml')).map((entry) => entry.split(path.sep).join('/')).sort();
}
