import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFromSources, siblingModule } from '../../src/contracts/pact-child.ts';
import { REPO_ROOT } from '../support/paths.ts';

describe('the module a Pact child runs, from the sources', () => {
  // The unit project's globalSetup has just built dist/ from the sources: a child need not go through tsx.
  it('is the compiled copy in dist/ when dist/ is built from the sources as they are', () => {
    expect(siblingModule('verifier-process')).toBe(join(REPO_ROOT, 'dist', 'src', 'contracts', 'verifier-process.js'));
    expect(siblingModule('pact-process')).toBe(join(REPO_ROOT, 'dist', 'src', 'contracts', 'pact-process.js'));
  });
});

describe('whether dist/ is built from the sources as they are', () => {
  async function tree(sourceTime: number, buildTime: number | null) {
    const root = await mkdtemp(join(tmpdir(), 'conform-built-'));
    await mkdir(join(root, 'src', 'contracts'), { recursive: true });
    await writeFile(join(root, 'src', 'contracts', 'a.ts'), 'export {};\n');
    await writeFile(join(root, 'src', 'b.ts'), 'export {};\n');
    await utimes(join(root, 'src', 'b.ts'), 1_000, 1_000);
    await utimes(join(root, 'src', 'contracts', 'a.ts'), sourceTime, sourceTime);
    if (buildTime !== null) {
      await mkdir(join(root, 'dist'));
      await writeFile(join(root, 'dist', '.tsbuildinfo'), '{}');
      await utimes(join(root, 'dist', '.tsbuildinfo'), buildTime, buildTime);
    }
    return builtFromSources(join(root, 'src'), join(root, 'dist', '.tsbuildinfo'));
  }

  it('yes when every source, in every folder, is older than the build', async () => {
    expect(await tree(2_000, 3_000)).toBe(true);
  });

  it('no when a source in a sub-folder was edited after the build, or no build is there', async () => {
    expect(await tree(4_000, 3_000)).toBe(false);
    expect(await tree(2_000, null)).toBe(false);
  });
});
