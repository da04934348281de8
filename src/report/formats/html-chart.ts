import type { SeverityCounts } from '../types.ts';
import { html, type Html } from './html-template.ts';

export interface ChartRun {
  /** Drawn under the bar; a space breaks it into two lines ("11-30 14:02"). */
  label: string;
  startedAt: string;
  counts: SeverityCounts;
}

const SEVERITIES = ['breaking', 'warning', 'info'] as const;
const WIDTH = 640;
const HEIGHT = 180;
const PLOT = { left: 36, right: 8, top: 18, bottom: 34 };

/** "11-30 14:02", in UTC as the run ids are: the date alone does not tell apart two runs of one day. */
export function chartLabel(startedAt: string): string {
  return `${startedAt.slice(5, 10)} ${startedAt.slice(11, 16)}`;
}

/**
 * Findings per run as stacked bars (breaking, warning, info), oldest to newest, in inline SVG. Each bar
 * carries its total as text and a <title> with the numbers, and the same numbers follow as a table, so
 * the colours are never the only way to read it.
 */
export function findingsChart(runs: readonly ChartRun[]): Html {
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const max = Math.max(1, ...runs.map(total));
  const slot = plotWidth / Math.max(runs.length, 1);
  const barWidth = Math.min(40, slot * 0.7);
  const y = (value: number) => (value / max) * plotHeight;
  const bars = runs.map((run, i) => {
    const x = PLOT.left + slot * i + (slot - barWidth) / 2;
    let top = PLOT.top + plotHeight;
    const segments = SEVERITIES.filter((s) => run.counts[s] > 0).map((s) => {
      top -= y(run.counts[s]);
      return html`<rect class="bar-${s}" x="${fixed(x)}" y="${fixed(top)}" width="${fixed(barWidth)}" height="${fixed(y(run.counts[s]))}"/>`;
    });
    // Labels for every bar when they fit; otherwise the first, the last, and every fifth.
    const labelled = runs.length <= 12 || i === 0 || i === runs.length - 1 || i % 5 === 0;
    return html`<g><title>${run.label} (${run.startedAt}): ${describe(run.counts)}</title>${segments}<text class="total" x="${fixed(x + barWidth / 2)}" y="${fixed(top - 4)}" text-anchor="middle">${total(run)}</text>${
      labelled ? axisLabel(run.label, x + barWidth / 2) : null
    }</g>`;
  });
  const baseline = PLOT.top + plotHeight;
  return html`<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="chart-title">
<title id="chart-title">Findings per run, oldest to newest: ${runs.map((r) => `${r.label}: ${total(r)}`).join('; ')}</title>
<line class="axis" x1="${PLOT.left}" y1="${baseline}" x2="${WIDTH - PLOT.right}" y2="${baseline}"/>
<line class="axis" x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${baseline}"/>
<text class="axis-label" x="${PLOT.left - 6}" y="${PLOT.top + 4}" text-anchor="end">${max}</text>
<text class="axis-label" x="${PLOT.left - 6}" y="${baseline}" text-anchor="end">0</text>
${bars}
</svg>
<figcaption><span class="key key-breaking"></span>breaking <span class="key key-warning"></span>warning <span class="key key-info"></span>info; the number over a bar is the run's total.</figcaption>
</figure>
<details><summary>The chart's numbers</summary>
<table class="compact"><thead><tr><th scope="col">Run</th><th scope="col">Started</th><th scope="col">Breaking</th><th scope="col">Warning</th><th scope="col">Info</th></tr></thead>
<tbody>${runs.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.startedAt}</td><td>${r.counts.breaking}</td><td>${r.counts.warning}</td><td>${r.counts.info}</td></tr>`)}</tbody></table>
</details>`;
}

// One line per word, so a date and a time fit under a narrow bar.
function axisLabel(label: string, x: number): Html {
  const lines = label.split(' ');
  const top = HEIGHT - 6 - (lines.length - 1) * 12;
  return html`<text class="axis-label" x="${fixed(x)}" y="${top}" text-anchor="middle">${lines.map((line, i) => html`<tspan x="${fixed(x)}" dy="${i === 0 ? 0 : 12}">${line}</tspan>`)}</text>`;
}

function total(run: ChartRun): number {
  return run.counts.breaking + run.counts.warning + run.counts.info;
}

function describe(counts: SeverityCounts): string {
  return SEVERITIES.map((s) => `${counts[s]} ${s}`).join(', ');
}

function fixed(value: number): string {
  return value.toFixed(1);
}
