import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../../src/findings/finding.ts';
import { renderAnnotations } from '../../../src/report/formats/index.ts';
import { shown, whopReport, xenditReport } from './sample-reports.ts';

describe('GitHub Actions annotations', () => {
  it('emits one command per finding and spec defect: breaking as error, warning as warning, info and waived as notice', () => {
    const lines = renderAnnotations([whopReport(), xenditReport()]).trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, line.indexOf('::', 2)))).toEqual([
      '::error title=whop breaking [new]%3A response-property-type-mismatch',
      '::error title=whop breaking [known]%3A response-property-enum-mismatch',
      '::notice title=whop info [known]%3A response-property-undocumented',
      '::notice title=whop breaking [waived]%3A response-property-missing',
      '::warning title=whop document warning%3A spec-example-mismatch,file=specs/whop/1.0.0.yaml',
      '::error title=xendit breaking%3A response-media-type-undocumented',
    ]);
    expect(lines[0]).toBe(
      '::error title=whop breaking [new]%3A response-property-type-mismatch::GET /ledger_accounts/{id} (by ledger account id): wrong type at /balances/0/balance: expected number, got string "1520.75"',
    );
    expect(lines[3]).toContain('(waived until 2027-01-31: Whop confirmed transfer_fee is being removed (ticket 4711))');
  });

  it("escapes '%', CR and LF in messages, and also ':' and ',' in properties, as GitHub requires", () => {
    const report = xenditReport();
    const observed = '100% <b>\r\nline two';
    report.findings = [{ ...shown(makeFinding({ id: 'response-body-not-json', vendor: 'xendit', operation: 'GET /v2/accounts/{id}', status: 401, observed })), case: 'invalid credentials' }];
    report.specDefects = [shown(makeFinding({ id: 'spec-ref-unresolved', vendor: 'xendit', observed: '#/x', location: { file: 'specs/odd:name,v1.yaml', pointer: '/paths' } }))];
    const [finding, defect] = renderAnnotations([report]).trimEnd().split('\n');
    expect(finding).toMatch(/::GET \/v2\/accounts\/\{id\} \(invalid credentials\): .*100%25 <b>%0D%0Aline two$/);
    expect(defect).toMatch(/^::warning title=xendit document warning%3A spec-ref-unresolved,file=specs\/odd%3Aname%2Cv1\.yaml::/);
  });

  it('emits nothing for a run without findings', () => {
    const report = xenditReport();
    report.findings = [];
    expect(renderAnnotations([report])).toBe('');
  });
});
