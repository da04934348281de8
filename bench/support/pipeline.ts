import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { startRecording } from '../../src/contracts/index.ts';
import { secretForms } from '../../src/redaction/index.ts';
import type { SuiteCase } from '../../src/run/case.ts';
import type { CaseResult } from '../../src/results/index.ts';
import { runCase, type SuiteRuntime } from '../../src/run/runtime.ts';
import { placeCredential } from '../../src/http/index.ts';
import { ROOT } from './root.ts';

const OPERATION = 'GET /ledger_accounts/{id}';

/** The Whop suite's first case, as data, N times under distinct names: N interactions in the contract. */
export function ledgerAccountCases(count: number, id: string): SuiteCase[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `by ledger account id #${String(i).padStart(6, '0')}`,
    operation: OPERATION,
    params: { id },
    expectStatus: 200,
    providerState: 'ledger account {id} exists',
  }));
}

/** Runs task(0..count-1) with at most `concurrency` in flight, like a suite's concurrent tests. */
export async function pooled(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export interface PipelineTimes {
  totalMs: number;
  /** Of totalMs: what recording the contract adds after the last case (personal data is masked inside runCase). */
  recordingMs: number;
}

/**
 * What `conform run` does per interaction, minus vitest: runCase (request through the composed
 * client, every check, the suite's own checks, personal data masked), the result collected and handed
 * to the contract recording as it comes (each full chunk goes to the recording's pact-core process
 * while the cases go on, as in the run), then the contract written (into a temporary folder).
 */
export async function runPipeline(runtime: SuiteRuntime, cases: readonly SuiteCase[], concurrency: number): Promise<PipelineTimes> {
  const contractsDir = await mkdtemp(join(tmpdir(), 'conform-bench-pipeline-'));
  try {
    const start = performance.now();
    const recording = startRecording({
      cwd: ROOT,
      env: { CONFORM_CONTRACTS_DIR: contractsDir },
      targets: [runtime.target],
      secretForms: secretForms([runtime.target.credentials.valid]),
      specs: new Map(runtime.specs.map((spec) => [spec.file, spec])),
    });
    const results: CaseResult[] = new Array(cases.length);
    await pooled(cases.length, concurrency, async (i) => {
      results[i] = await runCase(runtime, cases[i]!);
      recording.add(results[i]);
    });
    const recordingStart = performance.now();
    recording.end();
    await recording.keep([runtime.target.vendor]);
    const end = performance.now();
    // A throttled or refusing sandbox would make every figure built on this meaningless.
    const failed = results.find((result) => result.outcome !== 'answered' || result.findings.length > 0);
    if (failed) throw new Error(`${failed.case}: ${failed.outcome} (${failed.reason ?? failed.findings.map((f) => f.id).join(', ')})`);
    return { totalMs: end - start, recordingMs: end - recordingStart };
  } finally {
    await rm(contractsDir, { recursive: true, force: true });
  }
}

/** The same requests (same path and headers) with bare undici at the same concurrency, bodies read. */
export async function runBare(pool: Dispatcher, runtime: SuiteRuntime, cases: readonly SuiteCase[], concurrency: number): Promise<number> {
  const { target } = runtime;
  const path = `${new URL(target.baseUrl).pathname}/ledger_accounts/${encodeURIComponent(String(cases[0]!.params.id))}`;
  const headers = { accept: 'application/json', ...placeCredential(target.auth, target.credentials.valid!).headers };
  const start = performance.now();
  await pooled(cases.length, concurrency, async () => {
    const response = await pool.request({ method: 'GET', path, headers });
    await response.body.arrayBuffer();
  });
  return performance.now() - start;
}
