import { describe, expect, it } from 'vitest';
import { renderVendorLines } from '../../../src/report/formats/terminal.ts';
import type { ReportedFinding } from '../../../src/report/types.ts';
import { whopAmountsReport, whopReport, xenditReport } from './sample-reports.ts';

describe('the vendor lines after a run', () => {
  it('counts waived findings apart from breaking, lists each unwaived breaking root cause, and warns of waivers to review', () => {
    expect(renderVendorLines([whopAmountsReport(), xenditReport()]).split('\n')).toEqual([
      'whop    fail         1 passed, 2 failed, 0 unverified, 1 skipped, 1 transport error; findings: 6 breaking (1 more waived), 0 warning, 0 info (0 new)',
      '  [known] response-property-type-mismatch at /balances/*/balance: number → string; 3 in 2 cases (by ledger account id, by company id)',
      '  [known] response-property-type-mismatch at /balances/*/pending_balance: number → string; 3 in 2 cases (by ledger account id, by company id)',
      '  warning: expired waiver, no longer waives: whop response-property-format-mismatch /created_at (expired 2026-10-01)',
      '  warning: stale waiver, matched nothing: xendit response-property-undocumented /legacy_field: matched nothing',
      'xendit               1 passed, 1 failed, 0 unverified, 0 skipped, 0 transport errors; findings: 1 breaking, 0 warning, 0 info (0 new)',
      '  response-media-type-undocumented: application/json → text/html; 1 in 1 case (invalid credentials)',
      '',
    ]);
  });

  it('shows the one observed value of a root cause, and new root causes first', () => {
    const lines = renderVendorLines([whopReport()]).split('\n');
    expect(lines.slice(1, 3)).toEqual([
      '  [new] response-property-type-mismatch at /balances/*/balance: number → string "1520.75"; 1 in 1 case (by ledger account id)',
      '  [known] response-property-enum-mismatch at /owner/typename: "Company" | "User" → "<script>alert(1)</script>" & "<script>document.title=\'pwne…; 1 in 1 case (by ledger account id)',
    ]);
  });

  it('shows at most 5 root causes per vendor and points to its report for the rest', () => {
    const whop = whopAmountsReport();
    const first = whop.findings[0]!;
    const cases = ['a', 'b', 'c', 'd', 'e'];
    whop.findings = Array.from({ length: 40 }, (_, i): ReportedFinding => ({ ...first, case: cases[i % 5]!, observed: `string "${i}"`, pointer: `/field_${i % 8}`, fingerprint: `f${i % 8}` }));
    whop.expiredWaivers = [];
    whop.staleWaivers = [];
    const lines = renderVendorLines([whop], 'out/latest').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines[1]).toBe('  [known] response-property-type-mismatch at /field_0: number → string; 5 in 5 cases (a, d, b and 2 more)');
    expect(lines[6]).toBe('  … 3 more root causes in out/latest/whop.md');
  });

  it('prints no control character or bidirectional override a vendor sent', () => {
    const whop = whopReport();
    whop.findings = [{ ...whop.findings[0]!, observed: 'string "\u001b]0;pwned\u0007\u001b[2J\u202Egnp.exe"' }];
    const lines = renderVendorLines([whop]);
    expect(lines).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(lines).toContain('→ string "\uFFFD]0;pwned\uFFFD\uFFFD[2J\uFFFDgnp.exe"');
  });
});
