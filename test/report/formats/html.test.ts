import { describe, expect, it } from 'vitest';
import { renderReportFiles } from '../../../src/report/formats/index.ts';
import { HOSTILE_OBSERVED, HOSTILE_POINTER, sampleSummary, WHOP_HISTORY, whopReport, xenditReport } from './sample-reports.ts';

const reports = [whopReport(), xenditReport()];
const page = (history = WHOP_HISTORY) => renderReportFiles(reports, sampleSummary(reports), history, ['html'])['whop.html']!;
const entityEncoded = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('VENDOR.html', () => {
  it('renders one page per vendor', () => {
    expect(Object.keys(renderReportFiles(reports, sampleSummary(reports), [], ['html']))).toEqual(['whop.html', 'xendit.html']);
  });

  it('carries hostile vendor text only as escaped text: no tag, attribute or entity of it survives', () => {
    const html = page();
    expect(html).toContain(entityEncoded(HOSTILE_OBSERVED));
    expect(html).toContain(entityEncoded(HOSTILE_POINTER));
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
  });

  it('is self-contained: inline style, no script, nothing fetched, and a policy that forbids both', () => {
    const html = page();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<[^>]*\ssrc=|url\(|@import/i);
    // The only absolute URL is the SVG namespace, which is an identifier, not a fetch.
    expect(html.match(/https?:\/\/[^\s"'<]+/g)?.filter((url) => url !== 'http://www.w3.org/2000/svg' && !url.startsWith('http://127.0.0.1:4010'))).toEqual([]);
  });

  it('has a grid cell per case with its outcome in words and its status', () => {
    const cells = [...page().matchAll(/<li class="case ([\w-]+)"><span class="name">([^<]*)<\/span><span class="outcome">([^<]*)<\/span> · ([^<·]*)/g)];
    expect(cells.map((c) => c.slice(1).map((s) => s.trim()))).toEqual([
      ['failed', 'by ledger account id', '✗ failed', 'HTTP 200'],
      ['failed', 'by company id', '✗ failed', 'HTTP 200'],
      ['passed', 'unknown id', '✓ passed', 'HTTP 404'],
      ['skipped', 'by user id', '– skipped', 'no response'],
      ['transport-error', 'limited key', '⚠ transport error', 'no response'],
    ]);
  });

  it('marks findings new, known or waived, and shows the waiver reason and expiry', () => {
    const html = page();
    expect([...html.matchAll(/<span class="state state-(\w+)">/g)].map((m) => m[1])).toEqual(['new', 'known', 'known', 'waived']);
    expect(html).toContain('<span class="waiver">until 2027-01-31: Whop confirmed transfer_fee is being removed (ticket 4711)</span>');
  });

  it('charts the earlier runs of this vendor in this mode (not its live runs), oldest first, labelled with date and time (UTC), and then this run once', () => {
    const html = page();
    const bars = [...html.matchAll(/<g><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(bars).toEqual([
      '11-19 02:00 (2026-11-19T02:00:00.000Z): 0 breaking, 0 warning, 0 info',
      '11-20 14:32 (2026-11-20T14:32:00.000Z): 0 breaking, 1 warning, 1 info',
      '11-21 02:00 (2026-11-21T02:00:00.000Z): 1 breaking, 0 warning, 1 info',
      'this run (2026-11-22T02:00:01.000Z): 3 breaking, 0 warning, 1 info',
    ]);
    // Date over time under each bar.
    expect(html).toMatch(/<tspan x="[\d.]+" dy="0">11-20<\/tspan><tspan x="[\d.]+" dy="12">14:32<\/tspan>/);
  });

  it('charts this run alone when no history is given', () => {
    expect([...page([]).matchAll(/<g><title>([^<]*)<\/title>/g)].map((m) => m[1])).toEqual(['this run (2026-11-22T02:00:01.000Z): 3 breaking, 0 warning, 1 info']);
  });

  it('lists spec defects, resolved findings and waivers to review when the report has them, and not otherwise', () => {
    const whop = page();
    for (const heading of ["Defects of the vendor's document", 'Resolved since the baseline', 'Waivers to review']) expect(whop).toContain(heading);
    const xendit = renderReportFiles(reports, sampleSummary(reports), [], ['html'])['xendit.html']!;
    for (const heading of ["Defects of the vendor's document", 'Resolved since the baseline', 'Waivers to review']) expect(xendit).not.toContain(heading);
    expect(xendit).toContain('no verdict recorded');
  });
});
