import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportFiles } from '../../../src/report/formats/index.ts';
import { HAS_CHROMIUM, headlessChromium } from './chromium.ts';
import { groupedReport, HOSTILE_OBSERVED, HOSTILE_POINTER, sampleSummary, WHOP_HISTORY, whopReport, xenditReport } from './sample-reports.ts';

const SKIPPED = HAS_CHROMIUM ? '' : ' [skipped: /usr/bin/chromium is not installed; apt-get install chromium]';
/** How chromium serialises a text node: only &, < and > are written as entities. */
const asText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe(`the HTML report in headless chromium${SKIPPED}`, () => {
  let dom = '';
  let groupedDom = '';
  let summaryDom = '';
  let control = '';
  let junitView = '';
  let screenshot: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    if (!HAS_CHROMIUM) return;
    const dir = await mkdtemp(join(tmpdir(), 'conform-html-'));
    const reports = [whopReport(), xenditReport(), { ...groupedReport(), vendor: 'ledger' }];
    for (const [name, text] of Object.entries(renderReportFiles(reports, sampleSummary(reports), WHOP_HISTORY))) await writeFile(join(dir, name), text);
    // A page whose script must run, so "the hostile script did not run" is not true merely because nothing runs.
    await writeFile(join(dir, 'control.html'), '<!doctype html><title>before</title><script>document.title = "script ran"</script>');
    const png = join(dir, 'ledger.png');
    [dom, groupedDom, summaryDom, control, junitView] = await Promise.all([
      headlessChromium(join(dir, 'whop.html'), ['--dump-dom']),
      headlessChromium(join(dir, 'ledger.html'), ['--dump-dom']),
      headlessChromium(join(dir, 'summary.html'), ['--dump-dom']),
      headlessChromium(join(dir, 'control.html'), ['--dump-dom']),
      headlessChromium(join(dir, 'junit.xml'), ['--dump-dom']),
      headlessChromium(join(dir, 'ledger.html'), [`--screenshot=${png}`, '--window-size=1200,2000', '--hide-scrollbars']),
    ]);
    screenshot = await readFile(png);
  }, 120_000);

  it.skipIf(!HAS_CHROMIUM)('renders the vendor, its verdict, the links between vendor pages and the run facts', () => {
    expect(dom).toContain('<title>whop: conformance report</title>');
    expect(dom).toMatch(/<h1>whop <span class="badge verdict-fail">verdict: ✗ fail<\/span><\/h1>/);
    expect(dom).toContain('<a href="xendit.html">xendit</a>');
    expect(dom).toContain('<code>specs/whop/1.0.0.yaml</code>');
  });

  it.skipIf(!HAS_CHROMIUM)('has a grid cell per case, and every finding pointer', () => {
    expect(dom.match(/<li class="case [\w-]+">/g)).toHaveLength(5);
    // Pointers carry a <wbr> after each "/", where they may wrap.
    const text = dom.replaceAll('<wbr>', '');
    for (const pointer of ['/balances/0/balance', '/owner/typename', '/transfer_fee', HOSTILE_POINTER]) expect(text).toContain(`<code class="pointer">${asText(pointer)}</code>`);
  });

  it.skipIf(!HAS_CHROMIUM)('renders one row per root cause with its occurrence count, and the occurrences in a closed <details>', () => {
    const rows = [...groupedDom.matchAll(/<tr class="group [^"]*" id="([^"]+)">[\s\S]*?<span class="count">([^<]*)<\/span>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['finding-454dad6bd935', '2 occurrences'],
      ['finding-a81e06738ed4', '4 occurrences'],
      ['finding-a81e06738ed4-2', '1 occurrence'],
    ]);
    const details = [...groupedDom.matchAll(/<tr class="occurrences"><td colspan="7"><details><summary>([^<]*)<\/summary>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/g)];
    expect(details.map((d) => [d[1], d[2]!.match(/<tr>/g)?.length])).toEqual([
      ['2 occurrences in 2 cases', 2],
      ['4 occurrences in 2 cases', 4],
    ]);
  });

  it.skipIf(!HAS_CHROMIUM)("links each failed tile to its groups' anchors, which exist in the page", () => {
    const ids = new Set([...groupedDom.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const failedTiles = [...groupedDom.matchAll(/<li class="case failed">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    expect(failedTiles).toHaveLength(2);
    const targets = failedTiles.map((tile) => [...tile.matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]));
    expect(targets).toEqual([
      ['finding-454dad6bd935', 'finding-a81e06738ed4'],
      ['finding-454dad6bd935', 'finding-a81e06738ed4', 'finding-a81e06738ed4-2'],
    ]);
    for (const target of targets.flat()) expect(ids).toContain(target);
  });

  it.skipIf(!HAS_CHROMIUM)('renders summary.html: a row per vendor linked to its page, and every vendor page links back', () => {
    expect(summaryDom).toContain('<title>conform run summary</title>');
    expect([...summaryDom.matchAll(/<tr class="vendor"><th scope="row"><a href="([^"]+)">/g)].map((m) => m[1])).toEqual(['whop.html', 'xendit.html', 'ledger.html']);
    expect(summaryDom).toContain('<td class="breaking-groups">2</td>');
    for (const page of [dom, groupedDom]) expect(page).toContain('<a href="summary.html">Run summary</a>');
  });

  it.skipIf(!HAS_CHROMIUM)('draws the findings chart as inline SVG, one bar segment per non-zero severity of each run', () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(dom)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg.match(/<rect /g)).toHaveLength(6);
  });

  it.skipIf(!HAS_CHROMIUM)('shows the hostile observed value as text, and its script never runs', () => {
    expect(control).toContain('<title>script ran</title>');
    for (const page of [dom, groupedDom]) {
      expect(page).toContain(asText(HOSTILE_OBSERVED));
      expect(page).not.toMatch(/<script|<img/i);
      expect(page).not.toContain('pwned</title>');
    }
  });

  it.skipIf(!HAS_CHROMIUM)('produces a full-size screenshot', () => {
    expect(screenshot.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([screenshot.readUInt32BE(16), screenshot.readUInt32BE(20)]).toEqual([1200, 2000]);
  });

  it.skipIf(!HAS_CHROMIUM)("parses junit.xml with chromium's XML parser without an error", () => {
    expect(junitView).not.toContain('parsererror');
    expect(junitView).toContain('testsuites');
  });
});
