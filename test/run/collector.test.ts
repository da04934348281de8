import { describe, expect, it } from 'vitest';
import type { TestCase } from 'vitest/node';
import { severityOf } from '../../src/findings/index.ts';
import type { CaseResult } from '../../src/results/index.ts';
import { CaseCollector } from '../../src/run/index.ts';
import { answeredCase } from '../support/case-result.ts';

function result(name: string, secret: string): CaseResult {
  const answered = answeredCase('whop', name);
  return { ...answered, request: { ...answered.request, path: `/accounts/${secret}` } };
}

/** What vitest's reporter API hands over for a finished case (the two calls the collector makes). */
const finished = (conform: CaseResult) => ({ meta: () => ({ conform }), result: () => ({ errors: [] }) }) as unknown as TestCase;

describe('the run collecting its cases', () => {
  it('hands each result on as it arrives, and keeps only what it was handed back', () => {
    const received: string[] = [];
    const collector = new CaseCollector(() => undefined, (finding) => severityOf(finding, {}), {
      receive: (arrived) => {
        received.push(arrived.case);
        return { ...arrived, request: { ...arrived.request, path: '/accounts/[redacted]' } };
      },
    });
    collector.onTestCaseResult(finished(result('first', 'sk_1')));
    // The second case has not finished: the first is already handed on (the contract recording starts on it).
    expect(received).toEqual(['first']);
    collector.onTestCaseResult(finished(result('second', 'sk_2')));
    expect(received).toEqual(['first', 'second']);
    expect(collector.results.map((kept) => kept.request.path)).toEqual(['/accounts/[redacted]', '/accounts/[redacted]']);
  });
});
