import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { SerializedError } from 'vitest';
import type { Severity } from '../findings/index.ts';
import type { Finding } from '../findings/index.ts';
import { notChecked, unavailableAnswer, type CaseResult } from '../results/index.ts';
import { CaseTally, type VendorCount } from './progress.ts';

export interface CollectorHooks {
  /** Sees the tally whenever it changes. */
  onProgress?: ((counts: VendorCount[]) => void) | undefined;
  /**
   * Each case's result as it arrives, while the other cases run: what it returns is what the collector
   * keeps, and all the run sees of it (`conform run`: the result redacted, and handed to the contract recording).
   */
  receive?: (result: CaseResult) => CaseResult;
}

/**
 * The vitest reporter of `conform run`: collects every case's result from its task meta, prints one
 * progress line per case, tallies each vendor's cases (planned as its suites are collected, done as
 * they finish), and keeps what vitest itself could not run (a suite that failed to load).
 */
export class CaseCollector implements Reporter {
  readonly results: CaseResult[] = [];
  readonly tally = new CaseTally();
  private readonly problemSet = new Set<string>();

  /** `severityOf`: the run's severity policy, for the progress lines (the judge applies it to what is reported). */
  constructor(
    private readonly print: (line: string) => void,
    private readonly severityOf: (finding: Finding) => Severity,
    private readonly hooks: CollectorHooks = {},
  ) {}

  /** What kept parts of the run from running, each said once (a broken suite fails all its cases alike). */
  get problems(): string[] {
    return [...this.problemSet];
  }

  /** Every vendor suite (conformSuite: a describe named after the vendor) plans its cases. */
  onTestModuleCollected(module: TestModule): void {
    for (const suite of module.children.suites()) {
      if (suite.options.mode !== 'skip') this.tally.plan(suite.name, [...suite.children.allTests()].length);
    }
    this.hooks.onProgress?.(this.tally.vendors);
  }

  onTestCaseResult(testCase: TestCase): void {
    const arrived = testCase.meta().conform;
    if (!arrived) {
      const errors = testCase.result().errors ?? [];
      if (errors.length) this.problemSet.add(`${testCase.fullName}: ${errors[0]!.message}`);
      return;
    }
    const result = this.hooks.receive?.(arrived) ?? arrived;
    this.results.push(result);
    this.tally.finish(result.vendor);
    this.print(progressLine(result, this.severityOf));
    this.hooks.onProgress?.(this.tally.vendors);
  }

  onTestModuleEnd(module: TestModule): void {
    for (const error of module.errors()) this.problemSet.add(`${module.moduleId}: ${error.message}`);
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    for (const error of unhandledErrors) this.problemSet.add(error.message);
  }
}

const MARK = { skipped: 'skip', 'transport-error': 'ERR ' } as const;

function progressLine(result: CaseResult, severityOf: (finding: Finding) => Severity): string {
  const counts = { breaking: 0, warning: 0, info: 0 };
  for (const finding of result.findings) counts[severityOf(finding)]++;
  if (result.outcome === 'skipped' || result.outcome === 'transport-error') return `${MARK[result.outcome]} ${result.vendor.padEnd(7)} ${result.case.padEnd(24)} ${result.reason}`;
  // As the judge will: an unavailable answer verifies nothing; an unchecked body does unless something breaking was still seen.
  const unverified = unavailableAnswer(result) ?? (counts.breaking > 0 ? null : notChecked(result));
  const mark = unverified !== null ? 'UNVR' : counts.breaking > 0 ? 'FAIL' : 'ok  ';
  const detail = `${result.response?.status} in ${result.durationMs} ms; ${counts.breaking} breaking, ${counts.warning} warning, ${counts.info} info${unverified === null ? '' : ` (unverified: ${unverified})`}`;
  return `${mark} ${result.vendor.padEnd(7)} ${result.case.padEnd(24)} ${detail}`;
}
