import { Pool } from 'undici';
import { openRuntime } from '../src/run/runtime.ts';
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
