import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../../src/findings/finding.ts';
import { renderJunit } from '../../../src/report/formats/junit.ts';
import type { VendorReport } from '../../../src/report/types.ts';
import { HOSTILE_OBSERVED, shown, whopReport, xenditReport } from './sample-reports.ts';
import { childrenNamed, parseXml, type XmlElement } from './xml.ts';

const suitesOf = (xml: string) => childrenNamed(parseXml(xml), 'testsuite');
const testCase = (suite: XmlElement, name: string) => childrenNamed(suite, 'testcase').find((c) => c.attributes.name === name)!;

describe('junit.xml', () => {
  const xml = renderJunit([whopReport(), xenditReport()]);
  const root = parseXml(xml);
  const [whop, xendit] = suitesOf(xml);

  it('is well-formed XML with one testsuite per vendor and one testcase per suite case', () => {
    expect(root.name).toBe('testsuites');
    expect(suitesOf(xml).map((s) => [s.attributes.name, childrenNamed(s, 'testcase').length])).toEqual([['whop', 5], ['xendit', 2]]);
  });

  it('counts tests, failures (unwaived breaking findings), skipped cases and transport errors per suite and in total', () => {
    const counts = (node: XmlElement) => ['tests', 'failures', 'errors', 'skipped'].map((name) => Number(node.attributes[name]));
    expect(counts(whop!)).toEqual([5, 1, 1, 1]);
    expect(counts(xendit!)).toEqual([2, 1, 0, 0]);
    expect(counts(root)).toEqual([7, 2, 1, 1]);
    // The counts agree with the elements they count.
    const all = suitesOf(xml).flatMap((s) => childrenNamed(s, 'testcase'));
    expect(['failure', 'error', 'skipped'].map((name) => all.filter((c) => childrenNamed(c, name).length > 0).length)).toEqual([2, 1, 1]);
  });

  it('names each case by vendor and operation (classname) and by its case name', () => {
    expect(childrenNamed(whop!, 'testcase').map((c) => `${c.attributes.classname} :: ${c.attributes.name}`)).toEqual([
      'whop.GET /ledger_accounts/{id} :: by ledger account id',
      'whop.GET /ledger_accounts/{id} :: by company id',
      'whop.GET /ledger_accounts/{id} :: unknown id',
      'whop.GET /ledger_accounts/{id} :: by user id',
      'whop.GET /ledger_accounts/{id} :: limited key',
    ]);
    expect(testCase(whop!, 'limited key').attributes.time).toBe('10.000');
  });

  it('carries every breaking finding of a failing case: id, pointer, expected, observed (verbatim, even hostile) and message', () => {
    const [failure] = childrenNamed(testCase(whop!, 'by ledger account id'), 'failure');
    expect(failure!.attributes.type).toBe('response-property-type-mismatch');
    expect(failure!.attributes.message).toMatch(/^2 breaking findings: wrong type at \/balances\/0\/balance/);
    for (const part of ['response-property-type-mismatch', 'pointer:  /balances/0/balance', 'expected: number', 'response-property-enum-mismatch', `observed: ${HOSTILE_OBSERVED}`]) {
      expect(failure!.text).toContain(part);
    }
    expect(failure!.text).toContain(whopReport().findings[1]!.message);
  });

  it('passes a case whose breaking finding is waived, and lists it and the non-breaking findings in system-out', () => {
    const waived = testCase(whop!, 'by company id');
    expect(childrenNamed(waived, 'failure')).toEqual([]);
    expect(childrenNamed(waived, 'system-out')[0]!.text).toContain('response-property-missing (waived until 2027-01-31: Whop confirmed transfer_fee is being removed (ticket 4711))');
    expect(childrenNamed(testCase(whop!, 'by ledger account id'), 'system-out')[0]!.text).toContain('info response-property-undocumented (known)');
  });

  it('marks a skipped case <skipped> and a transport error <error>, with their reasons', () => {
    expect(childrenNamed(testCase(whop!, 'by user id'), 'skipped')[0]!.attributes).toEqual({ message: 'WHOP_USER_ID is not set' });
    expect(childrenNamed(testCase(whop!, 'limited key'), 'error')[0]!.attributes).toEqual({
      type: 'transport-error',
      message: 'UND_ERR_HEADERS_TIMEOUT: no response headers within 10000 ms',
    });
    expect(testCase(whop!, 'unknown id').children).toEqual([]);
  });

  it('marks an unverified case <error type="unverified"> with its reason, never a pass or a skip, and counts it as an error', () => {
    const report = whopReport();
    report.interactions = report.interactions.map((i) => (i.case === 'unknown id' ? { ...i, outcome: 'unverified' as const, reason: 'body cut at the size cap (CONFORM_MAX_BODY_BYTES): not checked' } : i));
    const [suite] = suitesOf(renderJunit([report]));
    const unverified = testCase(suite!, 'unknown id');
    expect(childrenNamed(unverified, 'error')[0]!.attributes).toEqual({ type: 'unverified', message: 'body cut at the size cap (CONFORM_MAX_BODY_BYTES): not checked' });
    expect(childrenNamed(unverified, 'skipped')).toEqual([]);
    expect(['tests', 'failures', 'errors', 'skipped'].map((name) => Number(suite!.attributes[name]))).toEqual([5, 1, 2, 1]);
  });

  it('stays valid when a vendor sends characters XML cannot carry, and keeps line breaks in attributes', () => {
    const report: VendorReport = xenditReport();
    const finding = makeFinding({ id: 'response-body-not-json', vendor: 'xendit', operation: 'GET /v2/accounts/{id}', status: 401, observed: 'bad\u0000byte \uD83D then\r\nnext line' });
    report.findings = [{ ...shown(finding), case: 'invalid credentials' }];
    const [suite] = suitesOf(renderJunit([report]));
    const failure = childrenNamed(testCase(suite!, 'invalid credentials'), 'failure')[0]!;
    expect(failure.text).toContain('observed: bad\uFFFDbyte \uFFFD then');
    expect(failure.attributes.message).toContain('then\r\nnext line');
  });
});
