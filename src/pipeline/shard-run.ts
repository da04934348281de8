import type { CaseResult } from '../results/index.ts';
import { EXIT } from '../results/index.ts';
import type { RunConfig } from '../run/index.ts';
import type { VendorTarget } from '../vendors/index.ts';
import type { RunOutcome } from './index.ts';
import { writeShardOutput, type ShardVendor } from './shard-output.ts';

/** What a shard of a run ends with: its cases' facts, before any judge. */
export interface ShardRun {
  startedAt: string;
  shard: NonNullable<RunConfig['shard']>;
  vendors: Array<Omit<ShardVendor, 'target' | 'gradesUpstream'> & { target: VendorTarget }>;
  /** Whether a vendor's baseline is its wire baseline, as the run read it. */
  grades: (target: VendorTarget) => boolean;
  problems: string[];
  warnings: string[];
  results: CaseResult[];
}

/**
 * A shard's facts stored in its reports folder for `conform merge` (shard.json): a shard judges nothing and
 * writes no report, baseline, ledger or contract, which would be partial. Its exit code says only that it ran.
 */
export async function shardOutcome(reportsDir: string, run: ShardRun, secrets: readonly string[]): Promise<RunOutcome> {
  const { index, count, every } = run.shard;
  const file = await writeShardOutput(
    reportsDir,
    {
      shard: { index, count },
      configuration: every.map((plan) => ({ vendor: plan.vendor, mode: plan.mode, scenario: plan.mode === 'live' ? null : plan.scenario })),
      startedAt: run.startedAt,
      // Where each vendor ran, never how it authenticated: the target's credentials stay with the shard.
      vendors: run.vendors.map(({ target, ...facts }) => ({ ...facts, target: { vendor: target.vendor, mode: target.mode, scenario: target.scenario, baseUrl: target.baseUrl }, gradesUpstream: run.grades(target) })),
      problems: run.problems,
      warnings: run.warnings,
      results: run.results,
    },
    secrets,
  );
  return { exitCode: EXIT.pass, reports: [], results: run.results, problems: run.problems, reportsPath: file, warnings: run.warnings, shard: { index, count, vendors: run.vendors.map(({ target }) => target.vendor) } };
}
