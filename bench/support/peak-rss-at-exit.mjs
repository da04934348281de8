// Preloaded (node --import) into a process the bench measures: at exit it writes Linux's high-water mark
// of the process's RSS (VmHWM, worker threads and native memory included) to $CONFORM_BENCH_PEAK_RSS_FILE.
import { readFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (kb && process.env.CONFORM_BENCH_PEAK_RSS_FILE) writeFileSync(process.env.CONFORM_BENCH_PEAK_RSS_FILE, kb);
});
