import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBenchTable, type BenchResults } from '../../bench/readme-table.ts';
import { REPO_ROOT } from '../support/paths.ts';

const START = '<!-- bench table: generated from bench/results/latest.json by `npm run bench -- --readme` -->';
const END = '<!-- end of bench table -->';
const results: BenchResults = {
  measuredAt: '2026-12-01T05:00:00.000Z',
  node: 'v20.20.2',
  rows: [
    { group: 'cold start', name: 'conformance / one-line vitest', value: 1.5, unit: 'x', target: '<= 2x', met: true },
    { group: 'peer: Prism', name: 'end to end, c=1', value: null, unit: '', target: '>= 5x', met: null, note: 'offline' },
  ],
};

describe("README's bench table", () => {
  it('is replaced between its markers from the latest results, and nothing else is', () => {
    const readme = `before\n${START}\nold table\n${END}\nafter\n`;
    expect(withBenchTable(readme, results)).toBe(
      [
        'before',
        START,
        'Measured 2026-12-01, Node 20.20.2:',
        '',
        '| figure | measure | value | target | met |',
        '|---|---|---|---|---|',
        '| cold start | conformance / one-line vitest | 1.50x | <= 2x | met |',
        '| peer: Prism | end to end, c=1 | not measured: offline | >= 5x | not measured |',
        END,
        'after',
        '',
      ].join('\n'),
    );
  });

  it('refuses a README without its markers, so the table cannot silently stop being regenerated', () => {
    expect(() => withBenchTable('no markers here\n', results)).toThrow(/markers/);
    expect(() => withBenchTable(`${END}\n${START}\n`, results)).toThrow(/markers/);
  });

  it("is where README.md's Performance section keeps it", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme.indexOf(START)).toBeGreaterThan(readme.indexOf('## Performance'));
    expect(readme.indexOf(END)).toBeGreaterThan(readme.indexOf(START));
  });
});
