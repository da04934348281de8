/**
 * The run stage, as later stages see it: the run's configuration, the targets (live or embedded
 * sandbox) it runs against, and the vitest reporter that collects case results from the suite workers.
 * The suites themselves use case.ts, runtime.ts and suite.ts; src/pipeline drives a whole run.
 */
export { httpOptions, readEnvironment, reportsDirFrom, resolveRunConfig, severityOverrides, type RunConfig } from './config.ts';
export { parseShard, shardVendors, type Shard } from './shard.ts';
export { describeTarget, startTargets } from './targets.ts';
export { unknownVariableWarnings } from './variables.ts';
export { SUITE_EXTERNALS, suitesGlobFor, type SuiteEnvironment } from './environment.ts';
export { CaseCollector } from './collector.ts';
export { LiveStatus, progressStatus, type VendorCount } from './progress.ts';
export {
  deriveCases,
  withDerivedCases,
  type CoverageEntry,
  type CoverageState,
  type DerivedCase,
  type DerivedSuite,
  type DeriveInput,
  type ExpectedStatus,
  type MissingFixture,
  type OperationCoverage,
  type RunnableTarget,
} from './derive/index.ts';
export { missingCredential, targetAuth, targetSecretForms, type TargetAuth } from './auth.ts';
export { openRuntime, runCase, type SuiteRuntime } from './runtime.ts';
