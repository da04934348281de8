import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { isFindingId } from '../../findings/index.ts';
import { ConfigError, type Env, optional } from '../../vendors/index.ts';
import type { Waiver } from './types.ts';

const DEFAULT_WAIVERS_FILE = 'conform.waivers.yaml';

/** CONFORM_WAIVERS_FILE, or conform.waivers.yaml; a file named explicitly must exist, the default need not. */
export function waiversFileFrom(env: Env): { file: string; required: boolean } {
  const configured = optional(env, 'CONFORM_WAIVERS_FILE');
  return { file: configured ?? DEFAULT_WAIVERS_FILE, required: configured !== null };
}

/** A waivers file that cannot be used: a configuration mistake (exit 2), located by file, line and entry. */
export class WaiversFileError extends ConfigError {
  readonly file: string;
  readonly entry: number | null;

  constructor(file: string, line: number | null, entry: number | null, problem: string) {
    super(line === null ? file : `${file}:${line}`, entry === null ? problem : `waiver ${entry}: ${problem}`);
    this.file = file;
    this.entry = entry;
  }
}

const KEYS = ['fingerprint', 'id', 'vendor', 'pointer', 'reason', 'expires'];

/**
 * The waivers of `file` (as configured, resolved against cwd), or a WaiversFileError naming the first
 * mistake. `vendors`: the vendors a waiver may name (those with a file).
 */
export async function loadWaivers(file: string, options: { cwd: string; required: boolean; vendors: readonly string[] }): Promise<Waiver[]> {
  let text: string;
  try {
    text = await readFile(resolve(options.cwd, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !options.required) return [];
    throw new WaiversFileError(file, null, null, `cannot be read (${(error as Error).message})`);
  }
  const lines = new LineCounter();
  // Failsafe: every scalar stays a string, so a fingerprint like 3e1234567890 is not read as a number.
  const document = parseDocument(text, { schema: 'failsafe', lineCounter: lines });
  const [syntax] = document.errors;
  if (syntax) throw new WaiversFileError(file, syntax.linePos?.[0].line ?? null, null, syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  if (document.contents === null) return [];
  const entries = waiverEntries(document.contents);
  if (entries === null) throw new WaiversFileError(file, 1, null, 'expected one key, `waivers:`, holding a list of waivers');
  return entries.map((item, index) => {
    const line = isNode(item) && item.range ? lines.linePos(item.range[0]).line : 1;
    const parsed = toWaiver(isNode(item) ? item.toJSON() : item, index + 1, line, options.vendors);
    if (typeof parsed === 'string') throw new WaiversFileError(file, line, index + 1, parsed);
    return parsed;
  });
}

/** The items under `waivers:` (none when it is left empty), or null when the file has another shape. */
function waiverEntries(contents: unknown): unknown[] | null {
  if (!isMap(contents) || contents.items.some((pair) => !isScalar(pair.key) || pair.key.value !== 'waivers')) return null;
  const list = contents.get('waivers', true);
  if (isSeq(list)) return list.items;
  return isScalar(list) && list.value === '' ? [] : null;
}

/** The waiver, or what is wrong with the entry. */
function toWaiver(value: unknown, entry: number, line: number, vendors: readonly string[]): Waiver | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be a mapping with vendor, reason, expires and either fingerprint or id';
  const fields = value as Record<string, string>;
  const unknown = Object.keys(fields).find((key) => !KEYS.includes(key));
  if (unknown) return `unknown key "${unknown}" (keys: ${KEYS.join(', ')})`;
  const nested = Object.keys(fields).find((key) => typeof fields[key] !== 'string');
  if (nested) return `${nested} must be a single value, not a list or mapping`;
  const { fingerprint, id, vendor, pointer, reason, expires } = fields;
  if (!vendor) return `vendor is missing (one of ${vendors.join(', ')})`;
  if (!vendors.includes(vendor)) return `unknown vendor "${vendor}" (one of ${vendors.join(', ')})`;
  if (!reason?.trim()) return 'reason is missing: say why the finding is accepted';
  if (!expires) return 'expires is missing (YYYY-MM-DD, the last day the waiver applies)';
  if (!isDate(expires)) return `expires "${expires}" is not a date YYYY-MM-DD`;
  const terms = { entry, line, vendor, reason: reason.trim(), expires };
  if (fingerprint !== undefined && id !== undefined) return 'has both fingerprint and id: use one';
  if (fingerprint !== undefined) {
    if (!/^[0-9a-f]{12}$/.test(fingerprint)) return `fingerprint "${fingerprint}" is not 12 lower-case hex characters`;
    if (pointer !== undefined) return 'pointer goes with id, not with fingerprint (a fingerprint already names one place)';
    return { ...terms, fingerprint };
  }
  if (id === undefined) return 'needs a fingerprint, or an id with an optional pointer pattern';
  if (!isFindingId(id)) return `unknown finding id "${id}" (see docs/findings.md)`;
  if (pointer !== undefined && !pointer.startsWith('/')) return `pointer "${pointer}" must be a JSON pointer pattern starting with / (leave it out to match any pointer)`;
  return { ...terms, id, pointer: pointer ?? null };
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
