import { Pool } from 'undici';
import { checkResponse } from '../src/checks/index.ts';
import type { SuiteCase } from '../src/run/case.ts';
import { openRuntime, operationFor, runCase, type SuiteRuntime } from '../src/run/runtime.ts';
import { placeCredential } from '../src/http/index.ts';
import { median, nsPerOp } from './measure.ts';
import { ROOT } from './support/root.ts';
import { peerBin } from './support/peers.ts';
import { pooled } from './support/pipeline.ts';
import { startPrismProxy, type PrismProxy } from './support/prism.ts';
import { spawnSandbox, type SandboxProcess } from './support/sandbox.ts';
import { notMeasured, type Bench, type BenchRow } from './types.ts';

// The last Prism whose engines field allows Node 20 (5.15 and later need Node 24); MEASURED.md used 5.14.
const PRISM_VERSION = '5.14.2';
const SPEC = 'specs/whop/1.0.0.yaml';
// Prism's throughput is best at some concurrency; the checker needs none.
const PRISM_CONCURRENCY = 8;
const END_TO_END = [1, 8];
const RESPONSES = 800;
const ROUNDS = 5;
const TARGET = '>= 5x';
const CHECKER_ROW = `conform's checker on the recorded responses / Prism ${PRISM_VERSION} proxy --errors on the same traffic (c=${PRISM_CONCURRENCY})`;

/**
 * Peer: validated responses per second, conform vs Stoplight Prism's validating proxy, on the same
 * traffic: the Whop suite's cases that Prism forwards (three ledger accounts, 200; an unknown id,
 * 404) with the Whop sandbox upstream. The figure: conform's checker (every check, as runCase runs
 * them) on those responses as recorded, against Prism validating them as they pass through it.
 * Informative, end to end: conform fetching and checking (runCase) against fetching through Prism.
 * Alternating rounds, median ratios.
 */
export const prismBench: Bench = {
  group: 'peer: Prism',
  async run() {
    let prismEntry: string;
    try {
      prismEntry = await peerBin('@stoplight/prism-cli', PRISM_VERSION, 'prism');
    } catch (error) {
      return [notMeasured(this.group, CHECKER_ROW, TARGET, (error as Error).message)];
    }
    const sandbox = await spawnSandbox('whop');
    const runtime = await openRuntime(sandbox.target, { cwd: ROOT, http: { concurrency: Math.max(...END_TO_END) } });
    let prism: PrismProxy | undefined;
    try {
      const traffic = whopTraffic(sandbox);
      prism = await startPrismProxy(prismEntry, SPEC, sandbox.url, { path: traffic[0]!.prismPath, headers: traffic[0]!.headers });
      const throughPrism = prismClient(prism, traffic);
      const checker = await recordedChecker(runtime, traffic);
      const ratios: number[] = [];
      await throughPrism(PRISM_CONCURRENCY); // warm-up
      for (let round = 0; round < ROUNDS; round++) ratios.push((await throughPrism(PRISM_CONCURRENCY)) / RESPONSES / checker());
      const rows: BenchRow[] = [{ group: this.group, name: CHECKER_ROW, value: median(ratios), unit: 'x', target: TARGET, met: median(ratios) >= 5 }];
      for (const concurrency of END_TO_END) {
        const viaConform = endToEnd(runtime, traffic);
        await viaConform(concurrency);
        const endToEndRatios: number[] = [];
        for (let round = 0; round < ROUNDS; round++) endToEndRatios.push((await throughPrism(concurrency)) / (await viaConform(concurrency)));
        rows.push({ group: this.group, name: `end to end, c=${concurrency}: conform runCase (its request + checks) / a request through Prism`, value: median(endToEndRatios), unit: 'x', target: 'informative', met: null });
      }
      return rows;
    } finally {
      await prism?.close();
      await runtime.client.close();
      await sandbox.close();
    }
  },
};

interface Exchange {
  suiteCase: SuiteCase;
  prismPath: string;
  headers: Record<string, string>;
}

function whopTraffic(sandbox: SandboxProcess): Exchange[] {
  const { ledgerAccountId, companyId, userId } = sandbox.fixtures;
  const ids = [ledgerAccountId!, companyId!, userId!, 'ldgr_conform0unknown'];
  const headers = { accept: 'application/json', ...placeCredential(sandbox.target.auth, sandbox.target.credentials.valid!).headers };
  return ids.map((id, i) => ({
    suiteCase: { name: `ledger account ${id}`, operation: 'GET /ledger_accounts/{id}', params: { id }, expectStatus: i < 3 ? 200 : 404 },
    // Prism routes by the document's paths, without the server's /api/v1.
    prismPath: `/ledger_accounts/${encodeURIComponent(id)}`,
    headers,
  }));
}

/** Milliseconds for RESPONSES requests through Prism at `concurrency`; a status the sandbox did not send means Prism refused something. */
function prismClient(prism: PrismProxy, traffic: Exchange[]): (concurrency: number) => Promise<number> {
  return async (concurrency) => {
    const pool = new Pool(prism.origin, { connections: concurrency });
    const start = performance.now();
    await pooled(RESPONSES, concurrency, async (i) => {
      const { prismPath, headers, suiteCase } = traffic[i % traffic.length]!;
      const response = await pool.request({ method: 'GET', path: prismPath, headers });
      await response.body.dump();
      if (response.statusCode !== suiteCase.expectStatus) throw new Error(`prism answered ${response.statusCode} for ${prismPath}`);
    });
    const ms = performance.now() - start;
    await pool.close();
    return ms;
  };
}

/** Records each case's response once, then returns a timer: ms per response for the checker, cycling through them. */
async function recordedChecker(runtime: SuiteRuntime, traffic: Exchange[]): Promise<() => number> {
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

/** Milliseconds for RESPONSES cases through conform's runtime (request, every check) at `concurrency`. */
function endToEnd(runtime: SuiteRuntime, traffic: Exchange[]): (concurrency: number) => Promise<number> {
  return async (concurrency) => {
    const start = performance.now();
    await pooled(RESPONSES, concurrency, async (i) => {
      const result = await runCase(runtime, traffic[i % traffic.length]!.suiteCase);
      if (result.outcome !== 'passed') throw new Error(`conform: ${result.case} ${result.outcome}`);
    });
    return performance.now() - start;
  };
}
