import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer, type Server } from 'node:net';
import type { SuiteCase } from '../../../src/run/case.ts';
import { fixture } from '../../../src/run/case.ts';
import { resolveRunConfig } from '../../../src/run/config.ts';
import type { CaseResult } from '../../../src/results/index.ts';
import { openRuntime, runCase } from '../../../src/run/runtime.ts';
import { startTargets } from '../../../src/run/targets.ts';
import { REPO_ROOT } from '../../support/paths.ts';

// Whop's cases of vendors/whop.yaml, without their provider states. Names and statuses must stay
// those of the vendor file (whop-run.test.ts holds it).
const operation = 'GET /ledger_accounts/{id}';
export const WHOP_CASES: readonly SuiteCase[] = [
  { name: 'by ledger account id', operation, params: { id: fixture('ledgerAccountId') }, expectStatus: 200 },
  { name: 'by company id', operation, params: { id: fixture('companyId') }, expectStatus: 200 },
  { name: 'by user id', operation, params: { id: fixture('userId') }, expectStatus: 200 },
  { name: 'unknown id', operation, params: { id: 'ldgr_conform0unknown' }, expectStatus: 404 },
  { name: 'malformed id', operation, params: { id: 'not an id!' }, expectStatus: 400 },
  { name: 'missing credentials', operation, params: { id: fixture('ledgerAccountId') }, credential: 'none', expectStatus: 401 },
  { name: 'invalid credentials', operation, params: { id: fixture('ledgerAccountId') }, credential: 'invalid', expectStatus: 401 },
  { name: 'insufficient scope', operation, params: { id: fixture('ledgerAccountId') }, credential: 'limited', expectStatus: 403 },
];

export interface WhopRun {
  /** Sandbox scenario (default faithful). */
  scenario?: string;
  /** Only these cases (default all). */
  cases?: readonly string[];
  /** Send the requests here instead of to the sandbox (a fault server), keeping its credentials and fixtures. */
  origin?: string;
  /** Leave the fixtures unset, as a live vendor configured without them. */
  withoutFixtures?: boolean;
}

/** Real case results: Whop's cases through the real runtime against the embedded sandbox, as `conform run` makes them. */
export async function runWhop(options: WhopRun = {}): Promise<CaseResult[]> {
  const config = resolveRunConfig({ CONFORM_VENDORS: 'whop', WHOP_SANDBOX_SCENARIO: options.scenario ?? 'faithful', CONFORM_RETRIES: '1' });
  const { targets, close } = await startTargets(config);
  const sandbox = targets[0]!;
  const target = {
    ...sandbox,
    baseUrl: options.origin ? `${options.origin}/api/v1` : sandbox.baseUrl,
    fixtures: options.withoutFixtures ? {} : sandbox.fixtures,
  };
  const runtime = await openRuntime(target, { cwd: REPO_ROOT, http: config.http });
  try {
    const cases = WHOP_CASES.filter((c) => !options.cases || options.cases.includes(c.name));
    return await Promise.all(cases.map((c) => runCase(runtime, c)));
  } finally {
    await runtime.client.close();
    await close();
  }
}

/** Runs the named cases against the sandbox and the others through `origin`. */
export async function runWhopSplit(reachable: readonly string[], origin: string, scenario?: string): Promise<CaseResult[]> {
  const others = WHOP_CASES.map((c) => c.name).filter((name) => !reachable.includes(name));
  return [...(await runWhop({ scenario, cases: reachable })), ...(await runWhop({ scenario, cases: others, origin }))];
}

export interface FaultServer {
  origin: string;
  close(): Promise<void>;
}

/** A real server on a free port that fails every request: by resetting the connection, or with a status (503: an outage, not drift; 429; 408). */
export async function startFaultServer(fault: 'reset' | 500 | 503 | 429 | 408): Promise<FaultServer> {
  const server: Server =
    fault === 'reset'
      ? createNetServer((socket) => socket.resetAndDestroy())
      : createHttpServer((_, response) => {
          response.writeHead(fault, { 'content-type': 'application/json', 'retry-after': '0' });
          response.end(fault === 503 ? '{"error":{"type":"service_unavailable","message":"Service temporarily unavailable"}}' : `{"error":{"type":"status_${fault}","message":"Try again later"}}`);
        });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
