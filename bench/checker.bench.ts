import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkResponse, INTEGRITY_CHECKS, inspectResponse, RESPONSE_CHECKS } from '../src/checks/index.ts';
import { loadSpec } from '../src/spec/load.ts';
import { costRatio } from './measure.ts';
import type { Bench, BenchRow } from './types.ts';

const root = join(import.meta.dirname, '..');
const body = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'bodies', name));

/**
 * Checking cost: every check (status, media type, JSON, schema with undocumented-property detection,
 * headers) on one response, against a bare JSON.parse of the same bytes. Target: at most 0.25x.
 */
export const checkerBench: Bench = {
  group: 'checking cost',
  async run() {
    const whop = await loadSpec('specs/whop/1.0.0.yaml', { cwd: root });
    const midaz = await loadSpec('specs/midaz/3.7.1.yaml', { cwd: root });
    const account = body('whop-ledger-account.json');
    const list = Buffer.from(JSON.stringify({ items: Array.from({ length: 1000 }, () => JSON.parse(account.toString())) }));
    const cases = [
      { name: 'Whop ledger account', spec: whop, bytes: account },
      { name: 'Midaz balance', spec: midaz, bytes: body('midaz-balance.json') },
    ];
    const rows: BenchRow[] = [];
    const headers = { 'content-type': 'application/json' };
    for (const { name, spec, bytes } of cases) {
      const operation = spec.operations[0]!;
      const response = { status: 200, headers, body: bytes };
      const text = () => JSON.parse(new TextDecoder().decode(bytes));
      checkResponse(spec, operation, response); // compile once, outside the measurement
      const { ratio } = costRatio(() => checkResponse(spec, operation, response), text);
      rows.push({ group: this.group, name: `${name}: all checks / JSON.parse`, value: ratio - 1, unit: 'x', target: '<= 0.25x', met: ratio - 1 <= 0.25 });
      // The same without the money checks: what the response checks and the schema cost on their own.
      const responseChecks = () => {
        const context = inspectResponse(spec, operation, response);
        for (const check of RESPONSE_CHECKS) check.check(context);
      };
      const withoutMoney = costRatio(responseChecks, text).ratio - 1;
      rows.push({ group: this.group, name: `${name}: checks but the money checks / JSON.parse`, value: withoutMoney, unit: 'x', target: 'informative', met: null });
      // What the suites add to that (the plain ajv peer's figure counts it): the duplicate-key check.
      const inspected = inspectResponse(spec, operation, response);
      const integrityChecks = () => {
        for (const check of INTEGRITY_CHECKS) check.check(inspected);
      };
      const integrity = costRatio(integrityChecks, text).ratio;
      rows.push({ group: this.group, name: `${name}: duplicate-key check / JSON.parse`, value: integrity, unit: 'x', target: 'informative', met: null });
    }
    // A 1,000-account body through the same schema machinery (a list wrapper of Whop accounts).
    const listSpec = await loadSpec('bench/fixtures/whop-list.yaml', { cwd: root });
    const listOperation = listSpec.operations[0]!;
    const one = { status: 200, headers, body: account };
    const many = { status: 200, headers, body: list };
    checkResponse(listSpec, listOperation, many);
    const listRatio = costRatio(() => checkResponse(listSpec, listOperation, many), () => JSON.parse(new TextDecoder().decode(list)));
    rows.push({ group: this.group, name: '1,000-account list: all checks / JSON.parse', value: listRatio.ratio - 1, unit: 'x', target: '<= 0.25x', met: listRatio.ratio - 1 <= 0.25 });
    const scale = costRatio(() => checkResponse(listSpec, listOperation, many), () => checkResponse(whop, whop.operations[0]!, one));
    rows.push({ group: this.group, name: '1,000-account list / one account', value: scale.ratio, unit: 'x', target: 'about 1,000x (linear)', met: scale.ratio < 1500 });
    return rows;
  },
};
