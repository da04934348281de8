import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startTsChild } from './support/child.ts';
import { casesRun } from './support/run-reports.ts';
import { generatedCheckout, liveEnv, type GeneratedVendor } from './support/generated-vendors.ts';
import { injectedLatencies, latencyBoundMs } from './support/latency-schedule.ts';
import type { LatencyVendor, ServedTimes } from './support/latency-vendors.ts';
import { median } from './measure.ts';
import { timedNode } from './support/timed-process.ts';
import type { Bench } from './types.ts';

const MEAN_MS = 150;
const JITTER_MS = 50;
const OPERATIONS = 20;
const RUNS = 3;
const TARGET = 1.2;

/** Three vendors as a nightly run meets them: one paced by its rate limit, one that takes a request at a time, one with both. */
const VENDORS: Array<Required<GeneratedVendor> & { seed: number }> = [
  { name: 'paced', operations: OPERATIONS, live: { concurrency: 4, rateLimit: 3 }, seed: 1 },
  { name: 'serial', operations: OPERATIONS, live: { concurrency: 1 }, seed: 2 },
  { name: 'mixed', operations: OPERATIONS, live: { concurrency: 2, rateLimit: 5 }, seed: 3 },
];

/**
 * Latency-bound runs: `conform run` (the CLI, cold) against three vendors on local servers that answer
 * after 150 ± 50 ms (seeded), each vendor with its own concurrency and rate limit. Its wall time over the
 * ideal: the longest vendor's latency-bound schedule (bench/support/latency-schedule.ts) for the cases
 * the run made. Vendors one after another would take the sum of their schedules. Median of three runs.
 */
export const latencyBench: Bench = {
  group: 'latency-bound run',
  async run() {
    const root = await generatedCheckout(VENDORS);
    const runs: LatencyRun[] = [];
    try {
      for (let run = 0; run < RUNS; run++) runs.push(await latencyRun(root, join(root, `run-${run}`)));
    } finally {
      await rm(root, { recursive: true, force: true }); // the links into the repository, not what they point at
    }
    const middle = (figure: (run: LatencyRun) => number) => median(runs.map(figure)) / 1000;
    const ratio = median(runs.map((run) => run.wallMs / run.idealMs));
    return [
      { group: this.group, name: `wall time of \`conform run\` / latency-bound schedule (3 vendors, ${MEAN_MS} ± ${JITTER_MS} ms, own limits)`, value: ratio, unit: 'x', target: `<= ${TARGET}x`, met: ratio <= TARGET },
      { group: this.group, name: 'wall time of `conform run`', value: middle((run) => run.wallMs), unit: 's', target: 'informative', met: null },
      { group: this.group, name: 'latency-bound schedule (the longest vendor)', value: middle((run) => run.idealMs), unit: 's', target: 'informative', met: null },
      { group: this.group, name: 'the vendors one after another (sum of their schedules)', value: middle((run) => run.sequentialMs), unit: 's', target: 'informative', met: null },
      { group: this.group, name: 'from the first request to the last answer / latency-bound schedule (vendors overlapping at their own limits)', value: median(runs.map((run) => run.servingMs / run.idealMs)), unit: 'x', target: 'informative', met: null },
      { group: this.group, name: 'from start to the first request a vendor receives (start-up)', value: middle((run) => run.beforeFirstMs), unit: 's', target: 'informative', met: null },
      { group: this.group, name: 'from the last answer to exit (reports, contracts)', value: middle((run) => run.afterLastMs), unit: 's', target: 'informative', met: null },
    ];
  },
};

interface LatencyRun {
  wallMs: number;
  idealMs: number;
  sequentialMs: number;
  /** From the first request any vendor received to the last answer any sent. */
  servingMs: number;
  beforeFirstMs: number;
  afterLastMs: number;
}

/** One cold `conform run` against fresh servers (their arrival counts start at 0): its wall time, its ideal, and where the difference went. */
async function latencyRun(root: string, dir: string): Promise<LatencyRun> {
  await mkdir(dir);
  const timesFile = join(dir, 'served.json');
  const reportsDir = join(dir, 'reports');
  const servers = await startTsChild('bench/support/latency-vendors.ts', [JSON.stringify(VENDORS.map(serversFor(root))), String(MEAN_MS), String(JITTER_MS), timesFile]);
  const started = Date.now();
  let wallMs: number;
  try {
    const urls = servers.ready as Record<string, string>;
    const env = { ...process.env, CONFORM_REPORTS_DIR: reportsDir, CONFORM_RETRIES: '0', ...Object.assign({}, ...VENDORS.map((vendor) => liveEnv(vendor.name, urls[vendor.name]!))) };
    wallMs = await timedNode([join(root, 'bin', 'conform.js'), 'run'], env, [0], root);
  } finally {
    await servers.stop();
  }
  const served = JSON.parse(await readFile(timesFile, 'utf8')) as ServedTimes;
  // The schedule of the requests each vendor received (a case is one request: no retries, an apiKey needs no token).
  const schedules = VENDORS.map((vendor) => {
    const latenciesMs = injectedLatencies(vendor.seed, served.requests[vendor.name] ?? 0, MEAN_MS, JITTER_MS);
    return latencyBoundMs({ latenciesMs, concurrency: vendor.live.concurrency ?? 8, rateLimit: vendor.live.rateLimit ?? null });
  });
  const cases = await Promise.all(VENDORS.map((vendor) => casesRun(reportsDir, vendor.name)));
  if (cases.some((count, i) => count !== served.requests[VENDORS[i]!.name])) throw new Error(`cases ${cases.join('/')} are not the requests served ${JSON.stringify(served.requests)}`);
  return {
    wallMs,
    idealMs: Math.max(...schedules),
    sequentialMs: schedules.reduce((sum, ms) => sum + ms, 0),
    servingMs: served.lastAnswer - served.firstArrival,
    beforeFirstMs: served.firstArrival - started,
    afterLastMs: started + wallMs - served.lastAnswer,
  };
}

function serversFor(root: string): (vendor: (typeof VENDORS)[number]) => LatencyVendor {
  return (vendor) => ({ vendor: vendor.name, document: join(root, 'specs', vendor.name, 'v1.yaml'), seed: vendor.seed, requests: 10 * vendor.operations });
}
