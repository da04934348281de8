// Child-process entry of the scale bench: one run of N interactions (runtime + recording) in a fresh
// process, so its peak memory is its own. Prints one JSON line of timings and memory.
import { readFileSync } from 'node:fs';
import { openRuntime } from '../../src/run/runtime.ts';
import type { VendorTarget } from '../../src/vendors/index.ts';
import { ledgerAccountCases, runPipeline } from './pipeline.ts';
import { ROOT } from './root.ts';

const [count, concurrency, targetJson] = process.argv.slice(2);
const target = JSON.parse(targetJson!) as VendorTarget;
const runtime = await openRuntime(target, { cwd: ROOT, http: { concurrency: Number(concurrency) } });
const cases = ledgerAccountCases(Number(count), target.fixtures.ledgerAccountId!);

await runPipeline(runtime, cases.slice(0, 200), Number(concurrency)); // warm-up, as in any run's first cases
globalThis.gc?.();
const before = process.memoryUsage();
const peak = { rss: before.rss, heapUsed: before.heapUsed, tree: before.rss };
const sample = () => {
  const now = process.memoryUsage();
  peak.rss = Math.max(peak.rss, now.rss);
  peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  peak.tree = Math.max(peak.tree, now.rss + childrenRss());
};
const sampler = setInterval(sample, 20);
const { totalMs, recordingMs } = await runPipeline(runtime, cases, Number(concurrency));
clearInterval(sampler);
sample();
await runtime.client.close();
const mb = (bytes: number) => bytes / 2 ** 20;
process.stdout.write(`${JSON.stringify({ totalMs, recordingMs, rssBeforeMb: mb(before.rss), peakRssMb: mb(highWaterRss() ?? peak.rss), peakTreeRssMb: mb(peak.tree), peakHeapUsedMb: mb(peak.heapUsed) })}\n`);

/**
 * Linux's high-water mark of this process's RSS (VmHWM): it also sees native memory (pact-core) and
 * synchronous stretches a timer cannot sample. Not getrusage's maxRSS, which on Linux keeps the
 * parent's RSS at fork across exec. Null where /proc is not there; the timer's samples are used then.
 */
function highWaterRss(): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The RSS of this process's children now (the contract's pact-core processes hold its native memory):
 * sampled with the run's own, so the peak is of the whole tree at one moment. 0 where /proc is not there.
 */
function childrenRss(): number {
  try {
    const pids = readFileSync(`/proc/self/task/${process.pid}/children`, 'utf8').split(' ').filter(Boolean);
    return pids.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS') * 1024, 0);
  } catch {
    return 0;
  }
}

function statusKb(pid: string, field: string): number {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0; // the child ended between the listing and the read
  }
}
