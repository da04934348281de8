import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { REPO_ROOT } from './paths.ts';

/**
 * vitest globalSetup: the tests spawn bin/conform.js, which runs the compiled dist/. It is built here
 * first, as `npm run build` builds it (tsc incrementally: about a second when nothing changed; then the
 * precompiled vendor-file validator, without which every CLI a test spawns compiles that schema again),
 * so a test never runs a CLI older than the sources, whether through `npm test` or `npx vitest run` of
 * one file. A type error stops the run.
 */
export default function buildDist(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-vendor-validator.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
