import type { BenchRow } from './types.ts';

/** The Markdown table `npm run bench` prints (and README's "Performance" section shows). */
export function formatTable(rows: readonly BenchRow[]): string {
  return [
    '| figure | measure | value | target | met |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.group} | ${row.name} | ${value(row)} | ${row.target} | ${met(row)} |`),
  ].join('\n');
}

function value(row: BenchRow): string {
  if (row.value === null) return `not measured: ${row.note ?? 'unknown reason'}`;
  const shown = row.value < 10 ? row.value.toFixed(row.value < 1 ? 3 : 2) : Math.round(row.value).toLocaleString('en');
  return `${shown}${row.unit === 'x' || row.unit === '%' ? '' : ' '}${row.unit}`;
}

function met(row: BenchRow): string {
  if (row.value === null) return 'not measured';
  if (row.met === null) return '-';
  return row.met ? 'met' : 'NOT MET';
}
