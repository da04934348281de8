// Child-process entry of the latency bench: per vendor, its generic sandbox behind a front that answers
// the n-th request to arrive after the n-th of its seeded latencies, as a distant vendor would. In its
// own process, so the servers' CPU is not the run's. Prints {vendor: url} as one JSON line; when its
// stdin closes, writes what it served (ServedTimes) to the file its last argument names, and stops.
import { writeFileSync } from 'node:fs';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGenericSandbox } from '../../src/sandbox/index.ts';
import { injectedLatencies } from './latency-schedule.ts';

/** When the run's first request arrived and its last answer left (epoch ms), and how many requests each vendor received. */
export interface ServedTimes {
  firstArrival: number;
  lastAnswer: number;
  requests: Record<string, number>;
}

export interface LatencyVendor {
  vendor: string;
  document: string;
  seed: number;
  /** Latencies drawn: more than the run will ask for (any later request gets the mean). */
  requests: number;
}

const [vendorsJson, meanMs, jitterMs, timesFile] = process.argv.slice(2);
const vendors = JSON.parse(vendorsJson!) as LatencyVendor[];
const closers: Array<() => Promise<void>> = [];
const urls: Record<string, string> = {};
const times: ServedTimes = { firstArrival: Infinity, lastAnswer: -Infinity, requests: {} };
for (const { vendor, document, seed, requests } of vendors) {
  const sandbox = await startGenericSandbox({ document });
  const latencies = injectedLatencies(seed, requests, Number(meanMs), Number(jitterMs));
  const origin = new URL(sandbox.url).origin;
  let arrived = 0;
  const front = createServer((incoming, outgoing) => {
    times.firstArrival = Math.min(times.firstArrival, Date.now());
    const latency = latencies[arrived++] ?? Number(meanMs);
    times.requests[vendor] = arrived;
    setTimeout(() => {
      incoming.pipe(
        forward(`${origin}${incoming.url}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing).on('finish', () => (times.lastAnswer = Date.now()));
        }),
      );
    }, latency);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  urls[vendor] = `http://127.0.0.1:${(front.address() as AddressInfo).port}${new URL(sandbox.url).pathname}`;
  closers.push(() => closeServer(front), sandbox.close);
}
process.stdout.write(`${JSON.stringify(urls)}\n`);
process.stdin.on('end', () => {
  writeFileSync(timesFile!, JSON.stringify(times));
  void Promise.all(closers.map((close) => close())).then(() => process.exit(0));
});
process.stdin.resume();

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
