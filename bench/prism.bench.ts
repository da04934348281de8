import { Pool } from 'undici';
import { checkResponse } from '../src/checks/index.ts';
import { openRuntime, operationFor, runCase, type SuiteRuntime } from '../src/run/runtime.ts';
import { nsPerOp } from './measure.ts';
import { ROOT } from './support/root.ts';
import { peerBin } from './support/peers.ts';
import { alternatingRounds, expectStatus, medianRatio, timedCases, timedRequests, whopTraffic, type Exchange } from './support/peer-traffic.ts';
import { startPrismProxy, type PrismProxy } from './support/prism.ts';
import { spawnSandbox } from './support/sandbox.ts';
import { notMeasured, type Bench, type BenchRow } from './types.ts';

// The last Prism whose engines field allows Node 20 (5.15 and later need Node 24); MEASURED.md used 5.14.
const PRISM_VERSION = '5.14.2';
const SPEC = 'specs/whop/1.0.0.yaml';
/** The judged figures: conform's whole path against a request through Prism, per concurrency. */
const HEADLINE = [
  { concurrency: 1, target: 5 },
  { concurrency: 8, target: 10 },
];
const REQUESTS = 800;
const ROUNDS = 5;

const headlineName = (concurrency: number) =>
  `end to end, c=${concurrency}: conform's whole path (runCase: request, every check, result) / a request through Prism ${PRISM_VERSION} proxy --errors`;

/**
 * Peer: responses validated per second, conform against Stoplight Prism's validating proxy, like for
 * like: the same traffic (the Whop suite's ledger-account lookups: three 200s and a 404) from the
 * same Whop sandbox, at the same concurrency. conform's side is what a run does per case (runCase:
 * its undici client, every check, masking, the result); Prism's side is a bare undici request through
 * `prism proxy --errors`, which validates request and response on the way. Informative: a bare
 * request to the sandbox (the most any validating client could reach), and conform's checker alone
 * on the recorded responses (what the headline was before issue 16). Alternating rounds, medians.
 */
export const prismBench: Bench = {
  group: 'peer: Prism',
  async run() {
    let prismEntry: string;
    try {
      prismEntry = await peerBin('@stoplight/prism-cli', PRISM_VERSION, 'prism');
    } catch (error) {
      return HEADLINE.map(({ concurrency, target }) => notMeasured(this.group, headlineName(concurrency), `>= ${target}x`, (error as Error).message));
    }
    const sandbox = await spawnSandbox('whop');
    const runtime = await openRuntime(sandbox.target, { cwd: ROOT, http: { concurrency: Math.max(...HEADLINE.map((h) => h.concurrency)) } });
    let prism: PrismProxy | undefined;
    try {
      const traffic = whopTraffic(sandbox);
      prism = await startPrismProxy(prismEntry, SPEC, sandbox.url, { path: traffic[0]!.documentPath, headers: traffic[0]!.headers });
      const checkerMs = await recordedChecker(runtime, traffic);
      const basePath = new URL(sandbox.target.baseUrl).pathname;
      const rows: BenchRow[] = [];
      for (const { concurrency, target } of HEADLINE) {
        // One pool per side for all its rounds, as conform's runtime keeps its client.
        const throughPrism = new Pool(prism.origin, { connections: concurrency });
        const direct = new Pool(new URL(sandbox.url).origin, { connections: concurrency });
        try {
          const sides = {
            prism: () => timedRequests(throughPrism, '', traffic, concurrency, REQUESTS, expectStatus('prism')),
            conform: () => timedCases(runtime, traffic, concurrency, REQUESTS),
            bare: () => timedRequests(direct, basePath, traffic, concurrency, REQUESTS, expectStatus('the sandbox')),
            checker: async () => checkerMs() * REQUESTS,
          };
          // Warm-up: connections open, validators compiled, code optimised, on every side.
          for (const side of Object.values(sides)) await side();
          const times = await alternatingRounds(ROUNDS, sides);
          const ratio = medianRatio(times.prism, times.conform);
          rows.push({ group: this.group, name: headlineName(concurrency), value: ratio, unit: 'x', target: `>= ${target}x`, met: ratio >= target });
          const ceiling = `c=${concurrency}, the ceiling: a bare undici request to the sandbox (no checks) / a request through Prism`;
          rows.push({ group: this.group, name: ceiling, value: medianRatio(times.prism, times.bare), unit: 'x', target: 'informative', met: null });
          const checker = `c=${concurrency}, conform's checker alone on the recorded responses / a request through Prism`;
          rows.push({ group: this.group, name: checker, value: medianRatio(times.prism, times.checker), unit: 'x', target: 'informative', met: null });
        } finally {
          await throughPrism.close();
          await direct.close();
        }
      }
      return rows;
    } finally {
      await prism?.close();
      await runtime.client.close();
      await sandbox.close();
    }
  },
};

/** Records each case's response once, then returns a timer: ms per response for the checker, cycling through them. */
async function recordedChecker(runtime: SuiteRuntime, traffic: readonly Exchange[]): Promise<() => number> {
  const recorded = await Promise.all(
    traffic.map(async ({ suiteCase }) => {
      const result = await runCase(runtime, suiteCase);
      if (result.outcome !== 'answered' || !result.response) throw new Error(`conform: ${result.case} ${result.outcome}`);
      const { spec, operation } = operationFor(runtime, suiteCase.operation);
      return { spec, operation, response: { ...result.response, body: Buffer.from(result.response.body) } };
    }),
  );
  let next = 0;
  const checkOne = () => {
    const { spec, operation, response } = recorded[next++ % recorded.length]!;
    return checkResponse(spec, operation, response, { integrity: true });
  };
  return () => nsPerOp(checkOne, { rounds: 1 }) / 1e6;
}
