import type { ContractRecording } from '../contracts/index.ts';
import { writeBaseline, writeSeenLedger, type Baseline, type JudgementPolicy, type SeenLedger } from '../judge/index.ts';
import { publishRun, pruneRuns, runIdFor } from '../report/index.ts';
import type { CaseResult } from '../results/index.ts';
import { judgeRun, reportSetFiles, type JudgedRun, type VendorRun } from './judge-run.ts';

/** A run's facts once its cases are done (redacted): what `conform run` and `conform merge` both judge. */
export interface FinishedRun {
  startedAt: string;
  /** Each vendor's facts; its baseline and ledger are those at its position in `baselines` and `ledgers`, its results its own of `results`. */
  vendors: Array<Omit<VendorRun, 'baseline' | 'seen' | 'results'>>;
  baselines: ReadonlyArray<Baseline | null>;
  ledgers: ReadonlyArray<SeenLedger | null>;
  results: CaseResult[];
  problems: string[];
}

export interface PublishOptions {
  policy: JudgementPolicy;
  reportsDir: string;
  historyRuns: number;
  secrets: readonly string[];
  /** The run's contracts, every result added and ended: those of the passing vendors are kept. */
  recording: ContractRecording;
}

/**
 * The run judged, its reports published (reports/runs/<runId>/ and latest/), history pruned, first
 * baselines and the first-seen ledgers written, and the passing vendors' contracts kept: the one tail of
 * a run, whether its cases ran here or in shards.
 */
export async function judgeAndPublish(run: FinishedRun, options: PublishOptions): Promise<{ judged: JudgedRun; reportsPath: string }> {
  const vendors = run.vendors.map((vendor, i) => ({ ...vendor, baseline: run.baselines[i]!, seen: run.ledgers[i]!, results: run.results.filter((r) => r.vendor === vendor.target.vendor) }));
  const judged = judgeRun(vendors, options.policy, { startedAt: run.startedAt, problems: run.problems });
  const files = await reportSetFiles(judged, run.results, options.reportsDir);
  const reportsPath = await publishRun(options.reportsDir, runIdFor(run.startedAt, process.pid), files, options.secrets);
  await pruneRuns(options.reportsDir, options.historyRuns);
  for (const baseline of judged.createdBaselines) await writeBaseline(options.policy.baselinesDir, baseline, options.secrets);
  // Only a run whose reports are published counts: a run cut short leaves the ledgers as they were.
  for (const ledger of judged.seenLedgers) await writeSeenLedger(options.reportsDir, ledger, options.secrets);
  // What each passing vendor answered becomes its Pact contract (contracts/CONSUMER-VENDOR.json live,
  // CONSUMER-VENDOR.sandbox.json sandbox); a vendor that failed or could not be verified keeps its
  // previous contract: that is what we rely on.
  await options.recording.keep(judged.passing);
  return { judged, reportsPath };
}
