import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedCheckout } from './support/generated-vendors.ts';
import { casesRun } from './support/run-reports.ts';
import { timedNode } from './support/timed-process.ts';
import type { Bench, BenchRow } from './types.ts';

const OPERATIONS = 20;
const SMALL = 10;
const LARGE = 50;
const MEMORY_LIMIT_MB = 1024;
const LINEAR = 1.25;

interface PlatformRun {
  vendors: number;
  interactions: number;
  wallMs: number;
  peakRssMb: number;
}

/**
 * Platform scale: `conform run` (the CLI) over 50 vendor files of 20 operations each, on the generic
 * sandboxes their documents get, cases derived from the documents: wall time, time per interaction and
 * peak RSS of the run's process (worker thread and native memory included). A run of 10 such vendors
 * gives the growth: per-interaction time at 50 vendors no worse than at 10 (linear), and peak RSS under 1 GB.
 */
export const platformBench: Bench = {
  group: 'platform scale',
  async run() {
    const small = await platformRun(SMALL);
    const large = await platformRun(LARGE);
    const rows: BenchRow[] = [];
    for (const run of [small, large]) {
      const label = `${run.vendors} vendors x ${OPERATIONS} operations (${run.interactions.toLocaleString('en')} interactions)`;
      rows.push(
        { group: this.group, name: `${label}: wall time`, value: run.wallMs / 1000, unit: 's', target: 'informative', met: null },
        { group: this.group, name: `${label}: time per interaction`, value: run.wallMs / run.interactions, unit: 'ms', target: 'informative', met: null },
        { group: this.group, name: `${label}: peak RSS`, value: run.peakRssMb, unit: 'MB', target: `< ${MEMORY_LIMIT_MB} MB`, met: run.peakRssMb < MEMORY_LIMIT_MB },
      );
    }
    const growth = large.wallMs / large.interactions / (small.wallMs / small.interactions);
    rows.push({ group: this.group, name: `per-interaction time, ${LARGE} / ${SMALL} vendors`, value: growth, unit: 'x', target: `<= ${LINEAR}x (linear)`, met: growth <= LINEAR });
    return rows;
  },
};

async function platformRun(count: number): Promise<PlatformRun> {
  const vendors = Array.from({ length: count }, (_, i) => ({ name: `vendor${String(i).padStart(2, '0')}`, operations: OPERATIONS }));
  const root = await generatedCheckout(vendors);
  const peakFile = join(root, 'peak-rss-kb');
  const env = {
    ...process.env,
    // The sandboxes' rate limit is for real runs; a bench that is throttled measures the throttle.
    CONFORM_SANDBOX_RATE_LIMIT: String(Number.MAX_SAFE_INTEGER),
    CONFORM_REPORTS_DIR: join(root, 'reports'),
    CONFORM_BENCH_PEAK_RSS_FILE: peakFile,
  };
  try {
    const wallMs = await timedNode(['--import', join(import.meta.dirname, 'support', 'peak-rss-at-exit.mjs'), join(root, 'bin', 'conform.js'), 'run'], env, [0], root);
    const counts = await Promise.all(vendors.map((vendor) => casesRun(join(root, 'reports'), vendor.name)));
    return { vendors: count, interactions: counts.reduce((sum, n) => sum + n, 0), wallMs, peakRssMb: Number(await readFile(peakFile, 'utf8')) / 1024 };
  } finally {
    // The links into the repository go, not what they point at.
    await rm(root, { recursive: true, force: true });
  }
}
