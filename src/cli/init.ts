import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Document } from 'yaml';
import { withScratchFolder, writeFileAtomically } from '../files/index.ts';
import { secretForms } from '../redaction/index.ts';
import { loadSpec } from '../spec/index.ts';
import { loadVendorFile, VendorFileError, VENDORS_DIR } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import { parseAuditFlags, type AuditFlags, type AuthFlag } from './audit-flags.ts';
import type { Command } from './io.ts';
import { UsageError } from './usage-error.ts';

/** What the user must do about a variable before a live run, printed after the file is written. */
interface ToSet {
  variable: string;
  why: string;
}

/**
 * `conform init`: the vendor file (vendors/NAME.yaml) for the flags `conform audit` takes. It holds
 * variables, never a value given for a credential; it is loaded by the vendor loader before it lands,
 * so a file init writes is always one conform accepts.
 */
export const initCommand: Command = async (args, io) => {
  const flags = parseAuditFlags(args, io.env, { command: 'init', cwd: io.cwd });
  if (flags.compare.length > 0) fail('--compare is for conform audit');
  if (flags.auth.length > 1) fail(`a vendor file holds one credential: give one --auth (got ${flags.auth.length})`);
  const name = flags.vendor!;
  const file = `${VENDORS_DIR}/${name}.yaml`;
  const target = join(io.cwd, file);
  if (existsSync(target) && !flags.force) fail(`${file} exists; --force replaces it`);

  const specs = flags.specs.map((spec) => insideCwd(spec, io.cwd));
  const schemes = await securitySchemes(specs, io.cwd);
  const { text, toSet } = vendorFileText(name, specs, flags, chosenAuth(flags.auth[0], schemes, name));
  const secrets = secretForms([...flags.auth.map((a) => a.credential), ...flags.headers.filter((h) => sensitiveHeader(h.name)).map((h) => h.value)]);
  // Redacting would corrupt the file (a secret that is also a name or a value): it is refused instead.
  if (secrets.some((form) => text.includes(form))) fail('the file would hold a credential (a --fixture, --header or --base-url value, or a name, equal to it); init writes none');

  // Loaded from a folder beside its place first: a file the loader refuses never lands.
  await withScratchFolder(target, async (folder) => {
    const staged = await writeFileAtomically(join(folder, `${name}.yaml`), text, secrets);
    try {
      loadVendorFile(io.cwd, relative(io.cwd, staged));
    } catch (error) {
      if (!(error instanceof VendorFileError)) throw error;
      fail(`${file} would not load: line ${error.line}: ${error.message.slice(error.message.indexOf(': ') + 2)}`);
    }
  });
  await writeFileAtomically(target, text, secrets);

  io.stdout(`wrote ${file}\n`);
  // The credential's variable at least: a vendor file always reads one.
  io.stdout(`set before a live run (in the environment or .env):\n${toSet.map((s) => `  ${s.variable}: ${s.why}\n`).join('')}`);
  return EXIT.pass;
};

function fail(message: string): never {
  throw new UsageError(`conform init: ${message}`);
}

/** The spec's path relative to cwd (forward slashes, as vendor files write it); refused outside cwd, links followed. */
function insideCwd(spec: string, cwd: string): string {
  let real: string;
  try {
    real = realpathSync(resolve(cwd, spec));
  } catch {
    return fail(`--spec ${spec} cannot be read`);
  }
  const inside = relative(realpathSync(cwd), real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) fail(`--spec ${spec} is outside the working directory; a vendor file reads documents inside it only`);
  return relative(cwd, resolve(cwd, spec)).split(sep).join('/');
}

type DeclaredScheme = Record<string, unknown>;

/** The documents' securitySchemes by name, the first document's declaration winning. */
async function securitySchemes(specs: readonly string[], cwd: string): Promise<Map<string, DeclaredScheme>> {
  const schemes = new Map<string, DeclaredScheme>();
  for (const spec of specs) {
    const { document } = await loadSpec(spec, { cwd });
    const declared = (document.components as { securitySchemes?: Record<string, unknown> } | undefined)?.securitySchemes ?? {};
    for (const [key, value] of Object.entries(declared)) {
      if (!schemes.has(key) && value !== null && typeof value === 'object') schemes.set(key, value as DeclaredScheme);
    }
  }
  return schemes;
}

/** The scheme the file authenticates with: the one --auth names, else the documents' only one. */
interface ChosenAuth {
  scheme: string;
  declared: DeclaredScheme;
  variable: string;
  given: AuthFlag | null;
}

function chosenAuth(given: AuthFlag | undefined, schemes: Map<string, DeclaredScheme>, vendor: string): ChosenAuth {
  const known = [...schemes.keys()];
  const scheme = given?.scheme ?? (known.length === 1 ? known[0]! : fail(`the documents declare ${known.length ? `several securitySchemes (${known.join(', ')})` : 'no securitySchemes'}: name one with --auth SCHEME=VALUE`));
  const declared = schemes.get(scheme) ?? fail(`--auth ${scheme}: not in the documents' securitySchemes (${known.length ? known.join(', ') : 'they declare none'})`);
  return { scheme, declared, variable: given?.variable ?? variableFor(prefixOf(vendor), scheme), given: given ?? null };
}

/** The file's text and the variables to set, from the flags. */
function vendorFileText(name: string, specs: string[], flags: AuditFlags, auth: ChosenAuth): { text: string; toSet: ToSet[] } {
  const prefix = prefixOf(name);
  const variables: Record<string, string> = {};
  const toSet: ToSet[] = [];
  const claim = (variable: string, meaning: string) => {
    if (Object.hasOwn(variables, variable)) fail(`two values would be read from ${variable}; rename a --fixture or --header`);
    variables[variable] = meaning;
  };

  claim(auth.variable, `${credentialMeaning(auth.declared)} for ${auth.scheme}; setting it runs ${name} live`);
  toSet.push({
    variable: auth.variable,
    why: auth.given === null ? `the credential for ${auth.scheme}` : auth.given.variable === null ? `put the credential you gave with --auth ${auth.scheme} in it` : `already read by --auth ${auth.scheme}=env:${auth.variable}`,
  });
  const baseVariable = `${prefix}_BASE_URL`;
  claim(baseVariable, `the ${name} API (default ${flags.baseUrl})`);

  const headers: Record<string, string> = {};
  for (const { name: header, value } of flags.headers) {
    const variable = variableFor(prefix, header);
    if (sensitiveHeader(header)) {
      // A header that carries a secret is read like the credential: its value never enters the file.
      claim(variable, `sent as ${header}`);
      headers[header] = `\${${variable}}`;
      toSet.push({ variable, why: `put the value you gave with --header ${header} in it` });
    } else {
      claim(variable, `sent as ${header} (default ${value})`);
      headers[header] = defaulted(variable, value, `--header ${header}`);
    }
  }
  const fixtures: Record<string, { value: string; parameter?: string }> = {};
  for (const { name: parameter, value } of flags.fixtures) {
    const key = fixtureKey(parameter);
    if (Object.hasOwn(fixtures, key)) fail(`--fixture ${parameter} is given twice`);
    const variable = variableFor(prefix, key);
    claim(variable, `fills the parameter ${parameter} (default ${value})`);
    fixtures[key] = key === parameter ? { value: defaulted(variable, value, `--fixture ${parameter}`) } : { value: defaulted(variable, value, `--fixture ${parameter}`), parameter };
  }

  const content = {
    name,
    specs,
    live: { when: auth.variable, baseUrl: defaulted(baseVariable, flags.baseUrl!, '--base-url') },
    auth: { [auth.scheme]: { valid: `\${${auth.variable}}`, invalid: invalidCredential(auth.declared, auth.given?.credential ?? null) } },
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(Object.keys(fixtures).length > 0 ? { fixtures } : {}),
    variables,
  };
  const document = new Document(content);
  document.commentBefore = ' yaml-language-server: $schema=../schemas/vendor.schema.json\n Written by conform init. No cases: conform derives them from the documents (docs/adding-a-vendor.md).';
  return { text: document.toString({ lineWidth: 0 }), toSet };
}

/** `${VAR:-value}`; a value holding `}` would end the placeholder early, so it is refused. */
function defaulted(variable: string, value: string, flag: string): string {
  if (value.includes('}')) fail(`${flag}: a value with } cannot be written as a default; set ${variable} instead`);
  return `\${${variable}:-${value}}`;
}

/**
 * A credential the vendor cannot know, in the shape the scheme sends: client_id:client_secret for
 * oauth2, user:password for basic when one was given so, a JWT when the credential is one, else an
 * opaque key. Its length follows the given credential's (bounded), since vendors often check it
 * before they look the key up. Nothing of the credential's text is kept.
 */
function invalidCredential(declared: DeclaredScheme, given: string | null): string {
  const opaque = (length: number) => 'conform_invalid_'.padEnd(Math.min(Math.max(length, 24), 128), '0');
  if (declared.type === 'oauth2') return 'conform-invalid-client:conform_invalid_secret_0000000000';
  if (given === null) return opaque(32);
  if (String(declared.scheme).toLowerCase() === 'basic' && given.includes(':')) return 'conform-invalid:conform_invalid_password_00000000';
  if (given.startsWith('eyJ') && given.split('.').length === 3) return 'eyJhbGciOiJIUzI1NiJ9.conform-invalid.0000';
  return opaque(given.length);
}

function credentialMeaning(declared: DeclaredScheme): string {
  if (declared.type === 'oauth2') return 'client_id:client_secret';
  if (declared.type === 'apiKey') return `API key (${String(declared.in)} ${String(declared.name)})`;
  if (String(declared.scheme).toLowerCase() === 'basic') return 'user:password (or a key alone, as user name)';
  return 'bearer token';
}

// Header names that say they carry a secret.
const SENSITIVE_HEADER = /authorization|cookie|key|token|secret|password|signature|session/i;

function sensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
}

/** A fixture is keyed by its parameter's name when that is a valid key, else by its camelCase (organization-id -> organizationId). */
function fixtureKey(parameter: string): string {
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(parameter)) return parameter;
  const words = parameter.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const key = words.map((word, i) => (i === 0 ? word : word[0]!.toUpperCase() + word.slice(1))).join('');
  return /^[A-Za-z]/.test(key) ? key : `p${key}`;
}

/** ACME_WALLETS for acme-wallets. */
function prefixOf(vendor: string): string {
  return vendor.toUpperCase().replaceAll('-', '_');
}

/** ACME_VERSION for Acme-Version, not ACME_ACME_VERSION: a name that already says the vendor keeps it once. */
function variableFor(prefix: string, name: string): string {
  const snake = upperSnake(name);
  return snake.startsWith(`${prefix}_`) ? snake : `${prefix}_${snake}`;
}

/** WALLET_KEY for walletKey, X_ACME_KEY for X-Acme-Key. */
function upperSnake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toUpperCase();
}
