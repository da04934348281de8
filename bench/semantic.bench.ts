import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkResponse, inspectResponse, NO_RULES, SEMANTIC_CHECKS, type CheckContext } from '../src/checks/index.ts';
import { loadSpec } from '../src/spec/load.ts';
import { loadVendors } from '../src/vendors/index.ts';
import { costRatio } from './measure.ts';
import type { Bench, BenchRow } from './types.ts';

const root = join(import.meta.dirname, '..');
const headers = { 'content-type': 'application/json' };

/**
 * The money checks alone on a body already parsed and resolved: what they add to a response's checking.
 * A copy of the context each time, as each response has its own: what the checks keep for the response
 * they last saw (its rules, its rule body with the figures read, its amounts) must not carry over from one measured call to the next.
 */
function semanticChecks(context: CheckContext): void {
  const response = { ...context };
  for (const check of SEMANTIC_CHECKS) check.check(response);
}

/**
 * The money checks' cost: on the Midaz balance with Midaz's own rules (vendors/midaz.yaml), against every
 * other check of the same response (target: at most +25 %); on the Whop account against a parse
 * (informative: its share of the checking-cost target); and on a 1,000-entry volumes list against one
 * entry (linear).
 */
export const semanticBench: Bench = {
  group: 'money checks',
  async run() {
    const rows: BenchRow[] = [];
    const midaz = loadVendors(root).find((vendor) => vendor.name === 'midaz')!;
    const spec = await loadSpec('specs/midaz/3.7.1.yaml', { cwd: root });
    const operation = spec.operations[0]!;
    const semantic = {
      declared: midaz.money.operations[operation.key] ?? NO_RULES,
      currencies: midaz.money.currencies,
      params: { organization_id: '019c96a0-0a98-7287-9a31-786e0809c769', ledger_id: '019c96a0-0ac0-7de9-9f53-9cf842a2ee5a', account_id: '019c96a0-0c0c-7221-8cf3-13313fb60081' },
    };
    const response = { status: 200, headers, body: readFileSync(join(root, 'test', 'fixtures', 'bodies', 'midaz-balance.json')) };
    const context = inspectResponse(spec, operation, response, semantic);
    checkResponse(spec, operation, response, { semantic }); // compile once, outside the measurement
    // Share s of the whole; what the money checks add to the others is s / (1 - s).
    const { ratio: share } = costRatio(() => semanticChecks(context), () => checkResponse(spec, operation, response, { semantic }));
    const added = share / (1 - share);
    rows.push({ group: this.group, name: 'Midaz balance: money checks / all other checks', value: added, unit: 'x', target: '<= 0.25x', met: added <= 0.25 });

    // Whop's balances are JSON numbers under a `*` (recognised rules, as the checking-cost bench runs them): what they add to its checking, against a parse.
    const whop = await loadSpec('specs/whop/1.0.0.yaml', { cwd: root });
    const whopOperation = whop.operations[0]!;
    const whopBytes = readFileSync(join(root, 'test', 'fixtures', 'bodies', 'whop-ledger-account.json'));
    const whopContext = inspectResponse(whop, whopOperation, { status: 200, headers, body: whopBytes });
    semanticChecks(whopContext);
    const whopRatio = costRatio(() => semanticChecks(whopContext), () => JSON.parse(new TextDecoder().decode(whopBytes))).ratio;
    rows.push({ group: this.group, name: 'Whop ledger account: money checks / JSON.parse', value: whopRatio, unit: 'x', target: 'informative', met: null });

    const volumes = await loadSpec('bench/fixtures/volumes.yaml', { cwd: root });
    const volumesOperation = volumes.operations[0]!;
    const entry = (i: number) => ({ asset: 'USD', input: `${1000 + i}.25`, output: `${i}.10`, balance: '1000.15' });
    const contextOf = (count: number) =>
      inspectResponse(volumes, volumesOperation, { status: 200, headers, body: Buffer.from(JSON.stringify({ items: Array.from({ length: count }, (_, i) => entry(i)) })) });
    const one = contextOf(1);
    const many = contextOf(1000);
    const scale = costRatio(() => semanticChecks(many), () => semanticChecks(one));
    rows.push({ group: this.group, name: '1,000-entry volumes list / one entry: money checks', value: scale.ratio, unit: 'x', target: 'about 1,000x (linear)', met: scale.ratio < 1500 });
    return rows;
  },
};
