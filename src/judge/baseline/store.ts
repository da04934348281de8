import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError, type Env, optional } from '../../vendors/index.ts';
import { writeFileAtomically } from '../../files/index.ts';
import type { Baseline, BaselineMode } from './types.ts';

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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineFileError(file, `not JSON (${(error as Error).message})`);
  }
  const problem = baselineProblem(value, vendor, mode);
  if (problem) throw new BaselineFileError(file, problem);
  return value as Baseline;
}

/** Written whole or not at all, through redaction, by the one writer. */
export async function writeBaseline(dir: string, baseline: Baseline, secretForms: readonly string[]): Promise<string> {
  return writeFileAtomically(baselineFile(dir, baseline.vendor, baseline.mode), `${reviewableJson(baseline, 0)}\n`, secretForms);
}

// Enough to refuse a hand-edited or foreign file before it is compared with; the writer keeps the rest.
function baselineProblem(value: unknown, vendor: string, mode: BaselineMode): string | null {
  if (!isRecord(value) || value.version !== 1) return 'not a conform baseline (version 1)';
  if (value.vendor !== vendor || value.mode !== mode) return `holds the baseline of ${String(value.vendor)} (${String(value.mode)}), not of ${vendor} (${mode})`;
  if (!isRecord(value.operations) || !Array.isArray(value.findings)) return 'has no operations or findings';
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** JSON with one line per leaf record (a property, a case, a finding), so a review diff shows one line per change. */
function reviewableJson(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object' || isLeaf(value)) return inline(value);
  const inner = '  '.repeat(depth + 1);
  const lines = Array.isArray(value)
    ? value.map((item) => inner + reviewableJson(item, depth + 1))
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${reviewableJson(item, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join(',\n')}\n${'  '.repeat(depth)}${close}`;
}

function isLeaf(value: object): boolean {
  const isPrimitive = (item: unknown) => item === null || typeof item !== 'object';
  const items: unknown[] = Object.values(value);
  if (items.length === 0) return true;
  return Array.isArray(value) ? items.every(isPrimitive) : items.every((item) => isPrimitive(item) || (Array.isArray(item) && item.every(isPrimitive)));
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}
