import { startTsChild } from './support/child.ts';
import { spawnSandbox } from './support/sandbox.ts';
import type { Bench, BenchRow } from './types.ts';

const SIZES = [1000, 10_000];
// conform's default HTTP concurrency.
const CONCURRENCY = 8;
const MEMORY_LIMIT_MB = 500;

interface ScaleRun {
  totalMs: number;
  recordingMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  /** This process and its children (the contract's pact-core processes), sampled together every 20 ms. */
  peakTreeRssMb: number;
  peakHeapUsedMb: number;
}

/**
 * Scale: one run of 1,000 and one of 10,000 interactions (runtime + recording, as in the runner
 * bench) against the Whop sandbox, each in a fresh process started with --expose-gc: time per
 * interaction and peak memory. Targets: per-interaction time at 10,000 within 2x of 1,000; peak RSS
 * under 500 MB. Also gives figure 3's "share of a run's time" for the contract recording: the time
 * it adds after the last case, its chunks being recorded beside the cases.
 */
export const scaleBench: Bench = {
  group: 'scale',
  async run() {
    const sandbox = await spawnSandbox('whop');
    const runs = new Map<number, ScaleRun>();
    try {
      for (const size of SIZES) {
        const child = await startTsChild('bench/support/scale-run.ts', [String(size), String(CONCURRENCY), JSON.stringify(sandbox.target)], ['--expose-gc']);
        runs.set(size, child.ready as ScaleRun);
        await child.stop();
      }
    } finally {
      await sandbox.close();
    }
    const rows: BenchRow[] = [];
    for (const [size, run] of runs) {
      const label = `${size.toLocaleString('en')} interactions`;
      rows.push(
        { group: this.group, name: `${label}: time per interaction`, value: run.totalMs / size, unit: 'ms', target: 'informative', met: null },
        { group: this.group, name: `${label}: peak RSS of the run's process (heap used ${Math.round(run.peakHeapUsedMb)} MB, RSS before ${Math.round(run.rssBeforeMb)} MB)`, value: run.peakRssMb, unit: 'MB', target: `< ${MEMORY_LIMIT_MB} MB`, met: run.peakRssMb < MEMORY_LIMIT_MB },
        { group: this.group, name: `${label}: peak RSS with the contract's pact-core processes (sampled)`, value: run.peakTreeRssMb, unit: 'MB', target: `< ${MEMORY_LIMIT_MB} MB`, met: run.peakTreeRssMb < MEMORY_LIMIT_MB },
        { group: 'contract recording', name: `share of a ${label} run's time: what the contract adds after the last case (recorded beside the cases)`, value: (100 * run.recordingMs) / run.totalMs, unit: '%', target: '< 10%', met: run.recordingMs / run.totalMs < 0.1 },
      );
    }
    const [small, large] = SIZES.map((size) => runs.get(size)!.totalMs / size);
    const growth = large! / small!;
    rows.push({ group: this.group, name: 'per-interaction time, 10,000 / 1,000', value: growth, unit: 'x', target: '<= 2x (linear)', met: growth <= 2 });
    return rows;
  },
};
