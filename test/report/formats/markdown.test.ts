import { describe, expect, it } from 'vitest';
import { renderVendorMarkdown } from '../../../src/report/formats/markdown.ts';
import { expectGolden } from '../../support/golden.ts';
import { HOSTILE_OBSERVED, HOSTILE_POINTER, whopAmountsReport, whopReport, xenditReport } from './sample-reports.ts';

/** Markdown with its code spans and the report's own folding tags removed: what GitHub would read as markup from the vendor. */
function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '').replace(/<\/?(details|summary)>/g, '');
}

/** The rows of the markdown table that follows `heading`. */
function tableAfter(markdown: string, heading: string): string[] {
  const table = markdown.slice(markdown.indexOf(heading)).split('\n\n')[1]!;
  return table.split('\n').slice(2);
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

  it('escapes vendor text as HTML in the summary of an occurrences block, where markdown is not read', () => {
    const report = whopAmountsReport();
    report.findings = report.findings.map((f) => (f.pointer?.startsWith('/balances/') ? { ...f, pointer: f.pointer.replace('/balances/', '/<b>x</b>/') } : f));
    const markdown = renderVendorMarkdown(report);
    const summaries = markdown.match(/<summary>.*<\/summary>/g)!;
    expect(summaries).toHaveLength(2);
    for (const summary of summaries) expect(summary).toContain('/&lt;b&gt;x&lt;/b&gt;/*/');
    expect(outsideCodeSpans(markdown)).not.toMatch(/(?<!\\)[<>]/);
  });

  it('shows one row per root cause with its fingerprint and since when, and its occurrences in a folded block', () => {
    const markdown = renderVendorMarkdown(whopAmountsReport());
    const [fingerprint] = new Set(whopAmountsReport().findings.filter((f) => f.pointer === '/balances/0/balance').map((f) => f.fingerprint));
    expect(tableAfter(markdown, '### GET /ledger\\_accounts/{id}')).toEqual([
      `| breaking | known | \`response-property-type-mismatch\` | \`/balances/*/balance\` | \`number\` | \`string\` | by ledger account id, by company id | 3 | \`${fingerprint}\` | since 2026-11-20 02:00 UTC (3 runs) |`,
      expect.stringMatching(/^\| breaking \| known \| `response-property-type-mismatch` \| `\/balances\/\*\/pending_balance` \| `number` \| `string` \| by ledger account id, by company id \| 3 \| `[0-9a-f]{12}` \| since 2026-11-20 02:00 UTC \(3 runs\) \|$/),
      expect.stringMatching(/^\| breaking \| waived until 2027-01-31: .* \| `response-property-missing` \| `\/transfer_fee` \| `required` \| — \| by company id \| 1 \| `[0-9a-f]{12}` \| — \|$/),
    ]);
    expect(markdown).toContain(
      [
        '<details><summary>response-property-type-mismatch at /balances/*/balance: 3 occurrences</summary>',
        '',
        '| Case | Pointer | Observed |',
        '| --- | --- | --- |',
        '| by ledger account id | `/balances/0/balance` | `string "1520.75"` |',
        '| by ledger account id | `/balances/1/balance` | `string "820.40"` |',
        '| by company id | `/balances/0/balance` | `string "48250.00"` |',
        '',
        '</details>',
      ].join('\n'),
    );
    // The waived finding's row shows its one occurrence whole: no block for it.
    expect(markdown.match(/<details>/g)).toHaveLength(2);
    expect(markdown).toContain('| Findings | 6 breaking (1 more waived), 0 warning, 0 info; 3 root causes |');
  });

  it('counts findings per case so that the Cases table adds up to the vendor totals', () => {
    for (const report of [whopReport(), whopAmountsReport(), xenditReport()]) {
      const perCase = tableAfter(renderVendorMarkdown(report), '## Cases').map((row) => Number(/(\d+) findings? \|$/.exec(row)?.[1] ?? 0));
      const { breaking, warning, info } = report.counts;
      expect(perCase.reduce((a, b) => a + b, 0), report.vendor).toBe(breaking + warning + info);
    }
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
    expect(markdown).toContain('| breaking | — | `response-media-type-undocumented` | — | `application/json` | `text/html` | invalid credentials | 1 | `' + xenditReport().findings[0]!.fingerprint + '` | — |');
    expect(markdown).not.toMatch(/Resolved|Waivers to review|Defects of the vendor/);
  });
});
