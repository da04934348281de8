import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../src/results/index.ts';
import { median } from './measure.ts';
import { startTsChild } from './support/child.ts';
import { ROOT } from './support/root.ts';
import { embeddedDefaultEnv } from './support/embedded-env.ts';
import { timedNode } from './support/timed-process.ts';
import type { Bench } from './types.ts';

const ROUNDS = 5;

/**
 * Cold start: `npm run conformance` (node bin/conform.js run: the compiled dist/) on the embedded default,
 * with its reports, baselines (a copy of the checked-in ones) and contracts in a temporary folder, against
 * `vitest run` of a one-line test in its own folder; alternating runs, medians. Target: at most 2x.
 */
export const coldStartBench: Bench = {
  group: 'cold start',
  async run() {
    const work = await mkdtemp(join(tmpdir(), 'conform-bench-cold-'));
    try {
      const oneTest = join(work, 'one-line');
      await mkdir(oneTest);
      // No imports: the folder has no node_modules, so the test uses vitest's globals.
      await writeFile(join(oneTest, 'vitest.config.mjs'), 'export default { test: { globals: true } };\n');
      await writeFile(join(oneTest, 'one.test.js'), "test('one line', () => expect(1 + 1).toBe(2));\n");
      const vitestArgs = [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', oneTest];
      const conformMs: number[] = [];
      const vitestMs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        vitestMs.push(await timedNode(vitestArgs, process.env));
        // A run that found drift (exit 1) still ran in full; one that could not run or was inconclusive did not.
        conformMs.push(await timedNode([join(ROOT, 'bin', 'conform.js'), 'run'], await runEnv(join(work, `run-${round}`)), [EXIT.pass, EXIT.fail]));
      }
      const ratio = median(conformMs) / median(vitestMs);
      const recording = await startTsChild('bench/support/record-run.ts', [join(work, 'run-0', 'reports', 'latest', 'results.json'), join(work, 'recorded')]);
      await recording.stop();
      const recorded = recording.ready as { ms: number; interactions: number };
      const share = recorded.ms / median(conformMs);
      return [
        { group: this.group, name: 'npm run conformance (embedded default), median', value: median(conformMs) / 1000, unit: 's', target: 'informative', met: null },
        { group: this.group, name: 'vitest run of a one-line test, median', value: median(vitestMs) / 1000, unit: 's', target: 'informative', met: null },
        { group: this.group, name: 'conformance / one-line vitest', value: ratio, unit: 'x', target: '<= 2x', met: ratio <= 2 },
        { group: 'contract recording', name: `share of the default run's time (its ${recorded.interactions} interactions recorded again in a fresh process)`, value: share * 100, unit: '%', target: '< 10%', met: share < 0.1 },
      ];
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};

/** Fresh output folders per run, so every run is a first run of the day (and the repo is not touched). */
async function runEnv(dir: string) {
  await cp(join(ROOT, 'baselines'), join(dir, 'baselines'), { recursive: true });
  return embeddedDefaultEnv({
    CONFORM_REPORTS_DIR: join(dir, 'reports'),
    CONFORM_BASELINES_DIR: join(dir, 'baselines'),
    CONFORM_CONTRACTS_DIR: join(dir, 'contracts'),
  });
}
