import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDACTED, secretForms } from '../../src/redaction/index.ts';
import { NO_SECRETS, withScratchFolder, writeFileAtomically } from '../../src/files/writer.ts';
import { withOwners } from '../support/owners.ts';

describe('writeFileAtomically, the one writer of single files', () => {
  it('replaces one file of an existing folder, leaving the other files and no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    await writeFile(join(dir, 'whop.json'), '{}');
    await writeFile(join(dir, 'whop.md'), 'old');
    await writeFileAtomically(join(dir, 'whop.md'), 'new', NO_SECRETS);
    expect((await readdir(dir)).sort()).toEqual(['whop.json', 'whop.md']);
    expect(await readFile(join(dir, 'whop.md'), 'utf8')).toBe('new');
  });

  it('makes the folders it writes into', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    await writeFileAtomically(join(dir, 'midaz', '3.7.1.yaml'), 'openapi: 3.1.0\n', NO_SECRETS);
    expect(await readFile(join(dir, 'midaz', '3.7.1.yaml'), 'utf8')).toBe('openapi: 3.1.0\n');
  });

  it('redacts secrets on the way out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    await writeFileAtomically(join(dir, 'x.md'), 'key apik_live_secret_1234 here', secretForms(['apik_live_secret_1234']));
    expect(await readFile(join(dir, 'x.md'), 'utf8')).toBe(`key ${REDACTED} here`);
  });

  it('writes a text given as pieces, one after another, past the size of one write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    // Five pieces of 300,000 characters: more than one write's worth, and a short last piece.
    const pieces = [...Array.from({ length: 5 }, (_, i) => `${String(i).repeat(150_000)}${'x'.repeat(150_000)}`), 'end\n'];
    await writeFileAtomically(join(dir, 'big.json'), pieces, NO_SECRETS);
    expect(await readFile(join(dir, 'big.json'), 'utf8')).toBe(pieces.join(''));
    expect(await readdir(dir)).toEqual(['big.json']);
  });

  it('redacts pieces given with secret forms as one text: a secret cut across two pieces is caught', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    const key = 'apik_live_secret_5678';
    const pieces = [`${'a'.repeat(1_100_000)} ${key.slice(0, 9)}`, `${key.slice(9)} ${'b'.repeat(300_000)}\n`];
    await writeFileAtomically(join(dir, 'big.json'), pieces, secretForms([key]));
    expect(await readFile(join(dir, 'big.json'), 'utf8')).toBe(`${'a'.repeat(1_100_000)} ${REDACTED} ${'b'.repeat(300_000)}\n`);
  });

  it('cannot be called without naming the secrets (NO_SECRETS when the text provably holds none)', () => {
    // Checked by `npm run typecheck`: the line below must not compile.
    // @ts-expect-error the secret forms are required
    const unnamed = () => writeFileAtomically(join(tmpdir(), 'never-written'), 'text');
    expect(unnamed).toBeTypeOf('function');
    // A default value would make the parameter optional, and shorten the arity.
    expect(writeFileAtomically.length).toBe(3);
  });

  it('a write that fails midway leaves the previous state and no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    // A folder where the file goes: the rename over it fails after the temporary file is written.
    await mkdir(join(dir, 'whop.md'));
    await expect(writeFileAtomically(join(dir, 'whop.md'), 'new', NO_SECRETS)).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['whop.md']);
  });

  it("removes the temporary files of writers that are gone, and keeps a live writer's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    await withOwners(async ({ gone, live }) => {
      // The last: our own pid, not made by us (a killed run's pid given to this one).
      const names = [`whop.md.tmp-${gone}-1-0`, `whop.md.tmp-${live}-1-0`, `whop.html.tmp-${process.pid}-1-0`];
      for (const name of names) await writeFile(join(dir, name), 'half');
      await writeFileAtomically(join(dir, 'whop.md'), 'new', NO_SECRETS);
      expect((await readdir(dir)).sort()).toEqual(['whop.md', `whop.md.tmp-${live}-1-0`]);
    });
  });
});

describe('withScratchFolder', () => {
  it('gives a fresh folder beside the file and removes it after, also when the work fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-scratch-'));
    const file = join(dir, 'contracts', 'conform-whop.json');
    expect(await withScratchFolder(file, async (scratch) => (await readdir(scratch)).length)).toBe(0);
    await expect(withScratchFolder(file, async () => Promise.reject(new Error('pact-core failed')))).rejects.toThrow('pact-core failed');
    expect(await readdir(join(dir, 'contracts'))).toEqual([]);
  });
});
