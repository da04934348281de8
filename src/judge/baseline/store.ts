import { join, resolve } from 'node:path';
import { ConfigError, type Env, optional } from '../../vendors/index.ts';
import { readTextIfPresent, writeFileAtomically } from '../../files/index.ts';
import { reviewableJson } from './reviewable-json.ts';
import type { Baseline, BaselineMode, ResponseShape } from './types.ts';

/** CONFORM_BASELINES_DIR (default baselines/ at the repository root), resolved against cwd. */
export function baselinesDirFrom(env: Env, cwd: string): string {
  return resolve(cwd, optional(env, 'CONFORM_BASELINES_DIR') ?? 'baselines');
}

/** VENDOR.json for the live vendor, the one a nightly run watches; VENDOR.sandbox.json for its embedded sandbox. */
export function baselineFile(dir: string, vendor: string, mode: BaselineMode): string {
  return join(dir, mode === 'live' ? `${vendor}.json` : `${vendor}.sandbox.json`);
}

/** A baseline file that is not one: a configuration mistake (exit 2) naming the file. */
export class BaselineFileError extends ConfigError {
  constructor(file: string, problem: string) {
    super(file, `${problem}; fix it, or delete it and run \`conform baseline update\``);
  }
}

/** The baseline of the vendor run live or in its sandbox, or null when there is none yet. */
export async function readBaseline(dir: string, vendor: string, mode: BaselineMode): Promise<Baseline | null> {
  const file = baselineFile(dir, vendor, mode);
  const text = await readTextIfPresent(file);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineFileError(file, `not JSON (${(error as Error).message})`);
  }
  const problem = baselineProblem(value, vendor, mode);
  if (problem) throw new BaselineFileError(file, problem);
  return (value as { version: number }).version === 1 ? fromVersion1(value as unknown as BaselineV1) : (value as Baseline);
}

/** A baseline as conform wrote it before `firstSeen` and `always`: run counters per response shape and property. */
interface BaselineV1 extends Omit<Baseline, 'version' | 'operations' | 'findings'> {
  version: 1;
  operations: Record<string, { cases: Baseline['operations'][string]['cases']; responses: Record<string, { runs: number; properties: Record<string, Omit<ResponseShape['properties'][string], 'always'> & { runs: number }> }> }>;
  findings: Array<Omit<Baseline['findings'][number], 'firstSeen'>>;
}

// Read as version 2 and written as one by the next `conform baseline update`: a property seen in as
// many runs as its response shape was seen in every run; a finding's first sighting is not known
// better than the baseline's last update.
function fromVersion1(old: BaselineV1): Baseline {
  const operations = Object.fromEntries(Object.entries(old.operations).map(([key, { cases, responses }]) => [key, {
    cases,
    responses: Object.fromEntries(Object.entries(responses).map(([status, shape]) => [status, {
      properties: Object.fromEntries(Object.entries(shape.properties).map(([pointer, { runs, ...property }]) => [pointer, { ...property, always: runs === shape.runs }])),
    }])),
  }]));
  return { ...old, version: 2, operations, findings: old.findings.map((f) => ({ ...f, firstSeen: old.updatedAt })) };
}

/** Written whole or not at all, through redaction, by the one writer. */
export async function writeBaseline(dir: string, baseline: Baseline, secretForms: readonly string[]): Promise<string> {
  return writeFileAtomically(baselineFile(dir, baseline.vendor, baseline.mode), `${reviewableJson(baseline, 0)}\n`, secretForms);
}

// Enough to refuse a hand-edited or foreign file before it is compared with; the writer keeps the rest.
function baselineProblem(value: unknown, vendor: string, mode: BaselineMode): string | null {
  if (!isRecord(value) || (value.version !== 2 && value.version !== 1)) return 'not a conform baseline (version 2, or 1 as an older conform wrote it)';
  if (value.vendor !== vendor || value.mode !== mode) return `holds the baseline of ${String(value.vendor)} (${String(value.mode)}), not of ${vendor} (${mode})`;
  if (!isRecord(value.operations) || !Array.isArray(value.findings)) return 'has no operations or findings';
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
