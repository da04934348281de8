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
const peak = { rss: before.rss, heapUsed: before.heapUsed };
const sample = () => {
  const now = process.memoryUsage();
  peak.rss = Math.max(peak.rss, now.rss);
  peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
};
const sampler = setInterval(sample, 20);
const { totalMs, recordingMs } = await runPipeline(runtime, cases, Number(concurrency));
clearInterval(sampler);
sample();
await runtime.client.close();
const mb = (bytes: number) => bytes / 2 ** 20;
process.stdout.write(`${JSON.stringify({ totalMs, recordingMs, rssBeforeMb: mb(before.rss), peakRssMb: mb(highWaterRss() ?? peak.rss), peakHeapUsedMb: mb(peak.heapUsed) })}\n`);

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
