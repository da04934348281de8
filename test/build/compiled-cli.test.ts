import { cp, mkdtemp, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNodeBounded } from '../support/bounded.ts';
import { FIXTURES, REPO_ROOT } from '../support/paths.ts';

describe('the shipped CLI is compiled JavaScript', () => {
  it('needs no tsx at run time: not a runtime dependency, not imported by bin/conform.js', async () => {
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.devDependencies)).toContain('tsx');
    expect(await readFile(join(REPO_ROOT, 'bin', 'conform.js'), 'utf8')).not.toMatch(/tsx|\.ts\b/);
  });

  it('runs a vendor from a copy of the package that holds no TypeScript, loading no .ts file and no tsx', async () => {
    // What `npm pack` would ship, elsewhere: paths found from the running modules, not the repo or the working
    // directory; in a folder whose name a glob would misread (the compiled suite is found by its path).
    const installed = await mkdtemp(join(tmpdir(), 'conform-installed (copy) [1]-'));
    for (const entry of ['bin', 'dist', 'schemas', 'package.json']) await cp(join(REPO_ROOT, entry), join(installed, entry), { recursive: true });
    await symlink(join(REPO_ROOT, 'node_modules'), join(installed, 'node_modules'));
    // The user's folder: vendor files and documents, no suites and no sources.
    const project = await mkdtemp(join(tmpdir(), 'conform-project-'));
    for (const entry of ['vendors', 'specs']) await symlink(join(REPO_ROOT, entry), join(project, entry));
    const run = await runNodeBounded(['--import', join(FIXTURES, 'no-typescript.mjs'), join(installed, 'bin', 'conform.js'), 'run'], {
      memoryMb: 1024,
      timeoutMs: 90_000,
      env: { CONFORM_VENDORS: 'whop' },
      cwd: project,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The vendor file's cases ran: vitest found the compiled suite in the copy.
    expect(run.stdout).toMatch(/^whop +pass +8 passed/m);
  });
});
