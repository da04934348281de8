import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Document } from 'yaml';
import { withScratchFolder, writeFileAtomically } from '../files/index.ts';
import { secretForms } from '../redaction/index.ts';
import { mayCarryCredential } from '../http/index.ts';
import { loadSpec, securitySchemesOf } from '../spec/index.ts';
import { chosenScheme, invalidCredentialFor, loadVendorFile, VendorFileError, VENDORS_DIR, type AuthScheme } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import { INIT_OPTIONS, parseAuditFlags, type AuditFlags, type AuthFlag } from './audit-flags.ts';
import type { Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { UsageError } from './usage-error.ts';

/** What the user must do about a variable before a live run, printed after the file is written. */
interface ToSet {
  variable: string;
  why: string;
}

export const initDeclaration = {
  command: 'init',
  usage: '--spec FILE --base-url URL [--auth SCHEME=VALUE] [--fixture NAME=VALUE]... [--header NAME=VALUE]... [--vendor NAME] [--force]',
  options: INIT_OPTIONS,
} as const satisfies CommandDeclaration;

/**
 * `conform init`: the vendor file (vendors/NAME.yaml) for the flags `conform audit` takes. It holds
 * variables, never a value given for a credential; it is loaded by the vendor loader before it lands,
 * so a file init writes is always one conform accepts.
 */
export const initCommand: Command = async (args, io) => {
  const flags = parseAuditFlags(args, io.env, { command: 'init', cwd: io.cwd });
  if (flags.auth.length > 1) fail(`a vendor file holds one credential: give one --auth (got ${flags.auth.length})`);
  const name = flags.vendor!;
  const file = `${VENDORS_DIR}/${name}.yaml`;
  const target = join(io.cwd, file);
  if (existsSync(target) && !flags.force) fail(`${file} exists; --force replaces it`);

  const specs = flags.specs.map((spec) => insideCwd(spec, io.cwd));
  const { text, toSet } = vendorFileText(name, specs, flags, await chosenAuth(flags.auth[0], specs, io.cwd, name));
  const secrets = secretForms([...flags.auth.map((a) => a.credential), ...flags.headers.filter((h) => mayCarryCredential(h.name)).map((h) => h.value)]);
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

/** The scheme the file authenticates with: the one --auth names, else the documents' only one. */
interface ChosenAuth {
  scheme: AuthScheme;
  variable: string;
  given: AuthFlag | null;
}

async function chosenAuth(given: AuthFlag | undefined, specs: readonly string[], cwd: string, vendor: string): Promise<ChosenAuth> {
  const schemes = securitySchemesOf(await Promise.all(specs.map((spec) => loadSpec(spec, { cwd }))));
  const chosen = chosenScheme(schemes, given?.scheme ?? null);
  if ('problem' in chosen) return fail(chosen.problem);
  const { scheme } = chosen;
  return { scheme, variable: given?.variable ?? variableFor(prefixOf(vendor), scheme.name), given: given ?? null };
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

  claim(auth.variable, `${credentialMeaning(auth.scheme)} for ${auth.scheme.name}; setting it runs ${name} live`);
  toSet.push({
    variable: auth.variable,
    why: auth.given === null ? `the credential for ${auth.scheme.name}` : auth.given.variable === null ? `put the credential you gave with --auth ${auth.scheme.name} in it` : `already read by --auth ${auth.scheme.name}=env:${auth.variable}`,
  });
  const baseVariable = `${prefix}_BASE_URL`;
  claim(baseVariable, `the ${name} API (default ${flags.baseUrl})`);

  const headers: Record<string, string> = {};
  for (const { name: header, value } of flags.headers) {
    const variable = variableFor(prefix, header);
    if (mayCarryCredential(header)) {
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
    auth: { [auth.scheme.name]: { valid: `\${${auth.variable}}`, invalid: invalidCredentialFor(auth.scheme, auth.given?.credential ?? null) } },
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

function credentialMeaning(scheme: AuthScheme): string {
  if (scheme.type === 'oauth2-client-credentials') return 'client_id:client_secret';
  if (scheme.type === 'apiKey') return `API key (${scheme.in} ${scheme.parameter})`;
  if (scheme.type === 'http-basic') return 'user:password (or a key alone, as user name)';
  return 'bearer token';
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
