import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import type { Finding } from '../findings/index.ts';
import { severityOf, type SeverityOverrides } from '../findings/index.ts';
import { createSemaphore, type Semaphore } from '../http/index.ts';
import type { SuiteCase } from './case.ts';
import './environment.ts';
import type { CaseResult } from '../results/index.ts';
import { rememberParsed } from '../spec/index.ts';
import { openRuntime, runCase, type SuiteRuntime } from './runtime.ts';

export { fixture, type SuiteCase } from './case.ts';

/**
 * Declares a vendor's suite: one vitest test per case. Each test runs its case, leaves the result in
 * its task meta (where `conform run` collects it), is skipped when a fixture or credential it needs is
 * not configured, and fails with a readable message on a breaking finding or a transport error.
 *
 * Vendors run concurrently (a slow vendor does not hold up the others); within a vendor at most its
 * HTTP concurrency of cases run at once. A case's exchange times itself (src/run/runtime.ts) once it is
 * sent, so waiting behind a slow vendor's earlier cases never times a case out (vitest's timeout would
 * count the wait, and would leave the case without a result).
 */
export function conformSuite(vendor: string, cases: readonly SuiteCase[]): void {
  const environment = inject('conform');
  rememberParsed(environment.documents);
  const target = environment.targets.find((t) => t.vendor === vendor);

  describe.skipIf(!target)(vendor, { concurrent: true }, () => {
    let runtime: SuiteRuntime;
    let turns: Semaphore;
    beforeAll(async () => {
      runtime = await openRuntime(target!, environment);
      turns = createSemaphore(runtime.concurrency);
    });
    afterAll(async () => {
      await runtime?.client.close();
    });

    for (const suiteCase of cases) {
      test(suiteCase.name, { timeout: 0 }, async (context) => {
        const result = await turns.run(() => runCase(runtime, suiteCase));
        context.task.meta.conform = result;
        if (result.outcome === 'skipped') context.skip(result.reason ?? undefined);
        if (result.outcome === 'transport-error') throw new Error(`${result.operation} (${result.case}): could not reach ${vendor}: ${result.reason}`);
        // For vitest's own pass/fail (`vitest --project suites`); what a run reports is the judge's (src/judge).
        if (breaking(result, environment.severity).length > 0) throw new Error(describeFailure(result, environment.severity));
      });
    }
  });
}

/** The explicit cases of every vendor file in the run, one vendor suite each (suites/vendors.suite.ts). */
export function vendorFileSuites(): void {
  for (const target of inject('conform').targets) if (target.cases.length > 0) conformSuite(target.vendor, target.cases);
}

declare module 'vitest' {
  interface TaskMeta {
    conform?: CaseResult;
  }
}

function breaking(result: CaseResult, severity: SeverityOverrides): Finding[] {
  return result.findings.filter((f) => severityOf(f, severity) === 'breaking');
}

/** Operation, then one line per breaking finding: where, expected, observed. */
export function describeFailure(result: CaseResult, severity: SeverityOverrides): string {
  const lines = breaking(result, severity)
    .map((f) => `  ${f.id} at ${f.pointer ?? '(response)'}: expected ${f.expected ?? '-'}, got ${f.observed ?? '-'}`);
  return `${result.operation} (${result.case}) answered ${result.response?.status}: ${lines.length} breaking finding(s)\n${lines.join('\n')}`;
}
