import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/index.ts';
import { inconclusiveThresholdFrom, type JudgementPolicy } from '../judge/index.ts';
import { redactCaseResults, redactStrings, redactText } from '../redaction/index.ts';
import { auditHtml, auditMarkdown, buildAudit, jsonFile, outcomeCounts, type AuditInput, type AuditReport } from '../report/index.ts';
import type { CaseResult } from '../results/index.ts';
import { deriveCases, httpOptions, openRuntime, runCase, severityOverrides, targetAuth, targetSecretForms, type DerivedCase } from '../run/index.ts';
import { loadSpec, securitySchemesOf, type LoadedSpec } from '../spec/index.ts';
import { chosenScheme, commandLineProduction, ConfigError, displayUrl, invalidCredentialFor, loadVendors, NO_LIMITS, type AuthScheme, type Env, type VendorTarget } from '../vendors/index.ts';
import { NO_MONEY, recognitions, type VendorMoney } from '../checks/index.ts';
import { withCrossResponseFindings } from './cross-response.ts';
import { judgeRun } from './judge-run.ts';

/** What `conform audit` audits: a vendor's documents and base URL, as its flags give them. No vendor file. */
export interface AuditRequest {
  vendor: string;
  specs: string[];
  baseUrl: string;
  /** The credential and the securitySchemes name it goes by; null: the audit sends none. */
  auth: { scheme: string; credential: string } | null;
  /** By parameter name (`wallet_id`). */
  fixtures: Record<string, string>;
  headers: Record<string, string>;
  allowUnsafe: boolean;
}

export interface AuditOptions {
  cwd: string;
  env: Env;
  /** The folder audit.json, audit.md and audit.html are written to. */
  out: string;
  print: (line: string) => void;
}

export interface AuditOutcome {
  exitCode: number;
  audit: AuditReport;
}

export const AUDIT_FILES = ['audit.json', 'audit.md', 'audit.html'] as const;

/** A vendor's name: it names folders and files (reports/audit/NAME), so nothing that could climb out of one. */
export const VENDOR_NAME = /^[a-z][a-z0-9-]{0,39}$/;
export const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
export const FIXTURE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** What is wrong with a base URL, without echoing it (a mistyped one may hold a credential); null when nothing is. */
export function baseUrlProblem(text: string): string | null {
  if (!URL.canParse(text)) return 'is not a URL (expected e.g. https://api.example.com/v1)';
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not contain credentials (user:password@)';
  if (url.search || url.hash) return 'must not contain a query or fragment';
  return null;
}

/** What `conform audit`'s flags and the library's audit() options are both held to, before anything is read or sent. */
function requestProblem(request: AuditRequest): string | null {
  if (!VENDOR_NAME.test(request.vendor)) return 'vendor must be a letter then lower-case letters, digits and -, at most 40';
  const baseUrl = baseUrlProblem(request.baseUrl);
  if (baseUrl) return `baseUrl ${baseUrl}`;
  // Names only: a value may be a credential.
  if (!Object.keys(request.headers).every((name) => HEADER_NAME.test(name))) return 'a header name is not a valid name';
  if (!Object.keys(request.fixtures).every((name) => FIXTURE_NAME.test(name))) return 'a fixture name is not a valid name';
  return null;
}

/**
 * The onboarding audit: the documents linted, the cases derived from them run against the base URL
 * with every check, judged with no baseline and no waivers (a first look has no history), and the
 * audit written with its scorecard. A request that breaks the rules above (a vendor name that is not one, a base URL with
 * credentials or a query), a document that cannot be loaded, or a scheme the documents lack, throws
 * (ConfigError, SpecLoadError) before any request.
 */
export async function runAudit(request: AuditRequest, options: AuditOptions): Promise<AuditOutcome> {
  const problem = requestProblem(request);
  if (problem) throw new ConfigError('audit', problem);
  const startedAt = new Date().toISOString();
  const specs = await Promise.all(request.specs.map((file) => loadSpec(file, { cwd: options.cwd, vendor: request.vendor })));
  const vendors = loadVendors(options.cwd);
  // A host or key any vendor file calls production is refused here, and else gets GET and HEAD only.
  const production = commandLineProduction(options.env, request.baseUrl, request.auth?.credential ?? null, vendors);
  // A vendor with a file of its own is audited within its live limits...
  const known = vendors.find((vendor) => vendor.name === request.vendor);
  const limits = known?.liveLimits ?? NO_LIMITS;
  // ... and held to the money rules of its file.
  const target = { ...auditTarget(request, specs), production, limits, money: known?.money ?? NO_MONEY };
  // A credential or token URL the scheme cannot use stops the audit here, before any request.
  targetAuth(target);
  const secrets = targetSecretForms([target]);
  const print = (line: string) => options.print(redactText(line, secrets));
  const { cases, coverage } = deriveCases({
    specs,
    fixtures: request.fixtures,
    securityNamed: request.auth !== null,
    limitedCredential: false,
    allowUnsafe: request.allowUnsafe,
  });
  const secured = cases.find((c) => c.credential === 'none');
  // Without a credential every secured case would be the vendor's correct 401, blamed on it.
  if (!request.auth && secured) throw new ConfigError('--auth', `${secured.operation} requires credentials (securitySchemes: ${[...securitySchemesOf(specs).keys()].join(', ')}): give --auth SCHEME=VALUE (or SCHEME=env:VAR)`);
  print(`audit ${request.vendor}: ${cases.length} cases derived for ${coverage.filter((c) => c.state === 'exercised').length} of ${coverage.length} operations, against ${displayUrl(request.baseUrl)}`);
  const raw = await runCases({ ...target, cases }, specs, options);
  // From here on nothing holds a credential or a token: the runtime redacted its own tokens already.
  const results = withCrossResponseFindings(redactCaseResults(raw, secrets), () => target.money.identities);
  const judged = judgeRun(
    [{ target, baseline: null, results, specDefects: redactStrings(specs.flatMap((spec) => spec.defects), secrets) }],
    auditPolicy(options.env),
    { startedAt, problems: [] },
  );
  const report = judged.reports[0]!;
  // The same coverage shape as a run's reports; an audit's fixtures come from --fixture, not from variables.
  const operations = coverage.map((entry) => ({ ...entry, missingFixtures: entry.missingFixtures.map((fixture) => ({ fixture, variable: null })) }));
  const audit = buildAudit({ report, exitCode: judged.exitCode, coverage: operations, cases: caseFacts(cases), operations: errorSchemas(specs), money: moneyReach(target.money, specs) });
  await mkdir(options.out, { recursive: true });
  const texts = { 'audit.json': jsonFile(audit), 'audit.md': auditMarkdown(audit), 'audit.html': auditHtml(audit) };
  for (const file of AUDIT_FILES) await writeFileAtomically(join(options.out, file), texts[file], secrets);
  for (const line of unreachedLines(request.vendor, request.baseUrl, results)) print(line);
  const { scorecard } = audit;
  print(`grade ${scorecard.grade ?? 'n/a'} (score ${scorecard.weightedScore ?? 'n/a'}), verdict ${report.verdict}: ${outcomeCounts(report.outcomes)}; findings: ${report.counts.breaking} breaking, ${report.counts.warning} warning, ${report.counts.info} info; ${report.specDefects.length} document defects`);
  return { exitCode: judged.exitCode, audit };
}

/** The vendor as a target: live at the base URL, authenticating by the scheme the flags name. */
function auditTarget(request: AuditRequest, specs: readonly LoadedSpec[]): VendorTarget {
  const auth = auditScheme(request, specs);
  const credential = request.auth?.credential ?? null;
  return {
    vendor: request.vendor,
    mode: 'live',
    scenario: null,
    baseUrl: request.baseUrl,
    production: false,
    credentials: { valid: credential, limited: null },
    fixtures: request.fixtures,
    headers: request.headers,
    specs: request.specs,
    auth,
    invalidCredential: invalidCredentialFor(auth, credential),
    nonPersonal: [],
    fixtureVariables: {},
    cases: [],
    limits: NO_LIMITS,
    money: NO_MONEY,
  };
}

function auditScheme(request: AuditRequest, specs: readonly LoadedSpec[]): AuthScheme {
  const chosen = chosenScheme(securitySchemesOf(specs), request.auth?.scheme ?? null);
  if ('scheme' in chosen) return chosen.scheme;
  if (request.auth) throw new ConfigError('--auth', chosen.problem);
  // No credential is sent: the scheme only shapes the invalid credential, which is never sent either.
  return { name: 'none', type: 'http-bearer' };
}

async function runCases(target: VendorTarget, specs: LoadedSpec[], options: AuditOptions): Promise<CaseResult[]> {
  // CONFORM_CONCURRENCY and the timeouts as for a run; 4 in flight unless said otherwise.
  const http = httpOptions(options.env);
  const runtime = await openRuntime(target, { cwd: options.cwd, http: { ...http, concurrency: http.concurrency ?? 4 }, specs });
  try {
    return await Promise.all(target.cases.map((suiteCase) => runCase(runtime, suiteCase)));
  } finally {
    await runtime.client.close();
  }
}

function auditPolicy(env: Env): JudgementPolicy {
  return { waivers: [], inconclusiveThreshold: inconclusiveThresholdFrom(env), severity: severityOverrides(env), baselinesDir: '' };
}

function caseFacts(cases: readonly DerivedCase[]): Parameters<typeof buildAudit>[0]['cases'] {
  return Object.fromEntries(cases.map((c) => [c.name, { credential: c.credential ?? 'valid', expected: c.expectStatus }]));
}

/** The operations a money rule reaches: any rule of the vendor file's, or a ledger shape recognised in a document (listed, so the audit shows why). */
function moneyReach(money: VendorMoney, specs: readonly LoadedSpec[]): AuditInput['money'] {
  const found = specs.flatMap(recognitions);
  const recognised = [...new Map(found.map((r) => [JSON.stringify([r.operation, r.kind, r.at]), r])).values()];
  const declared = Object.entries(money.operations).filter(([, rules]) => Object.values(rules).some((list) => list.length > 0)).map(([operation]) => operation);
  const identities = money.identities.flatMap((rule) => rule.entries.map((entry) => entry.operation));
  return { operations: [...new Set([...declared, ...identities, ...recognised.map((r) => r.operation)])], recognitions: recognised };
}

/** Every operation of the documents (the first document that has it), and whether it documents an error body with a schema. */
function errorSchemas(specs: readonly LoadedSpec[]): Array<{ operation: string; errorSchema: boolean }> {
  const seen = new Map<string, boolean>();
  for (const operation of specs.flatMap((spec) => spec.operations)) {
    if (seen.has(operation.key)) continue;
    const errors = operation.responses.filter((r) => /^4/.test(r.statusKey) || r.statusKey === 'default');
    seen.set(operation.key, errors.some((r) => r.content.some((media) => media.schemaPointer !== null)));
  }
  return [...seen].map(([operation, errorSchema]) => ({ operation, errorSchema }));
}

/**
 * Why cases could not be tried, once per reason: a token endpoint that gave no token (its URL, never a
 * credential), and when no case reached the vendor at all, the URL and the transport error.
 */
function unreachedLines(vendor: string, baseUrl: string, results: readonly CaseResult[]): string[] {
  const attempted = results.filter((r) => r.outcome !== 'skipped');
  const failed = attempted.filter((r) => r.outcome === 'transport-error');
  const noToken = failed.filter((r) => r.transportCode === 'NO_TOKEN').map((r) => r.reason!.replace(/^NO_TOKEN: /, ''));
  const nothingTried = attempted.length > 0 && failed.length === attempted.length ? failed.map((r) => `${vendor}: nothing could be tried at ${displayUrl(baseUrl)}: ${r.reason}`) : [];
  return [...new Set([...noToken, ...nothingTried])];
}
