import { resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import { recordContracts } from '../contracts/index.ts';
import type { Finding } from '../findings/finding.ts';
import { SpecLoadError } from '../spec/errors.ts';
import { loadSpec } from '../spec/load.ts';
import { secretForms } from '../report/redact.ts';
import type { VendorReport } from '../report/types.ts';
import { buildSummary, buildVendorReport } from '../report/vendor-report.ts';
import { jsonFile, writeReportSet } from '../report/writer.ts';
import { VENDORS, type Env, type VendorTarget } from '../vendors/index.ts';
import { CaseCollector } from './collector.ts';
import { resolveRunConfig, type RunConfig } from './config.ts';
import { suitesGlobFor, type SuiteEnvironment } from './environment.ts';
import type { CaseResult } from './result.ts';
import { startTargets } from './targets.ts';
import { exitCodeFor } from './verdict.ts';

export interface RunOptions {
  cwd: string;
  env: Env;
  print: (line: string) => void;
}

export interface RunOutcome {
  exitCode: number;
  reports: VendorReport[];
  results: CaseResult[];
  problems: string[];
  reportsPath: string;
}

/**
 * The main job: every selected vendor's suites against its live endpoint or embedded sandbox, every
 * response through the checker, and one report per vendor plus a summary. Configuration mistakes
 * throw ConfigError before any request is made.
 */
export async function runConformance(options: RunOptions): Promise<RunOutcome> {
  const config = resolveRunConfig(options.env);
  const startedAt = new Date().toISOString();
  const { targets, close } = await startTargets(config);
  try {
    for (const target of targets) options.print(`${target.vendor.padEnd(7)} ${describeTarget(target)}`);
    const defectsLoading = loadDefects(targets, options.cwd);
    const { results, problems } = await runSuites(targets, config, options);
    const defects = await defectsLoading;
    const reports = targets.map((target) =>
      buildVendorReport(target, results.filter((r) => r.vendor === target.vendor), defects.get(target.vendor) ?? [], startedAt),
    );
    const exitCode = exitCodeFor(results, problems);
    const summary = buildSummary(reports, { startedAt, finishedAt: new Date().toISOString(), exitCode, problems });
    const files = Object.fromEntries([...reports.map((r) => [`${r.vendor}.json`, jsonFile(r)]), ['summary.json', jsonFile(summary)]]);
    const reportsPath = await writeReportSet(resolve(options.cwd, config.reportsDir), files, secretsOf(targets));
    // What each vendor answered becomes its Pact contract (contracts/CONSUMER-VENDOR.json).
    await recordContracts({ cwd: options.cwd, env: options.env, targets, results, secretForms: secretsOf(targets) });
    return { exitCode, reports, results, problems, reportsPath };
  } finally {
    await close();
  }
}

async function runSuites(targets: VendorTarget[], config: RunConfig, options: RunOptions): Promise<{ results: CaseResult[]; problems: string[] }> {
  const collector = new CaseCollector(options.print);
  const environment: SuiteEnvironment = { cwd: options.cwd, targets, http: config.http, severity: config.severity };
  const vitest = await startVitest(
    'test',
    [],
    { config: false, root: options.cwd, watch: false, reporters: [collector], provide: { conform: environment } },
    { test: { include: suitesGlobFor(targets.map((t) => t.vendor)), testTimeout: 120_000, hookTimeout: 60_000 } },
  );
  await vitest.close();
  // vitest marks the process failed when a test fails; conform decides its own exit code.
  process.exitCode = undefined;
  return { results: collector.results, problems: collector.problems };
}

/** Spec defects for the reports; a document that cannot load is reported by the suites that need it. */
async function loadDefects(targets: VendorTarget[], cwd: string): Promise<Map<string, Finding[]>> {
  const entries = await Promise.all(
    targets.map(async (target) => {
      const specs = await Promise.all(
        target.specs.map((file) =>
          loadSpec(file, { cwd, vendor: target.vendor }).catch((error: unknown) => {
            if (error instanceof SpecLoadError) return null;
            throw error;
          }),
        ),
      );
      return [target.vendor, specs.flatMap((spec) => spec?.defects ?? [])] as const;
    }),
  );
  return new Map(entries);
}

function describeTarget(target: VendorTarget): string {
  return target.mode === 'sandbox' ? `embedded sandbox (${target.scenario}) at ${target.baseUrl}` : `live at ${target.baseUrl}`;
}

function secretsOf(targets: VendorTarget[]): string[] {
  return secretForms(targets.flatMap((t) => [t.credentials.valid, t.credentials.limited, VENDORS[t.vendor].invalidCredential]));
}
