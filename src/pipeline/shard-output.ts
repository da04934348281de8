import { join } from 'node:path';
import { readTextIfPresent, writeFileAtomically } from '../files/index.ts';
import type { Finding } from '../findings/index.ts';
import type { CaseFinding } from '../judge/index.ts';
import { jsonFile, type OperationCoverage, type ReportedTarget, type SpecChangedUpstream } from '../report/index.ts';
import type { CaseResult } from '../results/index.ts';
import type { Shard } from '../run/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { isStoredResult } from './stored-result.ts';

/** What a shard leaves in its reports folder for `conform merge`, instead of reports. */
export const SHARD_FILE = 'shard.json';
const FORMAT = 'conform-shard';
/** Raised when the file's meaning changes: a merge refuses a shard written by another version. */
const VERSION = 1;

/** A vendor as every shard of a run planned it: shards of different configurations do not merge. */
export interface PlannedVendor {
  vendor: string;
  mode: ReportedTarget['mode'];
  scenario: string | null;
}

/** One vendor's facts from its shard: everything the judge takes besides its baseline and ledger, which merge reads. */
export interface ShardVendor {
  target: ReportedTarget;
  /** Its baseline is the wire baseline (a live vendor compared with its published document), as the run reads it. */
  gradesUpstream: boolean;
  coverage: OperationCoverage[] | null;
  specDefects: Finding[];
  laterFindings: CaseFinding[];
  specChangedUpstream: SpecChangedUpstream | null;
}

export interface ShardOutput {
  format: typeof FORMAT;
  version: typeof VERSION;
  shard: Shard;
  configuration: PlannedVendor[];
  startedAt: string;
  vendors: ShardVendor[];
  /** The run's problems and warnings as the shard saw them (redacted). */
  problems: string[];
  warnings: string[];
  /** The shard's case results, redacted, with their cross-response findings: as the run judges them. */
  results: CaseResult[];
}

export type ShardFacts = Omit<ShardOutput, 'format' | 'version'>;

/** Written through the one writer, redacted with the shard's secrets: the file travels as a CI artifact. */
export async function writeShardOutput(reportsDir: string, facts: ShardFacts, secrets: readonly string[]): Promise<string> {
  const output: ShardOutput = { format: FORMAT, version: VERSION, ...facts };
  return writeFileAtomically(join(reportsDir, SHARD_FILE), jsonFile(output), secrets);
}

/** A shard folder's output, or a located ConfigError: missing, not JSON, another version, or not the shape a shard writes. */
export async function readShardOutput(dir: string): Promise<ShardOutput> {
  const file = join(dir, SHARD_FILE);
  const text = await readTextIfPresent(file);
  if (text === null) throw new ConfigError(file, 'is missing: not the reports folder (CONFORM_REPORTS_DIR) of a `conform run --shard I/N`');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConfigError(file, 'is not valid JSON; run the shard again');
  }
  const output = value as Partial<ShardOutput> | null;
  if (typeof output !== 'object' || output === null || output.format !== FORMAT) throw new ConfigError(file, 'is not a conform shard output');
  if (output.version !== VERSION) throw new ConfigError(file, `is a shard output of version ${String(output.version)}; this conform merges version ${VERSION}: run the shards with this conform`);
  const problem = shapeProblem(output);
  if (problem) throw new ConfigError(file, `is not a complete shard output (${problem}); run the shard again`);
  return output as ShardOutput;
}

function shapeProblem(output: Partial<ShardOutput>): string | null {
  const { shard } = output;
  if (!shard || !Number.isInteger(shard.index) || !Number.isInteger(shard.count) || shard.index < 1 || shard.index > shard.count) return 'shard';
  if (!Array.isArray(output.configuration) || !output.configuration.every(isPlannedVendor)) return 'configuration';
  if (typeof output.startedAt !== 'string' || Number.isNaN(Date.parse(output.startedAt))) return 'startedAt';
  if (!Array.isArray(output.vendors) || !output.vendors.every(isShardVendor)) return 'vendors';
  for (const key of ['problems', 'warnings'] as const) if (!Array.isArray(output[key]) || !output[key].every((line) => typeof line === 'string')) return key;
  if (!Array.isArray(output.results) || !output.results.every(isStoredResult)) return 'results';
  return null;
}

function isPlannedVendor(value: unknown): value is PlannedVendor {
  const planned = value as Partial<PlannedVendor> | null;
  return typeof planned === 'object' && planned !== null && typeof planned.vendor === 'string' && (planned.mode === 'live' || planned.mode === 'sandbox') && (planned.scenario === null || typeof planned.scenario === 'string');
}

function isShardVendor(value: unknown): value is ShardVendor {
  const vendor = value as Partial<ShardVendor> | null;
  if (typeof vendor !== 'object' || vendor === null || typeof vendor.gradesUpstream !== 'boolean') return false;
  return typeof vendor.target?.baseUrl === 'string' && isPlannedVendor(vendor.target) && Array.isArray(vendor.specDefects) && Array.isArray(vendor.laterFindings) && (vendor.coverage === null || Array.isArray(vendor.coverage));
}
