import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNodeBounded } from '../support/bounded.ts';
import { REPO_ROOT } from '../support/paths.ts';

/**
 * Masking walks every body a vendor sends, so a hostile body must not cost it the stack, quadratic
 * time or unbounded memory. Each case builds its body inside a child process held to a memory cap and
 * a kill timeout, parses and masks it as the suite runtime does (against Whop's document) and prints
 * what came out.
 */
const MASK_IN_CHILD = (build: string) => `
import { inspectResponse } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'src/checks/index.ts')).href)};
import { bodyKnowledge, ListedPointers, maskResponse } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'src/privacy/index.ts')).href)};
import { loadSpec } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'src/spec/load.ts')).href)};
const spec = await loadSpec('specs/whop/1.0.0.yaml', { cwd: ${JSON.stringify(REPO_ROOT)}, vendor: 'whop' });
const operation = spec.operations.find((o) => o.key === 'GET /ledger_accounts/{id}');
const text = (() => { ${build} })();
const response = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(text), truncated: false };
const inspected = inspectResponse(spec, operation, response);
// Only the masking is held to these bounds here: the checks' own bounds on such bodies are proven beside them.
const findings = [];
const masked = maskResponse({ ...response, parsed: inspected.json?.ok ? inspected.json : undefined, findings, branches: {} },
  bodyKnowledge(spec, inspected.media?.schemaPointer ?? null, [], new ListedPointers([])));
console.log(JSON.stringify({ parsed: inspected.json?.ok === true, length: masked.body.length, start: masked.body.slice(0, 12), leaked: masked.body.includes('Canary') }));
`;

async function maskInChild(build: string) {
  const dir = await mkdtemp(join(tmpdir(), 'conform-hostile-privacy-'));
  const script = join(dir, 'mask.mts');
  await writeFile(script, MASK_IN_CHILD(build));
  const run = await runNodeBounded(['--import', 'tsx', script], { memoryMb: 768, timeoutMs: 90_000 });
  expect(run.timedOut, run.stderr).toBe(false);
  expect(run.outOfMemory, run.stderr).toBe(false);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { parsed: boolean; length: number; start: string; leaked: boolean };
}

describe('masking hostile bodies stays linear and bounded', () => {
  it('a name at the bottom of 50,000 nested arrays is masked, and the nesting is kept', async () => {
    const out = await maskInChild(`const depth = 50_000; return '['.repeat(depth) + '"Canary Deep-Person"' + ']'.repeat(depth);`);
    expect(out).toMatchObject({ parsed: true, leaked: false, start: '[[[[[[[[[[[[' });
    expect(out.length).toBe(100_000 + '"Xxxxxx Xxxx-Xxxxxx"'.length);
  });

  it('a name at the bottom of 50,000 nested undocumented objects, keys and value, is masked', async () => {
    const out = await maskInChild(`const depth = 50_000; return '{"a":'.repeat(depth) + '{"Canary Key-Person":"Canary Deep-Person"}' + '}'.repeat(depth);`);
    expect(out).toMatchObject({ parsed: true, leaked: false, start: expect.stringMatching(/^\{"([a-z])":\{"\1":\{"$/) });
  });

  it('200,000 undocumented keys named after people, holding names and numbers, are all masked', async () => {
    const out = await maskInChild(`const members = []; for (let i = 0; i < 200_000; i++) members.push('"Canary k' + i + '":' + (i % 2 ? i : '"Canary ' + i + '"')); return '{' + members.join(',') + '}';`);
    expect(out).toMatchObject({ parsed: true, leaked: false, start: expect.stringMatching(/^\{"[A-Z][a-z]{5} [a-z]\d"$/) });
  });

  it('a long value shaped to make an email pattern backtrack is masked in bounds', async () => {
    const out = await maskInChild(`return JSON.stringify({ note: 'a@' + '.'.repeat(400_000) + '@' });`);
    expect(out).toMatchObject({ parsed: true, leaked: false });
  });

  it('an array of 100,000 documented balances is walked with its schema', async () => {
    const out = await maskInChild(
      `const balance = '{"balance":1.5,"currency":"usd","pending_balance":0,"reserve_balance":0}'; return '{"id":"ldgr_1","balances":[' + Array(100_000).fill(balance).join(',') + '],"owner":{"typename":"User","id":"user_1","name":"Canary Owner","username":"Canary"}}';`,
    );
    expect(out).toMatchObject({ parsed: true, leaked: false, start: expect.stringMatching(/^\{"id":"[a-z]{4}-$/) });
  });
});
