import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable } from './table.ts';
import type { BenchRow } from './types.ts';

/** What `npm run bench` writes to bench/results/latest.json after a full run. */
export interface BenchResults {
  measuredAt: string;
  node: string;
  rows: BenchRow[];
}

const START = '<!-- bench table: generated from bench/results/latest.json by `npm run bench -- --readme` -->';
const END = '<!-- end of bench table -->';

/**
 * README with its Performance table replaced by the latest full run's: the table between the two
 * markers, under a line saying when and on which Node it was measured. Throws when the markers are
 * missing, so a README edit cannot silently stop the table from being regenerated.
 */
export function withBenchTable(readme: string, results: BenchResults): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no bench table markers');
  const when = `Measured ${results.measuredAt.slice(0, 10)}, Node ${results.node.replace(/^v/, '')}:`;
  return `${readme.slice(0, start + START.length)}\n${when}\n\n${formatTable(results.rows)}\n${readme.slice(end)}`;
}

/** Rewrites README.md's table from bench/results/latest.json (a full `npm run bench` must have run). */
export function updateReadmeTable(root: string): void {
  const results = JSON.parse(readFileSync(join(root, 'bench', 'results', 'latest.json'), 'utf8')) as BenchResults;
  const path = join(root, 'README.md');
  writeFileSync(path, withBenchTable(readFileSync(path, 'utf8'), results));
}
