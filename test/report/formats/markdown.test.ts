import { describe, expect, it } from 'vitest';
import { renderVendorMarkdown } from '../../../src/report/formats/markdown.ts';
import { expectGolden } from '../../support/golden.ts';
import { HOSTILE_OBSERVED, HOSTILE_POINTER, whopReport, xenditReport } from './sample-reports.ts';

/** Markdown with its code spans removed: what GitHub would read as markup. */
function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

describe('VENDOR.md', () => {
  it('renders the header, every case, findings by operation, spec defects, resolved findings and waivers to review', () => {
    expectGolden('report-whop.md', renderVendorMarkdown(whopReport()));
  });

  it('keeps hostile vendor text inside code spans, where GitHub renders it as text', () => {
    const markdown = renderVendorMarkdown(whopReport());
    expect(markdown).toContain(`\`${HOSTILE_OBSERVED}\``);
    expect(markdown).toContain(`\`${HOSTILE_POINTER}\``);
    expect(outsideCodeSpans(markdown)).not.toMatch(/(?<!\\)[<>]/);
  });

  it('keeps every table row as wide as its header, even when a value holds "|"', () => {
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    for (const table of renderVendorMarkdown(whopReport()).split('\n\n').filter((block) => block.startsWith('|'))) {
      const [header, ...rows] = table.split('\n');
      for (const row of rows) expect(cells(row)).toBe(cells(header!));
    }
  });

  it('renders a report written before verdicts and baselines without inventing them', () => {
    const markdown = renderVendorMarkdown(xenditReport());
    expect(markdown).toContain('No verdict recorded');
    expect(markdown).toContain('| breaking | — | `response-media-type-undocumented` | invalid credentials | — | `application/json` | `text/html` |');
    expect(markdown).not.toMatch(/Resolved|Waivers to review|Defects of the vendor/);
  });
});
