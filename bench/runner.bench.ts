import { Pool, type Dispatcher } from 'undici';
import { placeCredential, type HttpClient } from '../src/http/index.ts';
import { openRuntime, type SuiteRuntime } from '../src/run/runtime.ts';
import { median } from './measure.ts';
import { ROOT } from './support/root.ts';
import { ledgerAccountCases, runBare, runPipeline } from './support/pipeline.ts';
import { spawnSandbox } from './support/sandbox.ts';
import type { Bench, BenchRow } from './types.ts';

/**
 * Interactions per round: enough that a round lasts well over the machine's noise, and that the one
 * fixed cost of a run here (recordContracts loads the Whop document again, ~75 ms) weighs little.
 */
const PLAN = [
  { concurrency: 1, interactions: 1000 },
  { concurrency: 16, interactions: 2000 },
];
const ROUNDS = 5;

/**
 * Runner overhead: interactions per second through the whole pipeline (request, checks, result,
 * contract) against the Whop sandbox on loopback, divided by bare undici requests per second to the
 * same server at the same concurrency. Both sides alternate round by round; the median ratio is
 * shown. Target: at least 0.7x.
 */
export const runnerBench: Bench = {
  group: 'runner overhead',
  async run() {
    const sandbox = await spawnSandbox('whop');
    const rows: BenchRow[] = [];
    try {
      for (const { concurrency, interactions } of PLAN) {
        const runtime = await openRuntime(sandbox.target, { cwd: ROOT, http: { concurrency } });
        const pool = new Pool(new URL(sandbox.url).origin, { connections: concurrency });
        const cases = ledgerAccountCases(interactions, sandbox.fixtures.ledgerAccountId!);
        try {
          // Warm-up: validators compiled, connections open, code optimised.
          await runPipeline(runtime, cases.slice(0, 200), concurrency);
          await runBare(pool, runtime, cases.slice(0, 200), concurrency);
          const ratios: number[] = [];
          const casesOnly: number[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            const bareMs = await runBare(pool, runtime, cases, concurrency);
            const pipeline = await runPipeline(runtime, cases, concurrency);
            ratios.push(bareMs / pipeline.totalMs);
            casesOnly.push(bareMs / (pipeline.totalMs - pipeline.recordingMs));
          }
          const ratio = median(ratios);
          rows.push({ group: this.group, name: `c=${concurrency}: pipeline / bare undici interactions per second`, value: ratio, unit: 'x', target: '>= 0.7x', met: ratio >= 0.7 });
          // Where the time goes: the same rounds without the contract step at the end.
          rows.push({ group: this.group, name: `c=${concurrency}: the same, up to the contract (request, checks, result)`, value: median(casesOnly), unit: 'x', target: 'informative', met: null });
          if (concurrency === 1) rows.push(...(await exchangeCpuRows(this.group, runtime, pool, sandbox.fixtures.ledgerAccountId!)));
        } finally {
          await pool.close();
          await runtime.client.close();
        }
      }
    } finally {
      await sandbox.close();
    }
    return rows;
  },
};

const CPU_BATCH = 300;

/**
 * CPU per request of conform's client (retries, redirects, body reading) over bare undici's, one at a
 * time, on a 200 and on a 404 (what most derived cases get). process.cpuUsage counts this process only:
 * the sandbox is another. Sides alternate batch by batch; medians.
 */
async function exchangeCpuRows(group: string, runtime: SuiteRuntime, pool: Dispatcher, id: string): Promise<BenchRow[]> {
  const { target } = runtime;
  const headers = { accept: 'application/json', ...placeCredential(target.auth, target.credentials.valid!).headers };
  const rows: BenchRow[] = [];
  for (const [answer, accountId] of [['200', id], ['404', `${id}-missing`]] as const) {
    const url = `${target.baseUrl}/ledger_accounts/${encodeURIComponent(accountId)}`;
    const path = new URL(url).pathname;
    const conformUs: number[] = [];
    const bareUs: number[] = [];
    for (let round = 0; round < 2 * ROUNDS + 1; round++) {
      conformUs.push(await cpuUsPerRequest(() => sendThrough(runtime.client, url, headers)));
      bareUs.push(await cpuUsPerRequest(() => sendBare(pool, path, headers)));
    }
    const value = median(conformUs) / median(bareUs);
    const name = `c=1, ${answer}: client exchange CPU per request / bare undici's (${median(conformUs).toFixed(0)} / ${median(bareUs).toFixed(0)} us)`;
    rows.push({ group, name, value, unit: 'x', target: 'informative', met: null });
  }
  return rows;
}

async function cpuUsPerRequest(request: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < CPU_BATCH; i++) await request();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / CPU_BATCH;
}

async function sendThrough(client: HttpClient, url: string, headers: Record<string, string>): Promise<void> {
  const exchange = await client.send({ method: 'GET', url, headers });
  if (exchange.outcome !== 'response') throw new Error(`bench request failed: ${exchange.message}`);
}

async function sendBare(pool: Dispatcher, path: string, headers: Record<string, string>): Promise<void> {
  const response = await pool.request({ method: 'GET', path, headers });
  await response.body.arrayBuffer();
}
