import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/index.ts';
import type { Finding } from '../findings/index.ts';
import type { CaseFinding } from '../judge/index.ts';
import { jsonFile, type OperationCoverage, type ReportedTarget, type SpecChangedUpstream } from '../report/index.ts';
import type { CaseResult } from '../results/index.ts';
import type { Shard } from '../run/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { shardViolations } from './shard-schema.ts';

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

// A shard's output is its results' bodies, masked and capped at the run's body cap: far below this.
const MAX_SHARD_BYTES = 512 * 1024 * 1024;

/** A shard folder's output, or a located ConfigError: missing, not a file, too large, not JSON, another version, or not what a shard writes. */
export async function readShardOutput(dir: string): Promise<ShardOutput> {
  const file = join(dir, SHARD_FILE);
  const refuse = (why: string): never => {
    throw new ConfigError(file, why);
  };
  const size = await stat(file).then(
    (stats) => (stats.isFile() ? stats.size : refuse('is not a file: not the reports folder (CONFORM_REPORTS_DIR) of a `conform run --shard I/N`')),
    (error: NodeJS.ErrnoException) =>
      refuse(error.code === 'ENOENT' ? 'is missing: not the reports folder (CONFORM_REPORTS_DIR) of a `conform run --shard I/N`' : `cannot be read (${error.code ?? 'error'})`),
  );
  if (size > MAX_SHARD_BYTES) refuse(`is larger than ${MAX_SHARD_BYTES} bytes: not a conform shard output`);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return refuse(error instanceof SyntaxError ? 'is not valid JSON; run the shard again' : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const output = value as Partial<ShardOutput> | null;
  if (typeof output !== 'object' || output === null || Array.isArray(output) || output.format !== FORMAT) refuse('is not a conform shard output');
  if (output!.version !== VERSION) refuse(`is a shard output of version ${String(output!.version)}; this conform merges version ${VERSION}: run the shards with this conform`);
  const [violation] = shardViolations(output);
  const problem = violation ? `${violation.pointer || '/'}: ${violation.message}` : shardProblem(output as ShardOutput);
  if (problem) refuse(`is not a complete shard output (${problem}); run the shard again`);
  return output as ShardOutput;
}

/** What the schema cannot say: the slice within its count, a real start time. */
function shardProblem({ shard, startedAt }: ShardOutput): string | null {
  if (shard.index > shard.count) return `/shard: shard ${shard.index} of ${shard.count}`;
  if (Number.isNaN(Date.parse(startedAt))) return '/startedAt: not a time';
  return null;
}
