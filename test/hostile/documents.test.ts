import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCliBounded, type BoundedRun } from '../support/bounded.ts';

/**
 * Vendor documents are hostile input (issue 10 §1). Every document here is generated at run time, and
 * every bound is proven by the harness's own limits: a child held to a data-segment cap and killed at a
 * timeout, never a timing assertion.
 */
const BOUNDS = { memoryMb: 512, timeoutMs: 30_000 };
// Longer than the harness's kill timeout (twice, where a test runs two commands): the harness must be what stops a run.
vi.setConfig({ testTimeout: 90_000 });
const CANARY = 'CANARY-7f3c9e1d-never-printed';

const ok = (file: string) => `openapi: 3.1.0\ninfo: { title: Hostile, version: '1' }\n${file}`;
/** A document whose one operation answers 200 with the given schema (YAML flow text). */
const withSchema = (schema: string, example = '') =>
  ok(`paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${schema}\n${example}`);

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'conform-hostile-doc-'));
}

function expectBounded(run: BoundedRun): void {
  expect(run.timedOut, 'killed at the time limit').toBe(false);
  expect(run.outOfMemory, 'died of the memory cap').toBe(false);
  expect(run.stderr, 'no stack trace').not.toMatch(/\n\s+at /);
}

/** A document that cannot be loaded: exit 2 and one located line, `file:line:col: problem` or `file: problem`. */
function expectOneLocatedError(run: BoundedRun, located: RegExp): void {
  expectBounded(run);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr.trim()).toMatch(located);
}

/** `specs lint FILE` and `check --spec FILE` both refuse the document with the same located line. */
async function expectRefusedByLintAndCheck(root: string, file: string, located: RegExp): Promise<void> {
  expectOneLocatedError(await runCliBounded(['specs', 'lint', file], { ...BOUNDS, cwd: root }), located);
  await writeFile(join(root, 'body.json'), '{}');
  const check = await runCliBounded(['check', '--spec', file, '--operation', 'GET /a', '--status', '200', 'body.json'], { ...BOUNDS, cwd: root });
  expectOneLocatedError(check, new RegExp(located.source.replace(/^\^/, '^conform: ')));
}

describe('a $ref never reads a file outside the folder the document may read', () => {
  /**
   * doc/ holds the document, a shared file it may read, a .env and a symlink to a secret outside;
   * secret.yaml sits beside doc/, outside it. Every file but shared.yaml holds the canary.
   */
  async function plant(): Promise<{ root: string; doc: string }> {
    const root = await scratch();
    await mkdir(join(root, 'doc'));
    await writeFile(join(root, 'secret.yaml'), `Secret: { type: string, description: ${CANARY} }\n${CANARY}: 1\n`);
    await writeFile(join(root, 'doc', '.env'), `TOKEN=${CANARY}\n`);
    await writeFile(join(root, 'doc', 'notes.txt'), `${CANARY}\n`);
    await writeFile(join(root, 'doc', 'shared.yaml'), 'Good: { type: string }\n');
    await symlink(join(root, 'secret.yaml'), join(root, 'doc', 'link.yaml'));
    await symlink('/dev/zero', join(root, 'doc', 'zero.yaml'));
    execFileSync('mkfifo', [join(root, 'doc', 'fifo.yaml')]);
    const refs: Record<string, string> = {
      '200': '/etc/passwd',
      '201': '../../../../../../../../etc/passwd',
      '202': `file://${join(root, 'secret.yaml')}#/Secret`,
      '203': '/proc/self/environ',
      '204': './.env',
      '205': 'link.yaml#/Secret',
      '206': '../secret.yaml#/Secret',
      '207': '/dev/zero',
      '208': 'zero.yaml',
      '209': 'notes.txt',
      '210': 'https://vendor.example/schemas.yaml#/Remote',
      '211': 'fifo.yaml',
      '299': 'shared.yaml#/Good',
    };
    const responses = Object.entries(refs)
      .map(([status, ref]) => `        '${status}':\n          description: r\n          content:\n            application/json:\n              schema: { $ref: '${ref}' }\n`)
      .join('');
    // A refused ref outside any schema (a whole response) is reported too.
    const doc = ok(`paths:\n  /a:\n    get:\n      responses:\n${responses}        '400': { $ref: '../secret.yaml#/Secret' }\n`);
    await writeFile(join(root, 'doc', 'hostile.yaml'), doc);
    return { root, doc: join(root, 'doc', 'hostile.yaml') };
  }

  const outside = (status: string) => `spec-ref-outside /paths/~1a/get/responses/${status}/content/application~1json/schema/$ref`;

  it('specs lint: each is a located spec-ref-outside defect, the content is never printed, the rest still loads', async () => {
    const { root, doc } = await plant();
    const run = await runCliBounded(['specs', 'lint', '--json', doc], { ...BOUNDS, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/root:x:0:0|PATH=/);
    const [result] = JSON.parse(run.stdout) as Array<{ defects: Array<{ id: string; location: { pointer: string }; observed: string }> }>;
    expect(result!.defects.map((d) => `${d.id} ${d.location.pointer}`)).toEqual([
      ...['200', '201', '202', '203', '204', '205', '206', '207', '208', '209'].map(outside),
      'spec-ref-outside /paths/~1a/get/responses/400/$ref',
      'spec-ref-unresolved /paths/~1a/get/responses/210/content/application~1json/schema/$ref',
      'spec-ref-unresolved /paths/~1a/get/responses/211/content/application~1json/schema/$ref',
    ]);
    const observed = Object.fromEntries(result!.defects.map((d) => [d.location.pointer.split('/')[5], d.observed]));
    expect(observed).toMatchObject({
      '204': './.env (a hidden file)',
      // Shown cut to 80 characters: the temporary folder's path is long.
      '205': expect.stringMatching(/^link\.yaml#\/Secret \(outside \/tmp\/.*…$/),
      '209': 'notes.txt (not a .yaml, .yml or .json file)',
      '210': 'https://vendor.example/schemas.yaml#/Remote',
      '211': 'fifo.yaml (not a regular file)',
    });
  });

  it('check: the same document checks what it can, and prints no content of a refused file', async () => {
    const { root, doc } = await plant();
    await writeFile(join(root, 'body.json'), '7');
    const run = await runCliBounded(['check', '--spec', doc, '--operation', 'GET /a', '--status', '299', 'body.json'], { ...BOUNDS, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^breaking\s+response-property-type-mismatch .*expected string, got integer 7/m);
    expect(run.stdout).toContain('has 13 document defect(s)');
    expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
  });

  it("a document inside the repository's specs/ tree may read the whole tree, nothing above it", async () => {
    const root = await scratch();
    await mkdir(join(root, 'specs', 'vendor'), { recursive: true });
    await mkdir(join(root, 'specs', 'common'));
    await writeFile(join(root, 'specs', 'common', 'errors.yaml'), 'Error: { type: object, required: [message] }\n');
    await writeFile(join(root, 'secret.yaml'), `Secret: { description: ${CANARY} }\n`);
    const responses = `    get:\n      responses:\n        '200': { description: ok, content: { application/json: { schema: { $ref: '../common/errors.yaml#/Error' } } } }\n        '201': { description: ok, content: { application/json: { schema: { $ref: '../../secret.yaml#/Secret' } } } }\n`;
    await writeFile(join(root, 'specs', 'vendor', '1.yaml'), ok(`paths:\n  /a:\n${responses}`));
    const run = await runCliBounded(['specs', 'lint', 'specs/vendor/1.yaml'], { ...BOUNDS, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(CANARY);
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^specs\/vendor\/1\.yaml \(\d+ B\): 1 defect\(s\)$/),
      expect.stringMatching(/^warning\s+spec-ref-outside\s+specs\/vendor\/1\.yaml#\/paths\/~1a\/get\/responses\/201\/content\/application~1json\/schema\/\$ref\s+.*\.\.\/\.\.\/secret\.yaml#\/Secret \(outside .*\/specs\)/),
    ]);
  });
});

describe('the document itself is read only as a regular file under the size cap', () => {
  it.each([
    ['a device', async () => '/dev/zero', /^conform: \/dev\/zero: not a regular file$/],
    ['a FIFO, which would block forever', async (root: string) => (execFileSync('mkfifo', [join(root, 'pipe.yaml')]), 'pipe.yaml'), /^conform: pipe\.yaml: not a regular file$/],
    ['a 50 MB document', async (root: string) => (await writeFile(join(root, 'huge.yaml'), ''), await truncate(join(root, 'huge.yaml'), 50 * 1024 * 1024), 'huge.yaml'), /^conform: huge\.yaml: 50\.0 MB: larger than the 10\.0 MB conform reads$/],
  ])('%s: exit 2, one located line (check and specs lint)', async (_what, make, located) => {
    const root = await scratch();
    const file = await make(root);
    await writeFile(join(root, 'body.json'), '{}');
    expectOneLocatedError(await runCliBounded(['check', '--spec', file, '--operation', 'GET /a', '--status', '200', 'body.json'], { ...BOUNDS, cwd: root }), located);
    const lint = await runCliBounded(['specs', 'lint', file], { ...BOUNDS, cwd: root });
    expectOneLocatedError(lint, new RegExp(located.source.replace('^conform: ', '^')));
  });

  it('a document of real content just over the cap is refused before it is parsed', async () => {
    const root = await scratch();
    const schemas = Array.from({ length: 60_000 }, (_, i) => `    S${i}: { type: object, description: '${'x'.repeat(150)}' }\n`).join('');
    await writeFile(join(root, 'big.yaml'), ok(`paths: {}\ncomponents:\n  schemas:\n${schemas}`));
    expectOneLocatedError(await runCliBounded(['specs', 'lint', 'big.yaml'], { memoryMb: 256, timeoutMs: 30_000, cwd: root }), /^big\.yaml: 1\d\.\d MB: larger than the 10\.0 MB conform reads$/);
  });
});

describe('specs import reads its pages as it reads documents', () => {
  it('a FIFO given as a page is refused, not waited on: exit 2, one line', async () => {
    const root = await scratch();
    execFileSync('mkfifo', [join(root, 'page.md')]);
    const run = await runCliBounded(['specs', 'import', 'page.md', '--out', 'out'], { ...BOUNDS, cwd: root });
    expectOneLocatedError(run, /^conform specs import: cannot read page\.md: not a regular file$/);
  });
});

describe('YAML aliases cannot blow a document up', () => {
  /** Billion laughs as schemas, where the lint walks them: each level is allOf `fanOut` aliases of the one below. */
  const laughs = (levels: number, fanOut: number, indent = '') => {
    const lines = [`${indent}L0: &L0 { type: string }`];
    for (let i = 1; i <= levels; i++) lines.push(`${indent}L${i}: &L${i} { allOf: [${Array(fanOut).fill(`*L${i - 1}`).join(', ')}] }`);
    return `${lines.join('\n')}\n`;
  };
  const inSchemas = (schemas: string) => ok(`paths: {}\ncomponents:\n  schemas:\n${schemas}`);

  it.each([
    ['billion laughs (9 levels of 9 aliases)', inSchemas(laughs(9, 9, '    ')), /^bomb\.yaml:\d+:\d+: aliases repeat more than 50,000 values, more than conform compiles \(use \$ref to share a schema\)$/],
    // 10 aliases of 1,000 schemas, that list aliased 1,000 times: few aliases, ten million values.
    [
      'a wide amplification with few aliases',
      inSchemas(`    A: &a { anyOf: [${Array(1000).fill('{}').join(',')}] }\n    B: &b { anyOf: [${Array(10).fill('*a').join(',')}] }\n    C: { anyOf: [${Array(1000).fill('*b').join(',')}] }\n`),
      /^bomb\.yaml:8:\d+: aliases repeat more than 50,000 values/,
    ],
    // Four-wide, eight deep: under the old total limit, yet ajv inlined every copy (81 s, 6 GB).
    ['anchors shared four ways, eight deep', inSchemas(laughs(8, 4, '    ')), /^bomb\.yaml:\d+:\d+: aliases repeat more than 50,000 values/],
    ['an alias inside its own anchor', inSchemas('    A: &a { items: [*a] }\n'), /^bomb\.yaml:6:\d+: alias \*a is inside its own anchor: the document would be infinite$/],
  ])('%s: exit 2, one located line', async (_what, text, located) => {
    const root = await scratch();
    await writeFile(join(root, 'bomb.yaml'), text);
    await expectRefusedByLintAndCheck(root, 'bomb.yaml', located);
  });

  it('a bomb in a file a $ref points to leaves that $ref unresolved, and the document still loads', async () => {
    const root = await scratch();
    await writeFile(join(root, 'bomb.yaml'), laughs(9, 9));
    await writeFile(join(root, 'doc.yaml'), withSchema("{ $ref: 'bomb.yaml#/L9' }"));
    const run = await runCliBounded(['specs', 'lint', 'doc.yaml'], { ...BOUNDS, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/spec-ref-unresolved\s+doc\.yaml#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\/\$ref/);
  });
});

describe('a text of more than one document', () => {
  // Built whole by the YAML parser before it says so, this second document alone takes 2.3 GB and 20 s.
  it('is refused where its second document starts, before that document is built: exit 2, one located line', async () => {
    const root = await scratch();
    await writeFile(join(root, 'two.yaml'), `${ok('paths: {}\n')}---\n[${Array(2_500_000).fill('0').join(',')}]\n`);
    await expectRefusedByLintAndCheck(root, 'two.yaml', /^two\.yaml:4:1: invalid YAML\/JSON: Source contains multiple documents; please use YAML\.parseAllDocuments\(\)$/);
  });
});

describe('a broken percent-escape in a $ref', () => {
  it('is an unresolved reference, located, not a URIError: in a schema and in a response', async () => {
    const root = await scratch();
    const broken = "'#/components/schemas/%E0%A4%A'";
    await writeFile(
      join(root, 'doc.yaml'),
      ok(`paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: ${broken} }\n        '404': { $ref: ${broken} }\n`),
    );
    const run = await runCliBounded(['specs', 'lint', 'doc.yaml'], { ...BOUNDS, cwd: root });
    expectBounded(run);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/spec-ref-unresolved\s+doc\.yaml#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\/\$ref/);
  });
});

describe('deep nesting is named for what it is', () => {
  const nested = (depth: number) => `${'{"items":'.repeat(depth)}{"type":"string"}${'}'.repeat(depth)}`;

  it.each([
    ['10,000 levels (the YAML parser itself gives up)', 10_000],
    ['300 levels (parsed, over the limit)', 300],
  ])('%s: exit 2, one located line', async (_what, depth) => {
    const root = await scratch();
    await writeFile(join(root, 'deep.json'), `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"Deep":${nested(depth)}}}}`);
    await expectRefusedByLintAndCheck(root, 'deep.json', /^deep\.json:1:\d+: the document nests deeper than 256 levels, more than conform reads$/);
  });

  it('a schema 240 levels deep loads, lints and checks', async () => {
    const root = await scratch();
    await writeFile(join(root, 'deep.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: JSON.parse(nested(240)) } } } } } } } }));
    let body: unknown = 5;
    for (let i = 0; i < 240; i++) body = [body];
    await writeFile(join(root, 'body.json'), JSON.stringify(body));
    const run = await runCliBounded(['check', '--spec', 'deep.json', '--operation', 'GET /a', '--status', '200', 'body.json'], { ...BOUNDS, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^breaking\s+response-property-type-mismatch\s+(\/0){240}\s/m);
  });
});

describe('vendor regular expressions run in linear time', () => {
  const hostile = `${'a'.repeat(40)}!`;
  const document = withSchema(
    "{ type: object, properties: { name: { type: string, pattern: '^(a+)+$' }, ahead: { type: string, pattern: '^(?=a)a+$' }, site: { type: string, format: url } }, patternProperties: { '^(b+)+$': { type: integer } } }",
    `              example: { name: '${hostile}' }\n`,
  );

  it('specs lint: the example is checked against ^(a+)+$, and a lookahead is a located defect', async () => {
    const root = await scratch();
    await writeFile(join(root, 'redos.yaml'), document);
    const run = await runCliBounded(['specs', 'lint', 'redos.yaml'], { memoryMb: 512, timeoutMs: 20_000, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(0);
    const at = 'redos.yaml#/paths/~1a/get/responses/200/content/application~1json';
    expect(run.stdout).toMatch(new RegExp(`^warning\\s+spec-keyword-unsupported\\s+${escape(at)}/schema/properties/ahead/pattern\\s+keyword cannot be honoured: pattern "\\^\\(\\?=a\\)a\\+\\$"`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^warning\\s+spec-example-mismatch\\s+${escape(at)}/example/name\\s+example does not match its own schema: expected pattern`, 'm'));
  });

  it('check: pattern, patternProperties and the url format judge a hostile body, and the unsupported pattern is unconstrained', async () => {
    const root = await scratch();
    await writeFile(join(root, 'redos.yaml'), document);
    await writeFile(join(root, 'body.json'), JSON.stringify({ name: hostile, ahead: 'zzz', site: `http://${'a:'.repeat(500_000)}!`, [`${'b'.repeat(40)}`]: 'not an integer', [`${'b'.repeat(40)}!`]: 1 }));
    const run = await runCliBounded(['check', '--json', '--spec', 'redos.yaml', '--operation', 'GET /a', '--status', '200', 'body.json'], { memoryMb: 512, timeoutMs: 20_000, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: Array<{ id: string; pointer: string }> };
    expect(findings.map((f) => `${f.id} ${f.pointer}`).sort()).toEqual([
      'response-body-schema-mismatch /name',
      'response-property-format-mismatch /site',
      `response-property-type-mismatch /${'b'.repeat(40)}`,
      `response-property-undocumented /${'b'.repeat(40)}!`,
    ]);
  });
});

describe('a pattern whose RE2 program is huge is refused, not run', () => {
  // RE2 costs the text's length times the program's size: 20 x [\s\S]{1000} took 40 s on a 60 KB value.
  const pattern = `${'[\\s\\S]{1000}'.repeat(20)}y`;

  it('check: a located spec-keyword-unsupported defect, and a 1 MB value checks in bounds', async () => {
    const root = await scratch();
    await writeFile(join(root, 'big.yaml'), withSchema(`{ type: object, properties: { note: { type: string, pattern: '${pattern}' } } }`));
    await writeFile(join(root, 'body.json'), JSON.stringify({ note: `y${'a'.repeat(1_000_000)}` }));
    const lint = await runCliBounded(['specs', 'lint', 'big.yaml'], { ...BOUNDS, cwd: root });
    expectBounded(lint);
    expect(lint.stdout).toMatch(/^warning\s+spec-keyword-unsupported\s+big\.yaml#\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema\/properties\/note\/pattern\s/m);
    const run = await runCliBounded(['check', '--spec', 'big.yaml', '--operation', 'GET /a', '--status', '200', 'body.json'], { ...BOUNDS, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(0);
  });
});

describe('specs import matches request examples in linear time', () => {
  it('a URL against a template of adjacent parameters is attributed, not backtracked over', async () => {
    const root = await scratch();
    const block = ['```yaml openapi.yaml get /{a}{b}{c}{d}/x', 'openapi: 3.1.0', "info: { title: Adjacent API, version: '1' }", "servers: [{ url: 'https://a.example' }]", "paths: { '/{a}{b}{c}{d}/x': { get: { responses: { '200': { description: ok } } } } }", '```'];
    await writeFile(join(root, 'block.md'), `${block.join('\n')}\n`);
    // V8 took 16 s at 400 characters, and 8 times longer per doubling.
    await writeFile(join(root, 'example.md'), `curl https://b.example/${'a'.repeat(20_000)}/y\ncurl https://b.example/abcd/x\n`);
    const run = await runCliBounded(['specs', 'import', 'block.md', 'example.md', '--out', 'out', '--retrieved', '2026-11-30'], { memoryMb: 512, timeoutMs: 20_000, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote out/adjacent/1.yaml');
    expect(await readFile(join(root, 'out', 'adjacent', '1.yaml'), 'utf8')).toContain('https://b.example');
  });

  it('a fence line of 200,000 spaces is read in linear time, and its trailing blanks do not change the info', async () => {
    const root = await scratch();
    const block = [`\`\`\`yaml openapi.yaml get /x${' '.repeat(200_000)}`, 'openapi: 3.1.0', "info: { title: Wide API, version: '1' }", "paths: { '/x': { get: { responses: { '200': { description: ok } } } } }", '```'];
    await writeFile(join(root, 'page.md'), `\`\`\`yaml b${' '.repeat(200_000)}c\n\`\`\`\n${block.join('\n')}\n`);
    const run = await runCliBounded(['specs', 'import', 'page.md', '--out', 'out', '--retrieved', '2026-11-30'], { memoryMb: 512, timeoutMs: 20_000, cwd: root });
    expectBounded(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('wrote out/wide/1.yaml');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
