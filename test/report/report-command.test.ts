import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { callCli, runCli } from '../support/cli.ts';
import { childrenNamed, parseXml } from './formats/xml.ts';

const JSON_FILES = ['midaz.json', 'summary.json', 'whop.json', 'xendit.json'];
const RENDERED = ['junit.xml', 'midaz.html', 'midaz.md', 'summary.html', 'summary.md', 'whop.html', 'whop.md', 'xendit.html', 'xendit.md'];

describe('conform report', () => {
  let reportsDir: string;
  let latest: string;

  beforeAll(async () => {
    reportsDir = await mkdtemp(join(tmpdir(), 'conform-report-'));
    latest = join(reportsDir, 'latest');
    // A drifted run, so the rendered files have failures to carry.
    const run = await callCli(['run'], { CONFORM_REPORTS_DIR: reportsDir, WHOP_SANDBOX_SCENARIO: 'amounts-as-strings', XENDIT_SANDBOX_SCENARIO: 'error-body-html' });
    expect(run.code).toBe(1);
    for (const name of await readdir(latest)) if (!JSON_FILES.includes(name)) await rm(join(latest, name));
  });

  it('renders one format into latest/ beside the stored JSON (--format, --dir)', async () => {
    const run = await callCli(['report', '--format', 'junit', '--dir', reportsDir]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^rendered junit\.xml in \/tmp\/[\w.-]+\/latest\n$/);
    expect((await readdir(latest)).sort()).toEqual([...JSON_FILES, 'junit.xml'].sort());
  });

  it('renders --format html as the vendor pages and summary.html, which joins them', async () => {
    const run = await callCli(['report', '--format', 'html', '--dir', reportsDir]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^rendered whop\.html, midaz\.html, xendit\.html, summary\.html in \/tmp\/[\w.-]+\/latest\n$/);
    const summary = await readFile(join(latest, 'summary.html'), 'utf8');
    for (const vendor of ['whop', 'midaz', 'xendit']) expect(summary).toContain(`<a href="${vendor}.html">${vendor}</a>`);
    expect(await readFile(join(latest, 'whop.html'), 'utf8')).toContain('<a href="summary.html">Run summary</a>');
  });

  it('renders every format by default, in the folder CONFORM_REPORTS_DIR names', async () => {
    const run = await callCli(['report'], { CONFORM_REPORTS_DIR: reportsDir });
    expect(run.code).toBe(0);
    expect((await readdir(latest)).sort()).toEqual([...JSON_FILES, ...RENDERED].sort());
  });

  it('writes a JUnit file whose counts match the stored vendor reports', async () => {
    const suites = childrenNamed(parseXml(await readFile(join(latest, 'junit.xml'), 'utf8')), 'testsuite');
    for (const suite of suites) {
      const report = JSON.parse(await readFile(join(latest, `${suite.attributes.name}.json`), 'utf8')) as VendorReport;
      expect([suite.attributes.tests, suite.attributes.failures, suite.attributes.skipped, suite.attributes.errors].map(Number)).toEqual([
        report.interactions.length,
        report.outcomes.failed,
        report.outcomes.skipped,
        report.outcomes['transport-error'],
      ]);
    }
    expect(suites.map((s) => [s.attributes.name, s.attributes.failures])).toEqual([['whop', '3'], ['midaz', '0'], ['xendit', '3']]);
  });

  it('renders the drift into the vendor pages', async () => {
    const markdown = await readFile(join(latest, 'whop.md'), 'utf8');
    expect(markdown).toMatch(/\| breaking \| [^|]+ \| `response-property-type-mismatch` \| `\/balances\/\*\/balance` \| `number` \| `string` \| [^|]+ \| 6 \| `[0-9a-f]{12}` \|/);
    expect(markdown).toContain('| by ledger account id | `/balances/0/balance` | `string "1520.75"` |');
    expect(await readFile(join(latest, 'xendit.html'), 'utf8')).toContain('<code>response-media-type-undocumented</code>');
  });

  it('says in one line that there is nothing to render, and exits 2, when no run is stored', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'conform-report-empty-'));
    const run = await callCli(['report', '--dir', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^conform report: no stored run to render: \/tmp\/[\w.-]+\/latest\/summary\.json cannot be read \(run `conform run` first\)\n$/);
  });

  it('refuses an unknown format in one line with exit 2', async () => {
    const run = await runCli(['report', '--format', 'pdf', '--dir', reportsDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conform report: --format must be one of md, html, junit, summary, all, got "pdf"\n');
  });
});
