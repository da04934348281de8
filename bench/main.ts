import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ajvPeerBench } from './ajv-peer.bench.ts';
import { auditBench } from './audit.bench.ts';
import { checkerBench } from './checker.bench.ts';
import { coldStartBench } from './cold-start.bench.ts';
import { contractsBench } from './contracts.bench.ts';
import { platformBench } from './platform.bench.ts';
import { prismBench } from './prism.bench.ts';
import { runnerBench } from './runner.bench.ts';
import { scaleBench } from './scale.bench.ts';
import { semanticBench } from './semantic.bench.ts';
import { specDiffBench } from './spec-diff.bench.ts';
import { updateReadmeTable } from './readme-table.ts';
import { formatTable } from './table.ts';
import { latencyBench } from './latency.bench.ts';
import { notMeasured, type Bench, type BenchRow } from './types.ts';

/** Every benchmark of `npm run bench`, in the order of the figures, which the table keeps. */
const BENCHES: Bench[] = [checkerBench, semanticBench, runnerBench, contractsBench, coldStartBench, prismBench, ajvPeerBench, scaleBench, latencyBench, platformBench, auditBench, specDiffBench];

// `npm run bench -- --readme` measures nothing: README's table is rewritten from the last full run.
if (process.argv.includes('--readme')) {
  updateReadmeTable(join(import.meta.dirname, '..'));
  process.exit(0);
}

// `npm run bench -- prism scale` runs only the benches whose group names a word (and leaves latest.json alone).
const only = process.argv.slice(2);
const selected = only.length ? BENCHES.filter((bench) => only.some((word) => bench.group.toLowerCase().includes(word.toLowerCase()))) : BENCHES;

const rows: BenchRow[] = [];
for (const bench of selected) {
  process.stdout.write(`measuring ${bench.group}...\n`);
  const started = performance.now();
  try {
    rows.push(...(await bench.run()));
  } catch (error) {
    // One bench that cannot run (a peer, a port, a child process) must not hide every other figure.
    rows.push(notMeasured(bench.group, 'every figure', '-', error instanceof Error ? error.message : String(error)));
  }
  process.stdout.write(`  (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}

// A bench may report figures of another group (the scale run gives the recording's share): show them with it.
const groupOrder = BENCHES.map((bench) => bench.group);
rows.sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group));
process.stdout.write(`\n${formatTable(rows)}\n`);

if (selected === BENCHES) {
  const resultsDir = join(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
}
