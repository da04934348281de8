import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { checkResponse } from '../src/checks/index.ts';
import { openRuntime } from '../src/run/runtime.ts';
import { loadSpec } from '../src/spec/load.ts';
import { costRatio } from './measure.ts';
import { alternatingRounds, medianRatio, timedCases, timedRequests, whopTraffic, type AnswerCheck } from './support/peer-traffic.ts';
import { plainAjvValidator, type PlainResponse } from './support/plain-ajv.ts';
import { ROOT } from './support/root.ts';
import { spawnSandbox } from './support/sandbox.ts';
import type { Bench, BenchRow } from './types.ts';

/** The bodies of the checking-cost figures, each with the operation that answers it. */
const BODIES = [
  { name: 'Whop ledger account', spec: 'specs/whop/1.0.0.yaml', method: 'get', path: '/ledger_accounts/{id}', body: 'whop-ledger-account.json' },
  {
    name: 'Midaz balance',
    spec: 'specs/midaz/3.7.1.yaml',
    method: 'get',
    path: '/v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances',
    body: 'midaz-balance.json',
  },
];
/**
 * conform's checks may cost half again what the team's validator costs. The checking-cost target
 * (every check within JSON.parse + 25 %) already bounds all but the duplicate-key scan at 1.25x of this
 * peer, which parses too; the scan, one more linear pass over the text, gets the rest.
 */
const TARGET = 1.5;
const END_TO_END = [1, 8];
const REQUESTS = 800;
const ROUNDS = 5;

/**
 * Peer: the validator a team writes itself (plain ajv 2020 + ajv-formats, see plain-ajv.ts), the floor
 * conform's extra checks are measured against. Per response: conform's checks (every check a run makes,
 * duplicate keys included) against the plain validator on the same bodies, alternating rounds. End to
 * end, informative: runCase against a plain undici request + JSON.parse + validate, the Whop sandbox's
 * ledger-account traffic (as in the Prism figures), same concurrency, alternating rounds, medians.
 */
export const ajvPeerBench: Bench = {
  group: 'peer: plain ajv',
  async run() {
    const rows: BenchRow[] = [];
    const headers = { 'content-type': 'application/json' };
    for (const { name, spec: file, method, path, body } of BODIES) {
      const spec = await loadSpec(file, { cwd: ROOT });
      const operation = spec.operations.find((o) => o.key === `${method.toUpperCase()} ${path}`)!;
      const response = { status: 200, headers, body: readFileSync(join(ROOT, 'test', 'fixtures', 'bodies', body)) };
      const plain = plainAjvValidator(file, method, path);
      // Both sides must pass the body, or one of them measures an error path (and compiles outside the measurement).
      const findings = checkResponse(spec, operation, response, { integrity: true });
      if (findings.length > 0 || !plain(response)) throw new Error(`${name}: conform found ${findings.map((f) => f.id).join(', ') || 'nothing'}; plain ajv ${plain(response) ? 'passed' : 'failed'}`);
      const { ratio } = costRatio(() => checkResponse(spec, operation, response, { integrity: true }), () => plain(response));
      rows.push({ group: this.group, name: `${name}: conform's checks / plain ajv (JSON.parse + validate), time per response`, value: ratio, unit: 'x', target: `<= ${TARGET}x`, met: ratio <= TARGET });
    }
    rows.push(...(await endToEnd(this.group)));
    return rows;
  },
};

async function endToEnd(group: string): Promise<BenchRow[]> {
  const sandbox = await spawnSandbox('whop');
  const runtime = await openRuntime(sandbox.target, { cwd: ROOT, http: { concurrency: Math.max(...END_TO_END) } });
  try {
    const traffic = whopTraffic(sandbox);
    const plain = plainAjvValidator(sandbox.target.specs[0]!, 'get', '/ledger_accounts/{id}');
    const validated: AnswerCheck = ({ suiteCase, documentPath }, status, body) => {
      if (status !== suiteCase.expectStatus || !plain({ status, body } satisfies PlainResponse)) throw new Error(`plain ajv refused ${status} for ${documentPath}`);
    };
    const basePath = new URL(sandbox.target.baseUrl).pathname;
    const rows: BenchRow[] = [];
    for (const concurrency of END_TO_END) {
      const pool = new Pool(new URL(sandbox.url).origin, { connections: concurrency });
      try {
        const sides = {
          conform: () => timedCases(runtime, traffic, concurrency, REQUESTS),
          plain: () => timedRequests(pool, basePath, traffic, concurrency, REQUESTS, validated),
        };
        for (const side of Object.values(sides)) await side(); // warm-up
        const times = await alternatingRounds(ROUNDS, sides);
        const name = `end to end, c=${concurrency}: conform's runCase (request, every check, result) / a plain undici request + JSON.parse + validate, time`;
        rows.push({ group, name, value: medianRatio(times.conform, times.plain), unit: 'x', target: 'informative', met: null });
      } finally {
        await pool.close();
      }
    }
    return rows;
  } finally {
    await runtime.client.close();
    await sandbox.close();
  }
}
