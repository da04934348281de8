import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkerBench } from './checker.bench.ts';
import { contractsBench } from './contracts.bench.ts';
import type { Bench, BenchRow } from './types.ts';

/** Every benchmark of `npm run bench`, in the order the table shows them. */
const BENCHES: Bench[] = [checkerBench, contractsBench];

const rows: BenchRow[] = [];
for (const bench of BENCHES) {
  process.stdout.write(`measuring ${bench.group}...\n`);
  rows.push(...(await bench.run()));
}

const format = (row: BenchRow) => `${row.value < 10 ? row.value.toFixed(3) : Math.round(row.value)}${row.unit}`;
const table = [
  '| measure | value | target | met |',
  '|---|---|---|---|',
  ...rows.map((row) => `| ${row.group}: ${row.name} | ${format(row)} | ${row.target} | ${row.met === null ? '-' : row.met ? 'yes' : 'NO'} |`),
].join('\n');
process.stdout.write(`\n${table}\n`);

const resultsDir = join(import.meta.dirname, 'results');
await mkdir(resultsDir, { recursive: true });
await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
