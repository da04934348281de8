import { join, resolve } from 'node:path';
import { displayFinding, type Finding } from '../findings/index.ts';
import { loadPolicy, readBaseline, readSeenLedger, readWireBaseline } from '../judge/index.ts';
import type { Severity } from '../findings/index.ts';
import { severityOf } from '../findings/index.ts';
import { redactStrings, redactText } from '../redaction/index.ts';
import { parsedDocuments } from '../spec/index.ts';
import { historyRunsFrom, type VendorReport, recoverLatest } from '../report/index.ts';
import { flag, type Env, type VendorTarget } from '../vendors/index.ts';
import { CaseCollector, describeTarget, resolveRunConfig, type RunConfig, type Shard, SUITE_EXTERNALS, suitesGlobFor, type SuiteEnvironment, startTargets, targetSecretForms, type VendorCount, withDerivedCases } from '../run/index.ts';
import type { CaseResult } from '../results/index.ts';
import type { ContractRecording } from '../contracts/index.ts';
import { withCrossResponseFindings } from './cross-response.ts';
import { loadDocuments } from './documents.ts';
import { judgeAndPublish } from './publish.ts';
import { shardOutcome } from './shard-run.ts';
import { compareUpstreams } from './upstream/compare.ts';
import { wireBaselines } from './upstream/wire.ts';

export { rejudgeLatest, type LaterFindings, type Rejudged, type SkippedVendor } from './rejudge.ts';
export { AUDIT_FILES, baseUrlProblem, FIXTURE_NAME, HEADER_NAME, runAudit, VENDOR_NAME, type AuditOptions, type AuditOutcome, type AuditRequest } from './audit.ts';
export { refreshUpstreams, type RefreshOutcome } from './upstream/refresh.ts';
export { mergeShards, type MergeOptions } from './merge.ts';

export interface RunOptions {
  cwd: string;
  env: Env;
  print: (line: string) => void;
  /** Each vendor's cases done and planned, whenever that changes (a terminal's live status line). */
  progress?: (counts: VendorCount[]) => void;
  /** Aborted (Ctrl-C): the cases stop and the run throws RunInterrupted, having written nothing. */
  signal?: AbortSignal;
  /** A slice of the vendors (`--shard I/N`): its facts go to reports/shard.json for `conform merge`, nothing is judged. */
  shard?: Shard;
}

/** The run was interrupted while its cases ran: no report, baseline, contract or history was written. */
export class RunInterrupted extends Error {
  constructor(
    readonly finished: number,
    readonly planned: number,
    /** The previous run's reports (reports/latest/), untouched. */
    readonly latestPath: string,
  ) {
    super(`interrupted: ${finished} of ${planned} cases finished`);
  }
}

export interface RunOutcome {
  exitCode: number;
  reports: VendorReport[];
  results: CaseResult[];
  /** The run's problems and why vendors could not be judged (unreachable, inconclusive): what summary.json `problems` holds. */
  problems: string[];
  reportsPath: string;
  /** What the vendors are warned about without it failing the run: an upstream that could not be compared (CONFORM_REFRESH_SPECS). */
  warnings: string[];
  /** A shard's slice and vendors; reportsPath is then its shard.json. Null for a whole run. */
  shard: (Shard & { vendors: string[] }) | null;
}

/**
 * The main job: every selected vendor's suites against its live endpoint or embedded sandbox, every
 * response through the checker, each vendor judged against its baseline and waivers, reports in every
 * format kept in reports/runs/<runId>/ and reports/latest/, and a Pact contract per vendor.
 * Configuration mistakes (variables, waivers, baselines) throw ConfigError before any request is made.
 */
export async function runConformance(options: RunOptions): Promise<RunOutcome> {
  const config = resolveRunConfig(options.env, options.cwd, options.shard ?? null);
  const refreshSpecs = flag(options.env, 'CONFORM_REFRESH_SPECS');
  const policy = await loadPolicy(options.env, options.cwd);
  const historyRuns = historyRunsFrom(options.env);
  const reportsDir = resolve(options.cwd, config.reportsDir);
  await recoverLatest(reportsDir);
  const startedAt = new Date().toISOString();
  // What the run needs only once the cases are done (the contract step's matchers, Pact's JavaScript; the
  // documents' example defects) is done once the suites have begun: once the worker has loaded a suite
  // (it asks this thread for modules until then), this thread only waits for it.
  let suitesBegun!: () => void;
  const begun = new Promise<void>((resolve) => (suitesBegun = resolve));
  const contracts = begun.then(() => import('../contracts/index.ts'));
  contracts.catch(() => undefined);
  const { targets, close } = await startTargets(config);
  let recording: Promise<ContractRecording> | undefined;
  try {
    // Each selected vendor's published document is compared with its newest checked-in one (CONFORM_REFRESH_SPECS);
    // a live baseline that grades those changes is checked as `conform specs diff` checks it.
    const refreshed = refreshSpecs ? config.vendors.filter((vendor) => vendor.upstream !== null && targets.some((target) => target.vendor === vendor.name)) : [];
    const grades = (target: VendorTarget) => target.mode === 'live' && refreshed.some((vendor) => vendor.name === target.vendor);
    const baselines = await Promise.all(targets.map((target) => (grades(target) ? readWireBaseline : readBaseline)(policy.baselinesDir, target.vendor, target.mode)));
    const ledgers = await Promise.all(targets.map((target) => readSeenLedger(reportsDir, target.vendor, target.mode)));
    for (const target of targets) options.print(`${target.vendor.padEnd(7)} ${describeTarget(target)}`);
    // A vendor document that cannot be loaded stops the run here, as one located line (exit 2).
    const documents = await loadDocuments(targets, options.cwd);
    const specs = documents.specs;
    const defects = begun.then(documents.defects);
    defects.catch(() => undefined);
    // A shard's job holds every selected vendor's credentials, not only its own vendors': it redacts them all.
    const secrets = targetSecretForms([...targets, ...(config.shard?.every ?? []).flatMap((plan) => (plan.mode === 'live' ? [plan.target] : []))]);
    const severity = (finding: Finding) => severityOf(finding, policy.severity);
    // A vendor file without cases runs the cases derived from its documents (src/run/derive).
    const runnable = await withDerivedCases(targets, config.vendors, options.cwd, specs);
    // The upstream comparison runs while the suites run (it never rejects, and writes nothing).
    const compared = targets.flatMap((target, i) => (refreshed.some((vendor) => vendor.name === target.vendor) ? [{ vendor: target.vendor, mode: target.mode, baseline: baselines[i]! }] : []));
    const wire = await wireBaselines(compared, policy.baselinesDir);
    const upstreams = compareUpstreams(refreshed, { cwd: options.cwd, http: config.http, wire });
    // Every contract that may be kept is recorded while the cases run, from each result as it arrives
    // (src/contracts); which are kept is known once the run is judged. Until Pact's matchers have loaded,
    // results wait for the recording in order.
    // A shard records nothing: `conform merge` records the contracts from every shard's results.
    const started = config.shard ? null : contracts.then(({ startRecording }) => startRecording({ cwd: options.cwd, env: options.env, targets, secretForms: secrets, specs }));
    started?.catch(() => undefined);
    recording = started ?? undefined;
    // From here on nothing sees a secret or a person's data: each result is redacted as it arrives, before
    // the contract recording, reports, logs and baselines see it. Redaction sees the evidence whole; only then is it cut to what reports show.
    const receive = (result: CaseResult) => {
      const redacted = redactStrings(result, secrets);
      started?.then((recorder) => recorder.add(redacted), () => undefined);
      return redacted;
    };
    // Coverage is for the reports: the suite workers get the targets without it.
    // A shard can be given no vendor (more shards than vendors): it runs nothing and says so.
    const suites = runnable.length === 0 ? NOTHING_RUN : await runSuites(runnable.map(({ coverage: _, ...target }) => target), config, options, severity, (line) => options.print(redactText(line, secrets)), receive, suitesBegun);
    suitesBegun();
    if (options.signal?.aborted) throw new RunInterrupted(suites.finished, suites.planned, join(reportsDir, 'latest'));
    const contractRecording = await started;
    contractRecording?.end();
    // Cross-response findings are made from the redacted, masked answers and join their cases' findings.
    const identitiesOf = new Map(targets.map((target) => [target.vendor, target.money.identities]));
    const results = withCrossResponseFindings(suites.results, (vendor) => identitiesOf.get(vendor) ?? []).map(withDisplayedFindings);
    const problems = redactStrings(suites.problems, secrets);
    const upstream = await upstreams;
    const specDefects = await defects;
    const vendors = targets.map((target, i) => ({
      target,
      coverage: runnable[i]!.coverage,
      laterFindings: upstream.get(target.vendor)?.findings ?? [],
      specDefects: redactStrings(specDefects.get(target.vendor) ?? [], secrets),
      specChangedUpstream: upstream.get(target.vendor)?.section ?? null,
    }));
    const warnings = [...upstream.values()].flatMap((outcome) => (outcome.warning === null ? [] : [outcome.warning]));
    // A shard judges nothing and writes no report, baseline, ledger or contract: `conform merge` does, from every shard's output.
    if (config.shard) return await shardOutcome(reportsDir, { startedAt, shard: config.shard, vendors, grades, problems, warnings, results }, secrets);
    const { judged, reportsPath } = await judgeAndPublish(
      { startedAt, problems, results, vendors, baselines, ledgers },
      { policy, reportsDir, historyRuns, secrets, recording: contractRecording! /* started: not a shard */ },
    );
    return { exitCode: judged.exitCode, reports: judged.reports, results, problems: judged.summary.problems, reportsPath, warnings, shard: null };
  } finally {
    // Interrupted or failed, the run writes no contract; kept, this does nothing.
    recording?.then((recorder) => recorder.abandon(), () => undefined);
    await close();
  }
}

const NOTHING_RUN = { results: [], problems: [], finished: 0, planned: 0 };

/**
 * vitest's limit on tests at once, lifted: a vendor's own semaphore (its live concurrency) is what
 * limits its cases, and hand-written suites (not counted up front) must not be starved either.
 */
const UNLIMITED_TESTS_AT_ONCE = 10_000;

/** No suite is excluded by where it lies: conform's own suite is inside node_modules/ once conform is installed as a package. */
const INSTALLED_ANYWHERE: string[] = [];

async function runSuites(
  targets: VendorTarget[],
  config: RunConfig,
  options: RunOptions,
  severity: (finding: Finding) => Severity,
  print: (line: string) => void,
  receive: (result: CaseResult) => CaseResult,
  begun: () => void,
): Promise<{ results: CaseResult[]; problems: string[]; finished: number; planned: number }> {
  const collector = new CaseCollector(print, severity, { onProgress: options.progress, receive });
  // Loaded here, not at the top: `conform verify` re-judges through this folder and runs no suite.
  const { createVitest } = await import('vitest/node');
  const environment: SuiteEnvironment = { cwd: options.cwd, targets, http: config.http, severity: config.severity, documents: parsedDocuments() };
  // The vendor files' cases; hand-written suites (suites/VENDOR/) add theirs when vitest collects them.
  const planned = targets.reduce((sum, t) => sum + t.cases.length, 0);
  const sigintListeners = process.listeners('SIGINT');
  const vitest = await createVitest(
    'test',
    // Modules are shared within a worker (isolate: false): every vendor file's cases run in one suite
    // file, and the checker loads once. A worker runs its files one after another: a worker per vendor,
    // plus one for that suite (vitest's default on 2 cores is one in all), lets a hand-written suite run
    // while the vendor files' cases do, and keeps the workers no more than the vendors. Each case's
    // exchange times itself (src/run/runtime.ts) and vitest's limit on tests at once is lifted: it never
    // makes one vendor's cases wait for another's.
    { config: false, root: options.cwd, watch: false, reporters: [collector, { onTestModuleCollected: begun }], provide: { conform: environment }, pool: 'threads', isolate: false, maxWorkers: targets.length + 1 },
    { test: { include: suitesGlobFor(targets.map((t) => t.vendor)), exclude: INSTALLED_ANYWHERE, server: { deps: { external: SUITE_EXTERNALS } }, maxConcurrency: UNLIMITED_TESTS_AT_ONCE, hookTimeout: 60_000 } },
  );
  // vitest's logger exits the process on SIGINT; what an interrupt does is conform's to decide.
  for (const listener of process.listeners('SIGINT')) if (!sigintListeners.includes(listener)) process.off('SIGINT', listener);
  // An interrupt ends the run at once. vitest's first cancel waits for the cases in flight (a vendor that
  // never answers would hold it until its timeout); a second, as on a second Ctrl-C, ends its worker.
  const cancel = () => {
    void vitest.cancelCurrentRun('keyboard-input');
    void vitest.cancelCurrentRun('keyboard-input');
  };
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    if (!options.signal?.aborted) await vitest.start();
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    await vitest.close();
  }
  // vitest marks the process failed when a test fails; conform decides its own exit code.
  process.exitCode = undefined;
  return { results: collector.results, problems: collector.problems, finished: collector.tally.done, planned: Math.max(planned, collector.tally.total) };
}

function withDisplayedFindings(result: CaseResult): CaseResult {
  return { ...result, findings: result.findings.map(displayFinding) };
}
