import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../../src/findings/finding.ts';
import { renderAnnotations } from '../../../src/report/formats/index.ts';
import { shown, whopAmountsReport, whopReport, xenditReport } from './sample-reports.ts';

describe('GitHub Actions annotations', () => {
  it('emits one command per root cause, errors of every vendor first, then warnings (waivers to review among them), then notices', () => {
    const lines = renderAnnotations([whopReport(), xenditReport()]).trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf('::', 2)))).toEqual([
      '::error title=whop breaking [new]%3A response-property-type-mismatch',
      '::error title=xendit breaking%3A response-media-type-undocumented',
      '::error title=whop breaking [known]%3A response-property-enum-mismatch',
      '::warning title=whop document warning%3A spec-example-mismatch,file=specs/whop/1.0.0.yaml',
      '::warning title=whop waiver expired (no longer waives)',
      '::warning title=whop waiver stale (matched nothing)',
      '::notice title=whop info [known]%3A response-property-undocumented',
      '::notice title=whop breaking [waived]%3A response-property-missing',
    ]);
    const fingerprint = whopReport().findings[0]!.fingerprint;
    expect(lines[0]).toBe(
      `::error title=whop breaking [new]%3A response-property-type-mismatch::GET /ledger_accounts/{id} (by ledger account id): wrong type at /balances/0/balance: expected number, got string "1520.75"; fingerprint ${fingerprint}`,
    );
    expect(lines[4]).toBe('::warning title=whop waiver expired (no longer waives)::whop response-property-format-mismatch /created_at (expired 2026-10-01)');
    expect(lines[7]).toContain('(waived until 2027-01-31: Whop confirmed transfer_fee is being removed (ticket 4711))');
  });

  it('emits one command for a root cause seen many times, with its count, pattern and cases', () => {
    const errors = renderAnnotations([whopAmountsReport()]).split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^::error title=whop breaking \[known\]%3A response-property-type-mismatch::GET \/ledger_accounts\/\{id\} \(by ledger account id, by company id\): wrong type at \/balances\/0\/balance: .*; 3 occurrences at \/balances\/\*\/balance in 2 cases; fingerprint [0-9a-f]{12}$/);
  });

  it('caps each vendor at 5 annotations per level, counts the rest in one notice, and takes vendors in turn so one vendor never hides another', () => {
    const whop = whopAmountsReport();
    const first = whop.findings[0]!;
    whop.findings = Array.from({ length: 24 }, (_, i) => ({ ...first, pointer: `/field_${i % 8}`, fingerprint: `w${i % 8}` }));
    whop.specDefects = [];
    const xendit = xenditReport();
    const midaz = { ...xendit, vendor: 'midaz', findings: xendit.findings.map((f) => ({ ...f, vendor: 'midaz' })) };
    const lines = renderAnnotations([whop, xendit, midaz], 'out/latest').trimEnd().split('\n');
    const errors = lines.filter((line) => line.startsWith('::error'));
    expect(errors.map((line) => /title=(\w+)/.exec(line)![1])).toEqual(['whop', 'xendit', 'midaz', 'whop', 'whop', 'whop', 'whop']);
    expect(lines).toContain('::notice title=whop%3A more findings::3 more root causes in out/latest/whop.md');
    expect(lines.filter((line) => line.includes('more findings'))).toHaveLength(1);
  });

  it("escapes '%', CR and LF in messages, and also ':' and ',' in properties, as GitHub requires", () => {
    const report = xenditReport();
    const observed = '100% <b>\r\nline two';
    report.findings = [{ ...shown(makeFinding({ id: 'response-body-not-json', vendor: 'xendit', operation: 'GET /v2/accounts/{id}', status: 401, observed })), case: 'invalid credentials' }];
    report.specDefects = [shown(makeFinding({ id: 'spec-ref-unresolved', vendor: 'xendit', observed: '#/x', location: { file: 'specs/odd:name,v1.yaml', pointer: '/paths' } }))];
    const [finding, defect] = renderAnnotations([report]).trimEnd().split('\n');
    expect(finding).toMatch(/::GET \/v2\/accounts\/\{id\} \(invalid credentials\): .*100%25 <b>%0D%0Aline two; fingerprint [0-9a-f]{12}$/);
    expect(defect).toMatch(/^::warning title=xendit document warning%3A spec-ref-unresolved,file=specs\/odd%3Aname%2Cv1\.yaml::/);
  });

  it('emits nothing for a run without findings', () => {
    const report = xenditReport();
    report.findings = [];
    expect(renderAnnotations([report])).toBe('');
  });
});
