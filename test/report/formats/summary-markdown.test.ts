import { describe, expect, it } from 'vitest';
import { renderSummaryMarkdown } from '../../../src/report/formats/summary-markdown.ts';
import type { ReportedFinding } from '../../../src/report/types.ts';
import { expectGolden } from '../../support/golden.ts';
import { sampleSummary, whopAmountsReport, whopReport, xenditReport } from './sample-reports.ts';

describe('summary.md', () => {
  it('gives every vendor its verdict and counts, then its findings with new ones first', () => {
    const reports = [whopReport(), xenditReport()];
    expectGolden('report-summary.md', renderSummaryMarkdown(sampleSummary(reports), reports));
  });

  it('lists new findings before known and waived ones whatever the report order', () => {
    const whop = whopReport();
    whop.findings.reverse();
    const states = renderSummaryMarkdown(sampleSummary([whop]), [whop])
      .split('\n')
      .filter((line) => line.includes('`response-'))
      .map((line) => line.split(' | ')[0]!.replace(/^\| /, '').split(' ')[0]);
    expect(states).toEqual(['new', 'known', 'known', 'waived']);
  });

  it('shows one row per root cause with its count and fingerprint', () => {
    const whop = whopAmountsReport();
    const summary = renderSummaryMarkdown(sampleSummary([whop]), [whop]);
    const fingerprint = whop.findings[0]!.fingerprint;
    expect(summary).toContain('7 findings (0 new, 6 known, 1 waived) from 3 root causes');
    expect(summary).toContain(`| known | breaking | \`response-property-type-mismatch\` | \`GET /ledger_accounts/{id}\` | \`/balances/*/balance\` | 3 | \`${fingerprint}\` |`);
    expect(summary.split('\n').filter((line) => line.includes('`response-property-type-mismatch`'))).toHaveLength(2);
  });

  it('shows at most 10 root causes per vendor and points to the vendor report for the rest', () => {
    const whop = whopReport();
    const first = whop.findings[0]!;
    // 15 root causes (one pointer each), three findings each.
    whop.findings = Array.from({ length: 45 }, (_, i): ReportedFinding => ({ ...first, pointer: `/field_${i % 15}`, fingerprint: `f${i % 15}` }));
    const summary = renderSummaryMarkdown(sampleSummary([whop]), [whop]);
    expect(summary.split('\n').filter((line) => line.includes('`response-property-type-mismatch`'))).toHaveLength(10);
    expect(summary).toContain('| 3 | `f0` |');
    expect(summary).toContain('… and 5 more root causes in whop.md.');
  });

  it('lists the run problems and says when a vendor has no report', () => {
    const whop = whopReport();
    const summary = { ...sampleSummary([whop]), exitCode: 2, problems: ['suites/midaz/account.suite.ts failed to load'] };
    const text = renderSummaryMarkdown(summary, []);
    expect(text).toContain('## conform: exit code 2');
    expect(text).toContain('- suites/midaz/account.suite.ts failed to load');
    expect(text).toContain('### whop: ✗ fail\n\nNo report was found for this vendor.');
  });
});
