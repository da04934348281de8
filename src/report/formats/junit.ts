import type { ReportedFinding, VendorReport } from '../types.ts';
import { casesByOperation, isBlocking, plural, shownPointer, type ReportedCase } from './cases.ts';
import { escapeMarkup } from './markup-escape.ts';
import { stateLabel } from './outcome-labels.ts';

/**
 * reports/latest/junit.xml: one <testsuite> per vendor, one <testcase> per suite case. A case fails
 * when it has a breaking finding no waiver accepts; skipped cases are <skipped>; transport errors and
 * unverified cases are <error> (the vendor could not be asked, or its answer could not be checked:
 * not drift, but not a pass either; CI viewers show <skipped> as harmless, which would be a silent
 * pass for a body nobody checked). Other findings go to <system-out>.
 */
export function renderJunit(reports: readonly VendorReport[]): string {
  const suites = reports.map(testSuite);
  const total = sum(suites.map((s) => s.counts));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="conform"${countAttributes(total)}>`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  seconds: number;
}

function testSuite(report: VendorReport): { xml: string; counts: SuiteCounts } {
  const cases = [...casesByOperation(report).flatMap((group) => group.cases), ...requestlessCases(report)];
  const counts: SuiteCounts = {
    tests: cases.length,
    failures: cases.filter((c) => c.interaction.outcome !== 'skipped' && !isError(c.interaction.outcome) && c.findings.some(isBlocking)).length,
    errors: cases.filter((c) => isError(c.interaction.outcome)).length,
    skipped: cases.filter((c) => c.interaction.outcome === 'skipped').length,
    seconds: cases.reduce((total, c) => total + c.interaction.durationMs / 1000, 0),
  };
  const properties = [
    ['mode', report.mode],
    ['scenario', report.scenario],
    ['baseUrl', report.baseUrl],
    ...report.spec.map((s) => ['spec', `${s.file} ${s.version}`]),
    ['verdict', report.verdict ?? null],
  ].filter((p): p is [string, string] => p[1] !== null);
  const xml = [
    `  <testsuite name="${attr(report.vendor)}" timestamp="${attr(report.startedAt)}"${countAttributes(counts)}>`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
    '    </properties>',
    ...cases.map((c) => testCase(report.vendor, c)),
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

function testCase(vendor: string, { interaction: i, findings }: ReportedCase): string {
  // classname "vendor.operation": JUnit viewers group by the part before the last dot.
  const open = `    <testcase classname="${attr(`${vendor}.${i.operation}`)}" name="${attr(i.case)}" time="${seconds(i.durationMs / 1000)}"`;
  const blocking = findings.filter(isBlocking);
  const others = findings.filter((f) => !isBlocking(f));
  const body: string[] = [];
  if (i.outcome === 'skipped') body.push(`      <skipped message="${attr(i.reason ?? 'skipped')}"/>`);
  else if (i.outcome === 'transport-error') body.push(`      <error type="transport-error" message="${attr(i.reason ?? 'the vendor could not be reached')}"/>`);
  else if (i.outcome === 'unverified') body.push(`      <error type="unverified" message="${attr(i.reason ?? 'the answer could not be checked')}"/>`);
  else if (blocking.length > 0) {
    const message = `${plural(blocking.length, 'breaking finding')}: ${blocking[0]!.message}`;
    body.push(`      <failure type="${attr(blocking[0]!.id)}" message="${attr(message)}">${escapeMarkup(blocking.map(describe).join('\n\n'))}</failure>`);
  }
  if (others.length > 0) body.push(`      <system-out>${escapeMarkup(others.map(describe).join('\n\n'))}</system-out>`);
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
}

/**
 * Findings of no request (spec-changed-upstream, under the case "upstream document"), one testcase
 * per such case: a CI viewer shows them, and a breaking one fails there as it fails the vendor.
 */
function requestlessCases(report: VendorReport): ReportedCase[] {
  const names = [...new Set(report.findings.map((f) => f.case))].filter((name) => !report.interactions.some((i) => i.case === name));
  return names.map((name) => {
    const findings = report.findings.filter((f) => f.case === name);
    const outcome = findings.some(isBlocking) ? 'failed' : 'passed';
    return { interaction: { method: '', path: '', operation: 'document', case: name, status: null, durationMs: 0, outcome, reason: null }, findings };
  });
}

function isError(outcome: ReportedCase['interaction']['outcome']): boolean {
  return outcome === 'transport-error' || outcome === 'unverified';
}

function describe(f: ReportedFinding): string {
  const state = f.state ? stateLabel(f) : null;
  return [
    `${f.severity} ${f.id}${state ? ` (${state})` : ''}`,
    `  pointer:  ${shownPointer(f.pointer) ?? '-'}`,
    `  expected: ${f.expected ?? '-'}`,
    `  observed: ${f.observed ?? '-'}`,
    `  ${f.message}`,
  ].join('\n');
}

function countAttributes(c: SuiteCounts): string {
  return ` tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(c.seconds)}"`;
}

function sum(counts: SuiteCounts[]): SuiteCounts {
  return counts.reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped, seconds: a.seconds + b.seconds }), {
    tests: 0,
    failures: 0,
    errors: 0,
    skipped: 0,
    seconds: 0,
  });
}

function seconds(value: number): string {
  return value.toFixed(3);
}

/** In an attribute, line breaks and tabs are kept as character references (a parser would turn them into spaces). */
function attr(value: string): string {
  return escapeMarkup(value).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
