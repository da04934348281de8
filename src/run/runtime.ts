import { checkInspected, inspectResponse, NO_RULES, responseFacts } from '../checks/index.ts';
import { runCheck } from '../findings/index.ts';
import { makeFinding } from '../findings/index.ts';
import { createHttpClient, OAuth2TokenError, resolveSettings, type HttpClient, type HttpClientOptions } from '../http/index.ts';
import { bodyKnowledge, ListedPointers, maskResponse } from '../privacy/index.ts';
import { loadSpec } from '../spec/index.ts';
import type { LoadedSpec, Operation } from '../spec/index.ts';
import { redactCaseResults, secretForms } from '../redaction/index.ts';
import type { VendorTarget } from '../vendors/index.ts';
import { missingCredential, targetAuth, type TargetAuth } from './auth.ts';
import { isFixtureRef, type SuiteCase } from './case.ts';
import { securityNotEnforced } from './checks/security-not-enforced.ts';
import { statusUnexpected } from './checks/status-unexpected.ts';
import type { CaseResult } from '../results/index.ts';

/** What a suite needs to run its cases against one vendor: the target, its documents, one HTTP client. */
export interface SuiteRuntime {
  target: VendorTarget;
  specs: LoadedSpec[];
  client: HttpClient;
  /** How many requests the client sends at once (the vendor's limit or the run's, the smaller). */
  concurrency: number;
  auth: TargetAuth;
  /** The places the vendor file lists as never personal. */
  listed: ListedPointers;
}

/**
 * The target's documents are loaded here unless the caller has them already (`specs`, in target order).
 * Their defects are not looked for again: the run that started this worker reports them.
 */
export async function openRuntime(target: VendorTarget, options: { cwd: string; http?: HttpClientOptions; specs?: LoadedSpec[] }): Promise<SuiteRuntime> {
  const specs = options.specs ?? (await Promise.all(target.specs.map((file) => loadSpec(file, { cwd: options.cwd, vendor: target.vendor, checkExamples: false }))));
  const http = { ...withLimits(options.http ?? {}, target), production: target.production };
  return {
    target,
    specs,
    client: createHttpClient(http),
    concurrency: resolveSettings(http).concurrency,
    auth: targetAuth(target, options.http),
    listed: new ListedPointers(target.nonPersonal),
  };
}

/** The run's HTTP options under the vendor's own limits: the smaller concurrency wins, and its rate limit paces requests. */
function withLimits(http: HttpClientOptions, { limits }: VendorTarget): HttpClientOptions {
  const concurrency = limits.concurrency === null ? http.concurrency : Math.min(limits.concurrency, http.concurrency ?? limits.concurrency);
  return { ...http, concurrency, ...(limits.rateLimit === null ? {} : { ratePerSecond: limits.rateLimit }) };
}

/** The vendor document an operation is checked against: the first (newest) one that has it. */
export function operationFor(runtime: SuiteRuntime, key: string): { spec: LoadedSpec; operation: Operation } {
  for (const spec of runtime.specs) {
    const operation = spec.operations.find((o) => o.key === key);
    if (operation) return { spec, operation };
  }
  throw new Error(`no ${runtime.target.vendor} document has the operation "${key}" (documents: ${runtime.target.specs.join(', ')})`);
}

/**
 * Runs one case: request, every response check, the suite's own checks. Never throws for what the
 * vendor does. What leaves is masked, and free of the oauth2 tokens this worker obtained (which no
 * other process knows to redact).
 */
export async function runCase(runtime: SuiteRuntime, suiteCase: SuiteCase): Promise<CaseResult> {
  const result = await caseResult(runtime, suiteCase);
  const tokens = runtime.auth.secrets();
  return tokens.length === 0 ? result : redactCaseResults([result], secretForms(tokens))[0]!;
}

async function caseResult(runtime: SuiteRuntime, suiteCase: SuiteCase): Promise<CaseResult> {
  const { target } = runtime;
  const { spec, operation } = operationFor(runtime, suiteCase.operation);
  const credential = suiteCase.credential ?? 'valid';
  const startedAt = new Date().toISOString();
  const params = resolveValues(target, suiteCase.params);
  const query = resolveValues(target, suiteCase.query ?? {});
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params.values[name] ?? ''));
  const requestHeaders: Record<string, string> = { accept: 'application/json', ...target.headers };
  const base: CaseResult = {
    vendor: target.vendor,
    mode: target.mode,
    case: suiteCase.name,
    operation: operation.key,
    spec: { file: spec.file, version: spec.version },
    outcome: 'skipped',
    reason: null,
    // The query as the case sent it, without a credential an apiKey scheme adds to it.
    request: { method: operation.method, path, query: queryOf(query.values), headers: requestHeaders, credential },
    response: null,
    expectedStatus: suiteCase.expectStatus,
    providerState: suiteCase.providerState ? suiteCase.providerState.replace(/\{([^}]+)\}/g, (_, name: string) => params.values[name] ?? `{${name}}`) : null,
    startedAt,
    durationMs: 0,
    attempts: 0,
    findings: [],
  };
  const skip = params.missing ?? query.missing ?? missingCredential(target, credential);
  if (skip) return { ...base, reason: skip };
  if (target.production && operation.method !== 'GET' && operation.method !== 'HEAD') return { ...base, reason: `${operation.method} is never sent to a production host` };

  const sent = runtime.auth.send(runtime.client, { method: operation.method, url: target.baseUrl + path + queryOf(query.values), headers: requestHeaders }, credential).catch((error: unknown) => {
    if (!(error instanceof OAuth2TokenError)) throw error;
    return { outcome: 'transport-error' as const, code: 'NO_TOKEN' as const, message: error.message, durationMs: 0, attempts: 0 };
  });
  const exchange = await withinCaseTimeout(sent);
  if (exchange.outcome === 'transport-error') {
    return { ...base, outcome: 'transport-error', transportCode: exchange.code, reason: `${exchange.code}: ${exchange.message}`, durationMs: exchange.durationMs, attempts: exchange.attempts };
  }
  const response = { status: exchange.status, headers: exchange.headers, body: exchange.body, truncated: exchange.truncated };
  const suiteFacts = [
    ...runCheck(statusUnexpected, { expected: suiteCase.expectStatus, actual: exchange.status }),
    ...runCheck(securityNotEnforced, { operation, credential, status: exchange.status }),
  ];
  const semantic = { declared: target.money.operations[operation.key] ?? NO_RULES, currencies: target.money.currencies, params: params.values };
  const inspected = inspectResponse(spec, operation, response, semantic);
  const findings = [
    ...suiteFacts.map((facts) => makeFinding({ ...facts, vendor: target.vendor, operation: operation.key, status: exchange.status })),
    ...checkInspected(inspected, { integrity: true }),
  ];
  // Judged on what the vendor sent; what leaves the worker is masked (src/privacy).
  const facts = responseFacts(inspected);
  const masked = maskResponse(
    { ...response, parsed: inspected.json?.ok ? inspected.json : undefined, findings, branches: facts.branches },
    bodyKnowledge(spec, inspected.media?.schemaPointer ?? null, Object.values(params.values), runtime.listed),
  );
  return {
    ...base,
    outcome: 'answered',
    response: { status: exchange.status, headers: masked.headers, body: masked.body, truncated: exchange.truncated },
    durationMs: exchange.durationMs,
    attempts: exchange.attempts,
    findings: masked.findings,
    derived: { ...facts, branches: masked.branches, json: masked.parsed },
  };
}

/** How long one case's exchange may take: a safety net over the HTTP client's own timeouts and retries. */
const CASE_TIMEOUT_MS = 120_000;

type CaseTimedOut = { outcome: 'transport-error'; code: 'CASE_TIMEOUT'; message: string; durationMs: number; attempts: number };

/**
 * The exchange, or a transport error once the safety net expires: a vendor that connected and then hung
 * is a transport failure after connecting (inconclusive), never a case without a result.
 */
async function withinCaseTimeout<T>(exchange: Promise<T>): Promise<T | CaseTimedOut> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<CaseTimedOut>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'transport-error', code: 'CASE_TIMEOUT', message: `no answer within ${CASE_TIMEOUT_MS / 1000} s`, durationMs: CASE_TIMEOUT_MS, attempts: 1 }), CASE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([exchange, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** A case's path or query values, fixtures filled in; `missing` names the first fixture not configured. */
function resolveValues(target: VendorTarget, given: SuiteCase['params']): { values: Record<string, string>; missing: string | null } {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (!isFixtureRef(value)) values[name] = value;
    else {
      const configured = target.fixtures[value.fixture];
      if (!configured) return { values, missing: `fixture ${value.fixture} is not configured (${fixtureVariable(target, value.fixture)})` };
      values[name] = configured;
    }
  }
  return { values, missing: null };
}

/** The variable that configures a fixture when live, as the vendor file names it. */
function fixtureVariable(target: VendorTarget, name: string): string {
  return target.fixtureVariables[name] ?? `fixture ${name} of vendors/${target.vendor}.yaml`;
}

function queryOf(parameters: Record<string, string>): string {
  const query = new URLSearchParams(parameters).toString();
  return query ? `?${query}` : '';
}
