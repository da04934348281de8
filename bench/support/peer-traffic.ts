import type { Dispatcher } from 'undici';
import { placeCredential } from '../../src/http/index.ts';
import type { SuiteCase } from '../../src/run/case.ts';
import { runCase, type SuiteRuntime } from '../../src/run/runtime.ts';
import { median } from '../measure.ts';
import { pooled } from './pipeline.ts';
import type { SandboxProcess } from './sandbox.ts';

/** One request of the traffic every peer sees, as conform's case and as a plain request. */
export interface Exchange {
  suiteCase: SuiteCase;
  /** The path as the document writes it (Prism routes by these); the sandbox serves it under its base path. */
  documentPath: string;
  headers: Record<string, string>;
}

/** The Whop suite's ledger-account lookups: three ids that exist (200) and one that does not (404). */
export function whopTraffic(sandbox: SandboxProcess): Exchange[] {
  const { ledgerAccountId, companyId, userId } = sandbox.fixtures;
  const ids = [ledgerAccountId!, companyId!, userId!, 'ldgr_conform0unknown'];
  const headers = { accept: 'application/json', ...placeCredential(sandbox.target.auth, sandbox.target.credentials.valid!).headers };
  return ids.map((id, i) => ({
    suiteCase: { name: `ledger account ${id}`, operation: 'GET /ledger_accounts/{id}', params: { id }, expectStatus: i < 3 ? 200 : 404 },
    documentPath: `/ledger_accounts/${encodeURIComponent(id)}`,
    headers,
  }));
}

/** What a side does with each answer: throws when it is not what the traffic should get. */
export type AnswerCheck = (exchange: Exchange, status: number, body: Uint8Array) => void;

/**
 * Milliseconds for `count` plain requests through `pool` at `concurrency`, cycling through the traffic
 * (paths under `basePath`), each body read whole and handed to `check`.
 */
export async function timedRequests(pool: Dispatcher, basePath: string, traffic: readonly Exchange[], concurrency: number, count: number, check: AnswerCheck): Promise<number> {
  const start = performance.now();
  await pooled(count, concurrency, async (i) => {
    const exchange = traffic[i % traffic.length]!;
    const response = await pool.request({ method: 'GET', path: basePath + exchange.documentPath, headers: exchange.headers });
    check(exchange, response.statusCode, new Uint8Array(await response.body.arrayBuffer()));
  });
  return performance.now() - start;
}

/** Milliseconds for `count` cases through conform's runCase (its request, every check, the result) at `concurrency`. */
export async function timedCases(runtime: SuiteRuntime, traffic: readonly Exchange[], concurrency: number, count: number): Promise<number> {
  const start = performance.now();
  await pooled(count, concurrency, async (i) => {
    const result = await runCase(runtime, traffic[i % traffic.length]!.suiteCase);
    // A throttled sandbox or a finding would make the figure measure something else.
    if (result.outcome !== 'answered' || result.findings.length > 0) throw new Error(`conform: ${result.case} ${result.outcome} ${result.findings.map((f) => f.id).join(', ')}`);
  });
  return performance.now() - start;
}

/** The status the case expects, or an error naming who answered otherwise. */
export function expectStatus(who: string): AnswerCheck {
  return ({ suiteCase, documentPath }, status) => {
    if (status !== suiteCase.expectStatus) throw new Error(`${who} answered ${status} for ${documentPath}`);
  };
}

/**
 * Each side timed once per round, the order reversed every other round so neither side always runs
 * on a warmer (or busier) machine; each side's times, round by round.
 */
export async function alternatingRounds<Side extends string>(rounds: number, sides: Record<Side, () => Promise<number>>): Promise<Record<Side, number[]>> {
  const names = Object.keys(sides) as Side[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Side, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) times[name].push(await sides[name]());
  }
  return times;
}

/** The median over rounds of one side's time divided by another's. */
export function medianRatio(numerator: readonly number[], denominator: readonly number[]): number {
  return median(numerator.map((value, round) => value / denominator[round]!));
}
