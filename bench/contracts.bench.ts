import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { planInteraction } from '../src/contracts/interaction.ts';
import { writeContract } from '../src/contracts/pact-writer.ts';
import { inspectResponse, responseFacts } from '../src/checks/index.ts';
import { loadSpec } from '../src/spec/load.ts';
import type { CaseResult } from '../src/results/index.ts';
import type { LoadedSpec } from '../src/spec/types.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { median } from './measure.ts';
import type { Bench, BenchRow } from './types.ts';

const root = join(import.meta.dirname, '..');
const SIZES = [1, 100, 1000];

/**
 * Recording cost: matchers derived from the Whop schema plus one pact-core write, per interaction,
 * for contracts of 1, 100 and 1,000 interactions (copies of one real sandbox answer under distinct
 * case names). Target: linear growth, i.e. 1,000's cost per interaction within 2x of 100's.
 */
export const contractsBench: Bench = {
  group: 'contract recording',
  async run() {
    // The document loads and the checks run once per answer in a run, outside the measurement.
    const spec = await loadSpec(SPEC, { cwd: root, vendor: 'whop' });
    const answered = await sandboxAnswer(spec);
    const dir = await mkdtemp(join(tmpdir(), 'conform-bench-contracts-'));
    const perInteractionMs: Record<number, number> = {};
    try {
      for (const size of SIZES) {
        const results = Array.from({ length: size }, (_, i) => ({ ...answered, case: `case ${String(i).padStart(4, '0')}` }));
        const samples: number[] = [];
        for (let round = 0; round < (size === 1000 ? 3 : 7); round++) {
          const start = process.hrtime.bigint();
          const plans = results.map((result) => planInteraction(result, spec.document));
          await writeContract(join(dir, `bench-${size}.json`), { consumer: 'bench', provider: 'whop' }, plans, [], 'live');
          samples.push(Number(process.hrtime.bigint() - start) / 1e6 / size);
        }
        perInteractionMs[size] = median(samples);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const rows: BenchRow[] = SIZES.map((size) => ({ group: this.group, name: `${size.toLocaleString('en')} interaction(s): per interaction`, value: perInteractionMs[size]!, unit: 'ms', target: 'informative', met: null }));
    const growth = perInteractionMs[1000]! / perInteractionMs[100]!;
    rows.push({ group: this.group, name: 'per interaction, 1,000 / 100', value: growth, unit: 'x', target: '<= 2x (linear)', met: growth <= 2 });
    return rows;
  },
};

const SPEC = 'specs/whop/1.0.0.yaml';
const OPERATION = 'GET /ledger_accounts/{id}';

/** One real answer: the Whop sandbox's ledger account, as a suite case would have recorded it (unmasked). */
async function sandboxAnswer(spec: LoadedSpec): Promise<CaseResult & { response: NonNullable<CaseResult['response']> }> {
  const sandbox = await startSandbox('whop');
  try {
    const path = `/ledger_accounts/${sandbox.fixtures.ledgerAccountId}`;
    const response = await request(sandbox.url + path, { headers: { accept: 'application/json', authorization: `Bearer ${sandbox.credentials.apiKey}` } });
    const headers = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
    const body = Buffer.from(await response.body.arrayBuffer());
    const inspected = inspectResponse(spec, spec.operations.find((o) => o.key === OPERATION)!, { status: response.statusCode, headers, body });
    return {
      vendor: 'whop',
      mode: 'sandbox',
      case: 'by ledger account id',
      operation: OPERATION,
      spec: { file: SPEC, version: '1.0.0' },
      outcome: 'passed',
      reason: null,
      request: { method: 'GET', path, query: '', headers: { accept: 'application/json' }, credential: 'valid' },
      response: { status: response.statusCode, headers, body: body.toString('utf8'), truncated: false },
      expectedStatus: 200,
      providerState: `ledger account ${sandbox.fixtures.ledgerAccountId} exists`,
      startedAt: new Date(0).toISOString(),
      durationMs: 0,
      attempts: 1,
      findings: [],
      derived: { ...responseFacts(inspected), json: inspected.json?.ok ? { value: inspected.json.value } : null },
    };
  } finally {
    await sandbox.close();
  }
}
