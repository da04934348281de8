import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { authSchemeOf } from '../http/index.ts';
import { documentFacts, type DocumentFacts } from './document-facts.ts';
import { VendorFileError } from './file-error.ts';
import { liveTargetOf } from './live.ts';
import { vendorMoney } from './money.ts';
import { parseValue, variableOf, type FileValue } from './placeholder.ts';
import type { AuthScheme, SuiteCase, VendorDefinition, VendorUpstream } from './types.ts';
import { checkedUpstream } from './upstream.ts';
import type { VendorFile } from './vendor-file.ts';
import { vendorSchemaViolations } from './vendor-schema.ts';
import { YamlLines } from './yaml-lines.ts';

/** Where vendor files live, relative to the working directory. */
export const VENDORS_DIR = 'vendors';

const loaded = new Map<string, readonly VendorDefinition[]>();

/**
 * Every vendor of the working directory (vendors/*.yaml), validated, in run order (`order`, then name).
 * Read once per directory: it is the run's configuration, checked whole before any request.
 */
export function loadVendors(cwd: string): readonly VendorDefinition[] {
  let vendors = loaded.get(cwd);
  if (!vendors) {
    vendors = vendorFiles(cwd)
      .map((file) => loadVendorFile(cwd, file))
      .sort((a, b) => a.order - b.order || a.definition.name.localeCompare(b.definition.name))
      .map((v) => v.definition);
    loaded.set(cwd, vendors);
  }
  return vendors;
}

function vendorFiles(cwd: string): string[] {
  try {
    return readdirSync(join(cwd, VENDORS_DIR)).filter((name) => /^[a-z][a-z0-9-]*\.ya?ml$/.test(name)).sort().map((name) => `${VENDORS_DIR}/${name}`);
  } catch {
    return [];
  }
}

/** One vendor file (`file` relative to cwd), or a VendorFileError on its first mistake. */
export function loadVendorFile(cwd: string, file: string): { definition: VendorDefinition; order: number } {
  const lines = new LineCounter();
  let text: string;
  try {
    text = readFileSync(join(cwd, file), 'utf8');
  } catch (error) {
    throw new VendorFileError(file, 1, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const [syntax] = document.errors;
  if (syntax) throw new VendorFileError(file, syntax.linePos?.[0].line ?? 1, syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
  const at = new YamlLines(document, lines);
  const fail = (path: readonly (string | number)[], message: string, key?: string): never => {
    throw new VendorFileError(file, at.of(path, key), message);
  };
  let content: unknown;
  try {
    content = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias bomb (or an alias to nothing) is refused by the parser: one located line, never a stack trace.
    throw new VendorFileError(file, 1, (error as Error).message.split('\n')[0]!);
  }
  const [violation] = vendorSchemaViolations(content);
  if (violation) fail(YamlLines.segments(violation.pointer), violation.message, violation.key ?? undefined);
  const vendor = content as VendorFile;

  const expectedName = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (vendor.name !== expectedName) fail(['name'], `name "${vendor.name}" must match the file name ("${expectedName}")`);
  // Every variable the file reads is listed with its meaning: the docs and the config check rely on it.
  const listed = (path: readonly (string | number)[], variable: string) => {
    if (!Object.hasOwn(vendor.variables, variable)) fail(path, `${variable} is read here but not listed under variables (with its meaning)`);
  };
  const value = (path: readonly (string | number)[], text: string): FileValue => {
    const parsed = parseValue(text);
    if (typeof parsed === 'string') return fail(path, parsed);
    if ('variable' in parsed) listed(path, parsed.variable);
    return parsed;
  };
  listed(['live', 'when'], vendor.live.when);
  const facts = documentFacts(cwd, vendor.specs);
  const [schemeName, credential] = Object.entries(vendor.auth)[0]!;
  const auth = authScheme(schemeName, credential, facts, (message) => fail(['auth', schemeName], message, schemeName));
  const fixtureParameters: Record<string, string> = {};
  for (const [name, fixture] of Object.entries(vendor.fixtures ?? {})) {
    const parameter = fixture.parameter ?? name;
    const known = [...facts.operations.values()].some((names) => names.has(parameter));
    if (!known && facts.complete) fail(['fixtures', name], `fixture "${name}" fills parameter "${parameter}", which no operation of ${vendor.specs.join(', ')} has`, name);
    fixtureParameters[name] = parameter;
  }
  const cases = (vendor.cases ?? []).map((suiteCase, index) => checkedCase(suiteCase, facts, fixtureParameters, (message) => fail(['cases', index], message)));
  const duplicate = cases.findIndex((c, i) => cases.findIndex((d) => d.name === c.name) !== i);
  if (duplicate !== -1) fail(['cases', duplicate, 'name'], `case name "${cases[duplicate]!.name}" is used twice`);
  for (const key of ['include', 'exclude'] as const) {
    (vendor.operations?.[key] ?? []).forEach((operation, index) => {
      if (facts.complete && !facts.operations.has(operation)) fail(['operations', key, index], `operation "${operation}" is not in ${vendor.specs.join(', ')}`);
    });
  }

  // A credential in the file would be committed with it: it must come from a variable.
  for (const use of ['valid', 'limited'] as const) {
    const given = credential[use];
    if (typeof given === 'string' && !given.includes('${')) fail(['auth', schemeName, use], `the ${use} credential must come from a variable (\${NAME}), never be written in the file`);
  }
  const live = {
    when: vendor.live.when,
    baseUrl: { value: value(['live', 'baseUrl'], vendor.live.baseUrl), line: at.of(['live', 'baseUrl']) },
    valid: credential.valid === undefined ? null : { value: value(['auth', schemeName, 'valid'], credential.valid), line: at.of(['auth', schemeName, 'valid']) },
    limited: credential.limited === undefined ? null : { value: value(['auth', schemeName, 'limited'], credential.limited), line: at.of(['auth', schemeName, 'limited']) },
    headers: Object.entries(vendor.headers ?? {}).map(([name, text]) => ({ name: name.toLowerCase(), value: value(['headers', name], text), line: at.of(['headers', name]) })),
    fixtures: Object.entries(vendor.fixtures ?? {}).map(([name, fixture]) => ({ name, value: value(['fixtures', name, 'value'], fixture.value), line: at.of(['fixtures', name, 'value']) })),
    productionHosts: vendor.production?.hosts ?? [],
    credentialPrefixes: vendor.production?.credentialPrefixes ?? [],
  };
  let upstream: VendorUpstream | null = null;
  if (vendor.upstream) {
    const checked = checkedUpstream(vendor.upstream, live.productionHosts);
    upstream = typeof checked === 'string' ? fail(['upstream', 'url'], checked) : checked;
  }
  const definition: VendorDefinition = {
    name: vendor.name,
    file,
    specs: vendor.specs,
    upstream,
    auth,
    invalidCredential: credential.invalid,
    sandboxCredentials: { valid: vendor.sandbox?.credentials?.valid ?? null, limited: vendor.sandbox?.credentials?.limited ?? null },
    variables: vendor.variables,
    nonPersonal: vendor.nonPersonal ?? [],
    cases,
    fixtureParameters,
    fixtureVariables: Object.fromEntries(live.fixtures.flatMap(({ name, value }) => (variableOf(value) ? [[name, variableOf(value)!]] : []))),
    operations: { include: vendor.operations?.include ?? null, exclude: vendor.operations?.exclude ?? [] },
    liveWhen: vendor.live.when,
    liveLimits: { concurrency: vendor.live.concurrency ?? null, rateLimit: vendor.live.rateLimit ?? null },
    production: { hosts: live.productionHosts, credentialPrefixes: live.credentialPrefixes },
    money: vendorMoney(vendor.money, facts, { file, line: (path) => at.of(path), fail }),
    liveTarget: (env) => liveTargetOf(file, live, env),
  };
  return { definition, order: vendor.order ?? Number.MAX_SAFE_INTEGER };
}

type FileCredential = VendorFile['auth'][string];
type VendorFileCase = NonNullable<VendorFile['cases']>[number];

/**
 * The scheme as the document declares it, with what the file adds or overrides (a document that
 * declares none, Midaz 3.7.0, is given its scheme here), read by the one reader of security schemes.
 */
function authScheme(name: string, credential: FileCredential, facts: DocumentFacts, fail: (message: string) => never): AuthScheme {
  const declared = facts.securitySchemes.get(name);
  if (!declared && !credential.type) {
    // A document that could not be read stops the run with its own located error when it is loaded,
    // before any request: until then the scheme stays unknown, and bearer stands in.
    if (!facts.complete) return { name, type: 'http-bearer' };
    const known = [...facts.securitySchemes.keys()];
    fail(`security scheme "${name}" is not in the documents' securitySchemes (${known.length ? known.join(', ') : 'they declare none'}); name one, or give its type here`);
  }
  const base = credential.type && credential.type !== declared?.type ? {} : (declared ?? {});
  const flow = ((base.flows ?? {}) as { clientCredentials?: Record<string, unknown> }).clientCredentials ?? {};
  const read = authSchemeOf({
    ...base,
    ...definedOf({ type: credential.type, scheme: credential.scheme, in: credential.in, name: credential.name }),
    flows: { clientCredentials: { ...flow, ...definedOf({ tokenUrl: credential.tokenUrl }) } },
  });
  if ('problem' in read) return fail(read.problem);
  const { scheme } = read;
  if (scheme.type === 'oauth2-client-credentials' && credential.scopes) return { name, ...scheme, scopes: credential.scopes };
  return { name, ...scheme };
}

function definedOf(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** A case of the file, its operation and fixtures checked against the documents and the file. */
function checkedCase(suiteCase: VendorFileCase, facts: DocumentFacts, fixtures: Record<string, string>, fail: (message: string) => never): SuiteCase {
  const parameters = facts.operations.get(suiteCase.operation);
  if (!parameters && facts.complete) fail(`case "${suiteCase.name}": operation "${suiteCase.operation}" is not in the documents`);
  for (const [parameter, value] of Object.entries(suiteCase.params ?? {})) {
    if (parameters && !parameters.has(parameter)) fail(`case "${suiteCase.name}": ${suiteCase.operation} has no parameter "${parameter}"`);
    if (typeof value === 'object' && !Object.hasOwn(fixtures, value.fixture)) fail(`case "${suiteCase.name}": fixture "${value.fixture}" is not declared under fixtures`);
  }
  return { ...suiteCase, params: suiteCase.params ?? {} };
}
