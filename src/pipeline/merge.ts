import { resolve } from 'node:path';
import { loadPolicy, readBaseline, readSeenLedger, readWireBaseline } from '../judge/index.ts';
import { historyRunsFrom, recoverLatest } from '../report/index.ts';
import { reportsDirFrom, resolveRunConfig, targetSecretForms } from '../run/index.ts';
import { ConfigError, vendorNamed, vendorTarget, type Env, type VendorTarget } from '../vendors/index.ts';
import { loadDocuments } from './documents.ts';
import type { RunOutcome } from './index.ts';
import { judgeAndPublish } from './publish.ts';
import { readShardOutput, SHARD_FILE, type ShardOutput } from './shard-output.ts';

export interface MergeOptions {
  cwd: string;
  env: Env;
  /** Each shard's reports folder (its CONFORM_REPORTS_DIR). */
  shardDirs: readonly string[];
  /** The reports folder to write (DIR/latest/); default the usual one (CONFORM_REPORTS_DIR or reports/). */
  outDir?: string;
}

/**
 * The shards of one sharded run (`conform run --shard I/N`, 1..N) judged and published as one run:
 * reports in every format, history, first baselines, first-seen ledgers and the passing vendors'
 * contracts, as `conform run` writes them for the same cases. Shards that are not one complete set of
 * one configuration are refused (ConfigError) before anything is written. Nothing is read besides the
 * shards' outputs and what a run reads: the policy, baselines and ledgers, the vendor files and documents.
 */
export async function mergeShards(options: MergeOptions): Promise<RunOutcome> {
  const shards = await completeSet(options.shardDirs.map((dir) => resolve(options.cwd, dir)));
  // The merge job's own selection and credentials: the shards must have run what it selects, and it redacts what it knows.
  const config = resolveRunConfig(options.env, options.cwd);
  sameVendors(shards[0]!, config.plans.map((plan) => plan.vendor));
  const policy = await loadPolicy(options.env, options.cwd);
  const reportsDir = resolve(options.cwd, options.outDir ?? reportsDirFrom(options.env));
  // In the run's own order (the vendor files'), as an unsharded run reports them.
  const order = shards[0]!.output.configuration.map((planned) => planned.vendor);
  const vendors = shards.flatMap((shard) => shard.output.vendors).sort((a, b) => order.indexOf(a.target.vendor) - order.indexOf(b.target.vendor));
  const targets = vendors.map(({ target }): VendorTarget => {
    const definition = vendorNamed(config.vendors, target.vendor);
    if (!definition) throw new ConfigError(shards.find((shard) => shard.output.vendors.some((v) => v.target === target))!.file, `ran vendor "${target.vendor}", which has no vendor file here`);
    // A shard's own credentials stayed with it: its results are redacted, and contracts are recorded from them.
    return vendorTarget(definition, { ...target, production: false, credentials: { valid: null, limited: null }, fixtures: {}, headers: {} });
  });
  const baselines = await Promise.all(vendors.map(({ target, gradesUpstream }) => (gradesUpstream ? readWireBaseline : readBaseline)(policy.baselinesDir, target.vendor, target.mode)));
  await recoverLatest(reportsDir);
  const ledgers = await Promise.all(vendors.map(({ target }) => readSeenLedger(reportsDir, target.vendor, target.mode)));
  const { specs } = await loadDocuments(targets, options.cwd);
  const secrets = targetSecretForms([...targets, ...config.plans.flatMap((plan) => (plan.mode === 'live' ? [plan.target] : []))]);
  const results = vendors.flatMap(({ target }) => shards.flatMap((shard) => shard.output.results.filter((r) => r.vendor === target.vendor)));
  const recording = (await import('../contracts/index.ts')).startRecording({ cwd: options.cwd, env: options.env, targets, secretForms: secrets, specs });
  for (const result of results) recording.add(result);
  recording.end();
  // A merge that fails before its contracts are kept ends the recording's pact-core process: it writes nothing.
  try {
    const { judged, reportsPath } = await judgeAndPublish(
      {
        // The run started when its first shard did.
        startedAt: shards.map((shard) => shard.output.startedAt).sort()[0]!,
        vendors: vendors.map(({ gradesUpstream: _, ...vendor }) => vendor),
        baselines,
        ledgers,
        results,
        problems: shards.flatMap((shard) => shard.output.problems),
      },
      { policy, reportsDir, historyRuns: historyRunsFrom(options.env), secrets, recording },
    );
    return { exitCode: judged.exitCode, reports: judged.reports, results, problems: judged.summary.problems, reportsPath, warnings: shards.flatMap((shard) => shard.output.warnings), shard: null };
  } finally {
    // Kept, this does nothing.
    recording.abandon();
  }
}

/** The shards ran the vendors the merge job selects (CONFORM_VENDORS): a job whose environment differs would judge and publish another run's set. */
function sameVendors(first: ReadShard, selected: readonly string[]): void {
  const planned = first.output.configuration.map((vendor) => vendor.vendor);
  if ([...planned].sort().join() === [...selected].sort().join()) return;
  throw new ConfigError(first.file, `ran the vendors ${planned.join(', ')}, but this merge selects ${selected.join(', ')} (CONFORM_VENDORS): give the merge job the shards' CONFORM_VENDORS`);
}

interface ReadShard {
  file: string;
  output: ShardOutput;
}

/** Shards 1..N of one configuration, each once, in order; each vendor of that configuration in exactly one of them. */
async function completeSet(dirs: readonly string[]): Promise<ReadShard[]> {
  const shards: ReadShard[] = [];
  for (const dir of dirs) shards.push({ file: resolve(dir, SHARD_FILE), output: await readShardOutput(dir) });
  const [first] = shards;
  if (!first) throw new ConfigError('conform merge', 'needs the reports folders of the shards');
  const { count } = first.output.shard;
  const configuration = JSON.stringify(first.output.configuration);
  for (const [i, shard] of shards.entries()) {
    const { index, count: of } = shard.output.shard;
    if (of !== count) throw new ConfigError(shard.file, `is shard ${index}/${of}, but ${first.file} is one of ${count}: merge the shards of one run`);
    if (JSON.stringify(shard.output.configuration) !== configuration) throw new ConfigError(shard.file, `ran another configuration (vendors, live or sandbox, scenarios) than ${first.file}: merge the shards of one run`);
    const twin = shards.slice(0, i).find((other) => other.output.shard.index === index);
    if (twin) throw new ConfigError(shard.file, `is shard ${index}/${count}, and so is ${twin.file}`);
  }
  for (let index = 1; index <= count; index++) {
    if (!shards.some((shard) => shard.output.shard.index === index)) throw new ConfigError(`shard ${index}/${count}`, `is missing: merge takes the reports folders of all ${count} shards`);
  }
  shards.sort((a, b) => a.output.shard.index - b.output.shard.index);
  const ranVendors = shards.reduce((sum, shard) => sum + shard.output.vendors.length, 0);
  if (ranVendors !== first.output.configuration.length) throw new ConfigError(first.file, `plans ${first.output.configuration.length} vendors, but the shards ran ${ranVendors}: merge the shards of one run`);
  for (const planned of first.output.configuration) {
    const ran = shards.filter((shard) => shard.output.vendors.some((v) => v.target.vendor === planned.vendor && v.target.mode === planned.mode && v.target.scenario === planned.scenario));
    if (ran.length !== 1) throw new ConfigError(ran[1]?.file ?? `vendor "${planned.vendor}"`, `${ran.length === 0 ? 'was run by no shard' : `was run by ${ran.length} shards`}: merge the shards of one run`);
  }
  return shards;
}
