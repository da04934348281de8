import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse } from 'yaml';
import { baseUrlProblem, FIXTURE_NAME, HEADER_NAME, VENDOR_NAME } from '../pipeline/index.ts';
import { MAX_DOCUMENT_BYTES } from '../spec/index.ts';
import { optional, type Env } from '../vendors/index.ts';
import { helpHint, type OptionDeclaration } from './options.ts';
import { UsageError } from './usage-error.ts';

/** A credential for one of the document's securitySchemes, and the variable it was read from (null: given literally). */
export interface AuthFlag {
  scheme: string;
  credential: string;
  variable: string | null;
}

export interface NamedValue {
  name: string;
  value: string;
}

/**
 * The flags `conform audit` and `conform init` share. With `compare` (`--compare DIR DIR`) no
 * target is needed: `specs` may then be empty and `baseUrl`, `vendor` and `out` null. Without it
 * all three are set.
 */
export interface AuditFlags {
  specs: string[];
  /** http(s), no credentials, query or fragment in it, no trailing slash. */
  baseUrl: string | null;
  auth: AuthFlag[];
  fixtures: NamedValue[];
  headers: NamedValue[];
  vendor: string | null;
  /** Default reports/audit/VENDOR. */
  out: string | null;
  allowUnsafe: boolean;
  compare: string[];
  /** `conform init` only: overwrite an existing vendor file. */
  force: boolean;
}

export interface AuditFlagsContext {
  /** The command named in messages; `init` also takes --force. */
  command: 'audit' | 'init';
  /** Where --spec paths are read from, to name the vendor. */
  cwd: string;
}

/** The flags `conform audit` takes; its parser below accepts exactly these and its --help lists them. */
export const AUDIT_OPTIONS = {
  spec: { type: 'string', multiple: true, value: 'FILE', description: 'the vendor\'s OpenAPI document' },
  'base-url': { type: 'string', value: 'URL', description: 'where the vendor answers, http(s), no credentials in it' },
  auth: { type: 'string', multiple: true, value: 'SCHEME=VALUE', description: 'a credential for one of the document\'s securitySchemes; VALUE env:VAR reads it from a variable' },
  fixture: { type: 'string', multiple: true, value: 'NAME=VALUE', description: 'a value for a path or query parameter the cases need, such as an existing id' },
  header: { type: 'string', multiple: true, value: 'NAME=VALUE', description: 'a header sent with every request' },
  vendor: { type: 'string', value: 'NAME', description: 'the vendor\'s name (default: from the document\'s file name or title)' },
  out: { type: 'string', value: 'DIR', description: 'where the audit is written (default: reports/audit/NAME)' },
  'allow-unsafe': { type: 'boolean', description: 'also send the requests that could change the vendor\'s data (POST, PUT, PATCH, DELETE)' },
  compare: { type: 'string', multiple: true, value: 'DIR DIR...', description: 'put stored audits side by side instead of auditing (no target needed)' },
} as const satisfies Record<string, OptionDeclaration>;

/** The flags `conform init` takes: audit's target flags (an audit's command line works as is), and --force. */
const { compare: _compare, ...TARGET_OPTIONS } = AUDIT_OPTIONS;
export const INIT_OPTIONS = {
  ...TARGET_OPTIONS,
  out: { ...AUDIT_OPTIONS.out, description: 'accepted as conform audit takes it; a vendor file has no output folder' },
  'allow-unsafe': { ...AUDIT_OPTIONS['allow-unsafe'], description: 'accepted as conform audit takes it; runs of the vendor file send safe methods only' },
  force: { type: 'boolean', description: 'replace an existing vendors/NAME.yaml' },
} as const satisfies Record<string, OptionDeclaration>;

const OPTIONS_OF = { audit: AUDIT_OPTIONS, init: INIT_OPTIONS } as const;

type SingleFlag = 'base-url' | 'out' | 'vendor';
type RepeatedFlag = 'spec' | 'auth' | 'fixture' | 'header';
// The names and the base URL are checked by the pipeline's rules (runAudit holds the library's audit() to them too).
export { VENDOR_NAME };
const VARIABLE = /^[A-Z][A-Z0-9_]*$/;
// OpenAPI's rule for component names: a securitySchemes key always matches it.
const SCHEME_NAME = /^[A-Za-z0-9._-]+$/;
// File names that say nothing about the vendor: the title names it instead.
const GENERIC_STEMS = new Set(['openapi', 'swagger', 'spec', 'specs', 'api', 'schema', 'index', 'document', 'definition']);

/**
 * The shared flags of `conform audit` and `conform init`. Any mistake is a UsageError of one line
 * that never holds a value given on the command line (a credential may be anywhere in it): flags and
 * names only.
 */
export function parseAuditFlags(argv: string[], env: Env, context: AuditFlagsContext = { command: 'audit', cwd: process.cwd() }): AuditFlags {
  const fail = (message: string): never => {
    throw new UsageError(`conform ${context.command}: ${message}`);
  };
  const declared: Readonly<Record<string, OptionDeclaration>> = OPTIONS_OF[context.command];
  const single: Partial<Record<SingleFlag, string>> = {};
  const repeated: Record<RepeatedFlag, string[]> = { spec: [], auth: [], fixture: [], header: [] };
  const compare: string[] = [];
  let allowUnsafe = false;
  let force = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) fail(`unexpected argument at position ${i + 1}: every value follows its flag`);
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq === -1 ? null : arg.slice(eq + 1);
    const valueOf = (): string => {
      if (inline !== null) return inline || fail(`--${flag} needs a value`);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--') || next === '') return fail(`--${flag} needs a value`);
      i++;
      return next;
    };
    const option = Object.hasOwn(declared, flag) ? declared[flag]! : null;
    if (option === null) {
      const other = context.command === 'init' ? 'audit' : 'init';
      if (Object.hasOwn(OPTIONS_OF[other], flag)) fail(`--${flag} is for conform ${other}`);
      // The flag's name only, and only when it looks like one: `--sk_live_...` is not echoed.
      fail(`unknown flag ${/^[a-z][a-z-]{0,30}$/.test(flag) ? `--${flag}` : '(not shown)'}; ${helpHint(context.command)}`);
    } else if (option.type === 'boolean') {
      if (inline !== null) fail(`--${flag} takes no value`);
      if (flag === 'force') force = true;
      else allowUnsafe = true;
    } else if (flag === 'compare') {
      if (inline !== null) compare.push(inline || fail('--compare needs a folder'));
      while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) compare.push(argv[++i]!);
      if (compare.length === 0) fail('--compare needs a folder');
    } else if (option.multiple) {
      repeated[flag as RepeatedFlag].push(valueOf());
    } else {
      const name = flag as SingleFlag;
      if (single[name] !== undefined) fail(`--${flag} is given twice`);
      single[name] = valueOf();
    }
  }

  if (compare.length === 1) fail('--compare needs two folders: --compare DIR DIR');
  const comparing = compare.length > 0;
  if (repeated.spec.length === 0 && !comparing) fail('--spec FILE is required');
  if (single['base-url'] === undefined && !comparing) fail('--base-url URL is required');

  const auth = repeated.auth.map((text) => authFlag(text, env, fail));
  const twice = auth.find((a, i) => auth.findIndex((b) => b.scheme === a.scheme) !== i);
  if (twice) fail(`--auth ${twice.scheme} is given twice`);
  const vendor = single.vendor !== undefined
    ? (VENDOR_NAME.test(single.vendor) ? single.vendor : fail('--vendor must be a letter then lower-case letters, digits and -, at most 40'))
    : repeated.spec.length > 0 ? vendorNameOf(repeated.spec[0]!, context.cwd) ?? fail(`cannot name the vendor from ${repeated.spec[0]}: give --vendor NAME`) : null;
  return {
    specs: repeated.spec,
    baseUrl: single['base-url'] === undefined ? null : baseUrlOf(single['base-url'], fail),
    auth,
    fixtures: repeated.fixture.map((text) => namedValue('--fixture', text, FIXTURE_NAME, fail)),
    headers: repeated.header.map((text) => namedValue('--header', text, HEADER_NAME, fail)),
    vendor,
    out: single.out ?? (vendor === null ? null : `reports/audit/${vendor}`),
    allowUnsafe,
    compare,
    force,
  };
}

/** SCHEME=VALUE, the value read from the environment for `env:VAR`. */
function authFlag(text: string, env: Env, fail: (message: string) => never): AuthFlag {
  const { name: scheme, value } = namedValue('--auth', text, SCHEME_NAME, fail);
  if (!value.startsWith('env:')) return { scheme, credential: value, variable: null };
  const variable = value.slice('env:'.length);
  if (!VARIABLE.test(variable)) fail(`--auth ${scheme}: env: must name a variable of capitals, digits and _ (e.g. env:ACME_API_KEY)`);
  const credential = optional(env, variable) ?? fail(`--auth ${scheme}: ${variable} is not set`);
  return { scheme, credential, variable };
}

/** NAME=VALUE; what is wrong names the flag, and the name only when it is a well-formed one. */
function namedValue(flag: string, text: string, name: RegExp, fail: (message: string) => never): NamedValue {
  const eq = text.indexOf('=');
  if (eq === -1) fail(`${flag} takes NAME=VALUE`);
  const [key, value] = [text.slice(0, eq), text.slice(eq + 1)];
  if (!name.test(key)) fail(`${flag} takes NAME=VALUE, and its NAME is not a valid name`);
  if (value === '') fail(`${flag} ${key}: the value is empty`);
  return { name: key, value };
}

/** The base URL as runs use it; never echoed, since a mistyped one may hold a credential. */
function baseUrlOf(text: string, fail: (message: string) => never): string {
  const problem = baseUrlProblem(text);
  if (problem) fail(`--base-url ${problem}${problem.includes('credentials') ? '; give them with --auth' : ''}`);
  return new URL(text).href.replace(/\/+$/, '');
}

/**
 * The vendor's name from the document's file name (specs/acme.yaml), or, when that says nothing
 * (openapi.yaml, 2026-01.yaml), from its info.title ("Acme Wallets API" -> acme-wallets).
 */
function vendorNameOf(spec: string, cwd: string): string | null {
  const stem = kebab(basename(spec).replace(/\.(ya?ml|json)$/i, ''));
  if (stem && !GENERIC_STEMS.has(stem) && !/^v\d/.test(stem)) return stem;
  const title = titleOf(resolve(cwd, spec));
  const name = title === null ? '' : kebab(title.slice(0, 200)).replace(/(-open)?-api$/, '');
  return VENDOR_NAME.test(name) ? name : null;
}

function titleOf(path: string): string | null {
  try {
    // A vendor's document: a regular file of bounded size, aliases bounded, before it is parsed.
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > MAX_DOCUMENT_BYTES) return null;
    const document = parse(readFileSync(path, 'utf8'), { maxAliasCount: 100 }) as { info?: { title?: unknown } } | null;
    return typeof document?.info?.title === 'string' ? document.info.title : null;
  } catch {
    return null;
  }
}

/** Lower-kebab, starting with a letter, at most 40 characters; '' when nothing is left. */
function kebab(text: string): string {
  const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  while (words.length > 0 && !/^[a-z]/.test(words[0]!)) words.shift();
  return words.join('-').slice(0, 40).replace(/-$/, '');
}
