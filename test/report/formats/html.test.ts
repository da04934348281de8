import { describe, expect, it } from 'vitest';
import { renderReportFiles } from '../../../src/report/formats/index.ts';
import { groupedReport, HOSTILE_OBSERVED, HOSTILE_POINTER, sampleSummary, WHOP_HISTORY, whopReport, xenditReport } from './sample-reports.ts';

const reports = [whopReport(), xenditReport()];
const page = (history = WHOP_HISTORY) => renderReportFiles(reports, sampleSummary(reports), history, ['html'])['whop.html']!;
const entityEncoded = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('VENDOR.html', () => {
  it('renders one page per vendor and the summary page that joins them', () => {
    expect(Object.keys(renderReportFiles(reports, sampleSummary(reports), [], ['html']))).toEqual(['whop.html', 'xendit.html', 'summary.html']);
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

const grouped = (report = groupedReport()) => renderReportFiles([report], sampleSummary([report]), [], ['html'])['whop.html']!;
const groupRows = (page: string) => [...page.matchAll(/<tr class="group [^"]*" id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: m[1]!, row: m[2]! }));
const occurrenceTables = (page: string) => [...page.matchAll(/<tr class="occurrences">[\s\S]*?<summary>([^<]*)<\/summary>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/g)].map((m) => ({ summary: m[1], rows: m[2]!.match(/<tr>/g)?.length }));
const tiles = (page: string) => [...page.matchAll(/<li class="case [\w-]+"><span class="name">([^<]*)<\/span>([\s\S]*?)<\/li>/g)].map((m) => ({ name: m[1], body: m[2]! }));

describe('VENDOR.html findings, one row per root cause', () => {
  it('shows one row per group with its occurrence count, the pointer pattern when it stands for several pointers', () => {
    const rows = groupRows(grouped());
    expect(rows.map((r) => /<span class="count">([^<]*)<\/span>/.exec(r.row)?.[1])).toEqual(['2 occurrences', '4 occurrences', '1 occurrence']);
    expect(rows[1]!.row).toContain('<code class="pointer">/<wbr>data/<wbr>*/<wbr>amount</code>');
    expect(rows[2]!.row).toContain('<code class="pointer">/<wbr>data/<wbr>2/<wbr>amount</code>');
    expect(rows[1]!.row).toContain('<ul class="group-cases"><li>recent transactions</li><li>oldest transactions</li></ul>');
    expect(rows[1]!.row).toContain('and 3 other values');
  });

  it('puts every occurrence (case, pointer, observed) one click away, for groups of more than one', () => {
    const page = grouped();
    expect(occurrenceTables(page)).toEqual([
      { summary: '2 occurrences in 2 cases', rows: 2 },
      { summary: '4 occurrences in 2 cases', rows: 4 },
    ]);
    expect(page).toContain('<tr><td>oldest transactions</td><td><code class="pointer">/<wbr>data/<wbr>1/<wbr>amount</code></td><td class="observed"><code>string &quot;12.00&quot;</code></td></tr>');
  });

  it("carries each group's fingerprint and since when the vendor shows it", () => {
    const rows = groupRows(grouped());
    expect(rows[1]!.row).toContain('<span class="fingerprint">fingerprint <code>a81e06738ed4</code></span>');
    expect(rows[1]!.row).toContain('<span class="since">since <time datetime="2026-11-20T02:00:04.000Z">2026-11-20 02:00 UTC</time> · 3 runs</span>');
    // The hostile group has no firstSeen: it says nothing rather than a made-up date.
    expect(rows[0]!.row).not.toContain('class="since"');
  });

  it('gives every group a unique anchor, with a suffix when two groups share a fingerprint', () => {
    expect(groupRows(grouped()).map((r) => r.id)).toEqual(['finding-454dad6bd935', 'finding-a81e06738ed4', 'finding-a81e06738ed4-2']);
  });

  it("links each case tile to the groups of its findings, and every link's target exists", () => {
    const ledger = grouped();
    const ids = new Set(groupRows(ledger).map((r) => r.id));
    const links = tiles(ledger).map((t) => ({ name: t.name, targets: [...t.body.matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]!) }));
    expect(links).toEqual([
      { name: 'recent transactions', targets: ['finding-454dad6bd935', 'finding-a81e06738ed4'] },
      { name: 'oldest transactions', targets: ['finding-454dad6bd935', 'finding-a81e06738ed4', 'finding-a81e06738ed4-2'] },
    ]);
    for (const { targets } of links) for (const target of targets) expect(ids).toContain(target);
    // Named by pointer pattern: the two type-mismatch groups read apart.
    expect(tiles(ledger)[1]!.body).toContain(
      '<a href="#finding-a81e06738ed4" title="response-property-type-mismatch"><code class="pointer">/<wbr>data/<wbr>*/<wbr>amount</code> (string)</a>, <a href="#finding-a81e06738ed4-2" title="response-property-type-mismatch"><code class="pointer">/<wbr>data/<wbr>*/<wbr>amount</code> (null)</a>',
    );
    // A finding about no pointer is named by its ID.
    const xendit = renderReportFiles(reports, sampleSummary(reports), [], ['html'])['xendit.html']!;
    expect(tiles(xendit).find((t) => t.name === 'invalid credentials')!.body).toMatch(
      /<a href="#finding-[0-9a-f]{12}" title="response-media-type-undocumented"><code>response-media-type-undocumented<\/code><\/a>/,
    );
    // A tile without findings links nowhere.
    expect(tiles(page([])).find((t) => t.name === 'unknown id')!.body).not.toContain('<a ');
  });

  it('never makes an anchor of a fingerprint that is not hex: the group is numbered instead', () => {
    const report = groupedReport();
    report.findings = report.findings.map((f) => (f.id === 'response-property-undocumented' ? { ...f, fingerprint: HOSTILE_POINTER } : f));
    const page = grouped(report);
    expect(groupRows(page)[0]!.id).toBe('finding-1');
    expect(page).toContain(`<a href="#finding-1" title="response-property-undocumented"><code class="pointer">/<wbr>meta/<wbr>${entityEncoded(HOSTILE_POINTER.slice('/meta/'.length))}</code> (string)</a>`);
    expect(page).not.toMatch(/<img|<script/i);
  });

  it('keeps hostile values escaped inside the collapsed values and the occurrences', () => {
    const page = grouped();
    expect(page).toContain(`<details class="long"><summary><code>${entityEncoded(HOSTILE_OBSERVED.slice(0, 48))}…</code></summary><code>${entityEncoded(HOSTILE_OBSERVED)}</code></details>`);
    expect(page).toContain(`<td>oldest transactions</td><td><code class="pointer">/<wbr>meta/<wbr>${entityEncoded(HOSTILE_POINTER.slice('/meta/'.length))}</code></td>`);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).not.toMatch(/<[^>]*\son\w+=/i);
  });

  it('shows a value of 48 characters as it is, and collapses a longer one to its start', () => {
    const report = groupedReport();
    const at = (observed: string) => ({ ...report, findings: [{ ...report.findings[0]!, observed }] });
    expect(grouped(at('x'.repeat(48)))).toContain(`<td class="observed"><code>${'x'.repeat(48)}</code>`);
    expect(grouped(at('x'.repeat(49)))).toContain(`<td class="observed"><details class="long"><summary><code>${'x'.repeat(48)}…</code></summary><code>${'x'.repeat(49)}</code></details>`);
  });

  it('breaks pointers and operations only at "/": a <wbr> after each, and no break inside a name', () => {
    const page = grouped();
    expect(page).toMatch(/code\.operation, code\.pointer \{ overflow-wrap: normal; word-break: normal; \}/);
    expect(page).toContain(`<code class="pointer">/<wbr>meta/<wbr>${entityEncoded(HOSTILE_POINTER.slice('/meta/'.length))}</code>`);
  });

  it('shows the operation in each case tile, and the concrete request only in its title', () => {
    const [recent] = tiles(grouped());
    expect(recent!.body).toContain(
      '<span class="detail request" title="GET /ledger_accounts/ldgr_9f8e7d6c5b4a39281706f5e4d3c2b1a0/transactions?order=desc&amp;limit=50"><code class="operation">GET /<wbr>ledger_accounts/<wbr>{ledger_account_id}/<wbr>transactions</code></span>',
    );
    expect(recent!.body.replace(/title="[^"]*"/g, '')).not.toContain('ldgr_9f8e');
  });
});

describe('summary.html', () => {
  const all = [whopReport(), xenditReport(), { ...groupedReport(), vendor: 'grouped' }];
  const summaryPage = (summary = sampleSummary(all)) => renderReportFiles(all, summary, [], ['html'])['summary.html']!;

  it('shows the run: its times, exit code and problems, escaped', () => {
    const page = summaryPage({ ...sampleSummary(all), problems: [`xendit: ${HOSTILE_OBSERVED}`] });
    expect(page).toContain('<span class="badge exit-fail">exit code 1</span>');
    expect(page).toContain('2026-11-22T02:00:00.000Z to 2026-11-22T02:00:04.000Z');
    expect(page).toContain(`<ul class="problems"><li>xendit: ${entityEncoded(HOSTILE_OBSERVED)}</li></ul>`);
    expect(page).not.toMatch(/<script/i);
    expect(summaryPage()).not.toContain('Problems');
  });

  it('has a row per vendor: its page, target, verdict, outcomes and breaking root causes (waived ones not counted)', () => {
    const rows = [...summaryPage().matchAll(/<tr class="vendor">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/<(?!a )[^>]*>/g, ' ').replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      '<a href="whop.html">whop sandbox amounts-as-strings ✗ fail 1 2 0 1 1 2',
      '<a href="xendit.html">xendit live no verdict 1 1 0 0 0 1',
      '<a href="grouped.html">grouped sandbox amounts-as-strings ✗ fail 0 2 0 0 0 2',
    ]);
  });

  it('links a vendor it has no report for nowhere, and encodes a vendor name in a link', () => {
    const summary = sampleSummary(all);
    summary.vendors.push({ ...summary.vendors[0]!, vendor: 'gone' });
    expect(summaryPage(summary)).toContain('<th scope="row">gone</th>');
    const odd = { ...xenditReport(), vendor: 'javascript:alert(1)' };
    expect(renderReportFiles([odd], sampleSummary([odd]), [], ['html'])['summary.html']).toContain('<a href="javascript%3Aalert(1).html">');
  });

  it('is linked from every vendor page, which it links to in turn', () => {
    for (const vendor of ['whop', 'xendit', 'grouped']) expect(renderReportFiles(all, sampleSummary(all), [], ['html'])[`${vendor}.html`]).toContain('<a href="summary.html">Run summary</a>');
  });
});
