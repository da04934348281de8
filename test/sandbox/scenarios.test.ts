import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { FINDING_KINDS, isFindingId } from '../../src/findings/registry.ts';
import { SANDBOX_VENDORS, sandboxScenarios, type RunningSandbox, type ScenarioDoc, type SandboxVendor as VendorName } from '../../src/sandbox/index.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { findOperation } from '../../src/spec/lookup.ts';
import type { LoadedSpec } from '../../src/spec/types.ts';
import { CASE_BOOKS, fetchAllCases, fetchCase, startInScenario, type Answer, type CaseRequest } from './support/cases.ts';

// Each scenario is checked twice, case by case. Against the faithful sandbox: every expected finding
// must be a real difference in the answer, and every difference an expected finding. Against the
// checker (which the sandbox itself never imports): it must report exactly the expected findings,
// except response-status-unexpected, which needs the case's expected status and comes from the runner,
// and the money findings, which need the vendor file's rules, the request's path parameters and the
// run's other answers: test/run/scenarios.test.ts holds those end to end, money.test.ts the answers.

type Finding = ScenarioDoc['expectedFindings'][number];

const isMoneyFinding = (id: string) => isFindingId(id) && FINDING_KINDS[id].category === 'semantic';

/** The statuses each vendor's document under specs/ declares. */
const DOCUMENTED_STATUSES: Record<VendorName, number[]> = {
  whop: [200, 400, 401, 403, 404, 422, 500],
  midaz: [200, 400, 401, 403, 404, 500],
  xendit: [200, 401, 404],
};

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const SPEC_FILES: Record<VendorName, string[]> = {
  whop: ['specs/whop/1.0.0.yaml'],
  midaz: ['specs/midaz/3.7.0.yaml', 'specs/midaz/3.7.1.yaml'],
  xendit: ['specs/xendit/2026-01-08.yaml'],
};

/** Midaz's documents mark no response property required, so an absent one is no finding there. */
const DECLARES_REQUIRED: Record<VendorName, boolean> = { whop: true, midaz: false, xendit: true };

const CHANGE_OF_FINDING: Record<string, Change['kind']> = {
  'response-property-missing': 'removed',
  'response-property-undocumented': 'added',
  'response-property-type-mismatch': 'changed',
  'response-property-enum-mismatch': 'changed',
  'response-property-format-mismatch': 'changed',
};

interface Change {
  kind: 'added' | 'removed' | 'changed';
  pointer: string;
  before?: unknown;
  after?: unknown;
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Differences between two JSON values, by RFC 6901 pointer. */
function diff(before: unknown, after: unknown, pointer = ''): Change[] {
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    return [...new Set([...Object.keys(before), ...Object.keys(after)])].flatMap((key) => {
      const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!(key in after)) return [{ kind: 'removed' as const, pointer: child }];
      if (!(key in before)) return [{ kind: 'added' as const, pointer: child }];
      return diff(before[key], after[key], child);
    });
  }
  return isDeepStrictEqual(before, after) ? [] : [{ kind: 'changed', pointer, before, after }];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function expectAnswerMatchesFindings(vendor: VendorName, faithful: Answer, drifted: Answer, findings: Finding[], moneyDrift: boolean): void {
  const ids = findings.map((expected) => expected.id);
  if (ids.includes('response-status-undocumented')) {
    // Nothing documents this status's body; it can only fail to be the JSON its Content-Type claims.
    expect(DOCUMENTED_STATUSES[vendor]).not.toContain(drifted.status);
    const expectedIds = ['response-status-undocumented'];
    if (drifted.status !== faithful.status) expectedIds.push('response-status-unexpected');
    if (drifted.contentType.startsWith('application/json') && !parsesAsJson(drifted.text)) expectedIds.push('response-body-not-json');
    expect([...ids].sort()).toEqual(expectedIds.sort());
    return;
  }
  if (ids.includes('response-status-unexpected')) {
    expect(DOCUMENTED_STATUSES[vendor]).toContain(drifted.status);
    expect(drifted.status).not.toBe(faithful.status);
  } else expect(drifted.status).toBe(faithful.status);

  if (ids.includes('response-media-type-undocumented')) expect(drifted.contentType).not.toMatch(/^application\/json/);
  else expect(drifted.contentType).toBe('application/json; charset=utf-8');
  if (ids.includes('response-body-not-json')) expect(parsesAsJson(drifted.text)).toBe(false);

  const aboutTheWholeAnswer = ids.some((id) => !id.startsWith('response-property-'));
  // A money drift may change what no rule of this case reaches (the account side of an identity, an
  // id only some lookups echo): money.test.ts holds those answers to the rules instead.
  if (aboutTheWholeAnswer || moneyDrift) return;
  const changes = diff(JSON.parse(faithful.text), JSON.parse(drifted.text)).filter(
    (change) => DECLARES_REQUIRED[vendor] || change.kind !== 'removed',
  );
  const expectedChanges = findings.map((expected) => ({ kind: CHANGE_OF_FINDING[expected.id], pointer: expected.pointer }));
  expect(changes.map(({ kind, pointer }) => ({ kind, pointer }))).toEqual(expect.arrayContaining(expectedChanges));
  expect(changes).toHaveLength(expectedChanges.length);
  for (const expected of findings) {
    const change = changes.find((candidate) => candidate.pointer === expected.pointer);
    if (expected.id === 'response-property-type-mismatch') expect(jsonType(change?.after)).not.toBe(jsonType(change?.before));
    if (expected.id === 'response-property-enum-mismatch' || expected.id === 'response-property-format-mismatch') {
      expect([typeof change?.before, typeof change?.after]).toEqual(['string', 'string']);
    }
  }
}

function describeFinding(expected: Finding): string {
  return `${expected.case} | ${expected.id} | ${expected.pointer ?? '-'}`;
}

/** What the checker reports for one case's answer, in the form of expected findings. */
function checkerFindings(specs: LoadedSpec[], testCase: string, caseRequest: CaseRequest, answer: Answer): string[] {
  for (const spec of specs) {
    const operation = findOperation(spec, 'GET', caseRequest.path);
    if (!operation) continue;
    const observed = { status: answer.status, headers: { 'content-type': answer.contentType }, body: Buffer.from(answer.text) };
    return checkResponse(spec, operation, observed)
      .filter((reported) => !reported.id.startsWith('spec-') && !isMoneyFinding(reported.id))
      .map((reported) => describeFinding({ case: testCase, id: reported.id, pointer: reported.pointer }));
  }
  throw new Error(`no document has an operation for ${caseRequest.path}`);
}

describe.each(SANDBOX_VENDORS)('every %s scenario differs from the faithful sandbox exactly by its expected findings', (vendor) => {
  const scenarios = sandboxScenarios(vendor);
  const faithfulFindings = scenarios.find((scenario) => scenario.name === 'faithful')?.expectedFindings ?? [];
  let faithfulAnswers: Map<string, Answer>;
  let specs: LoadedSpec[];

  beforeAll(async () => {
    specs = await Promise.all(SPEC_FILES[vendor].map((file) => loadSpec(file, { cwd: REPOSITORY })));
    const faithful = await startInScenario(vendor, 'faithful');
    faithfulAnswers = await fetchAllCases(faithful, vendor);
    await faithful.close();
  });

  it('names only cases the suite has', () => {
    const cases = Object.keys(CASE_BOOKS[vendor]({ fixtures: {}, credentials: {} } as unknown as RunningSandbox));
    for (const scenario of scenarios) for (const expected of scenario.expectedFindings) expect(cases).toContain(expected.case);
  });

  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    for (const expected of faithfulFindings) expect(scenario.expectedFindings).toContainEqual(expected);
    const sandbox = await startInScenario(vendor, scenario.name);
    try {
      const answers = await fetchAllCases(sandbox, vendor);
      const caseBook = CASE_BOOKS[vendor](sandbox);
      const reported = [...answers].flatMap(([testCase, answer]) => checkerFindings(specs, testCase, caseBook[testCase]!, answer));
      const expectedOfChecker = scenario.expectedFindings
        .filter((expected) => expected.id !== 'response-status-unexpected' && !isMoneyFinding(expected.id))
        .map(describeFinding);
      expect(reported.sort()).toEqual(expectedOfChecker.sort());
      const moneyDrift = scenario.expectedFindings.some((expected) => isMoneyFinding(expected.id));
      for (const [testCase, drifted] of answers) {
        const findings = scenario.expectedFindings.filter((expected) => expected.case === testCase);
        const faithful = faithfulAnswers.get(testCase);
        if (!faithful) throw new Error(`no faithful answer for ${testCase}`);
        try {
          expectAnswerMatchesFindings(vendor, faithful, drifted, findings, moneyDrift);
        } catch (error) {
          throw new Error(`${vendor} ${scenario.name}, case '${testCase}': ${(error as Error).message}`);
        }
      }
    } finally {
      await sandbox.close();
    }
  });
});

describe('what the drift scenarios send, by example', () => {
  const opened: RunningSandbox[] = [];
  afterAll(() => Promise.all(opened.map((sandbox) => sandbox.close())));

  async function answerOf(vendor: VendorName, scenario: string, testCase: string): Promise<Answer> {
    const sandbox = await startInScenario(vendor, scenario);
    opened.push(sandbox);
    const caseRequest = CASE_BOOKS[vendor](sandbox)[testCase];
    if (!caseRequest) throw new Error(`unknown case ${testCase}`);
    return fetchCase(sandbox, caseRequest);
  }

  it('whop amounts-as-strings sends two-decimal strings', async () => {
    const body = JSON.parse((await answerOf('whop', 'amounts-as-strings', 'by ledger account id')).text);
    expect(body.balances[0]).toEqual({ balance: '1520.75', currency: 'usd', pending_balance: '310.20', reserve_balance: '50.00' });
  });

  it('whop list-wrapper wraps the account in {items, limit}', async () => {
    const body = JSON.parse((await answerOf('whop', 'list-wrapper', 'by user id')).text);
    expect(Object.keys(body)).toEqual(['items', 'limit']);
    expect(body.items[0].owner.typename).toBe('User');
    expect(body.limit).toBe(10);
  });

  it('whop status-drift answers an unknown id 400 parameter_invalid', async () => {
    const answer = await answerOf('whop', 'status-drift', 'unknown id');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid', param: 'id' });
  });

  it('midaz amounts-as-numbers sends every amount, the position included, as a JSON number', async () => {
    const body = JSON.parse((await answerOf('midaz', 'amounts-as-numbers', 'balances')).text);
    expect(body).toMatchObject({ available: 0, onHold: 89.9, overdraftUsed: 1250.75, settings: { overdraftLimit: 5000 } });
    expect(body.position).toEqual({ available: -1250.75, onHold: 89.9, overdraftLimitAvailable: 3749.25 });
  });

  it('whop amount-beyond-double puts 2^53 + 1 on the wire digit for digit, and amount-float-noise the double unrounded', async () => {
    const beyond = await answerOf('whop', 'amount-beyond-double', 'by ledger account id');
    expect(beyond.text).toContain('{"balance":9007199254740993,"currency":"usd"');
    expect(JSON.parse(beyond.text).balances[1]).toEqual({ balance: 820.4, currency: 'eur', pending_balance: 0, reserve_balance: 0 });
    const noise = await answerOf('whop', 'amount-float-noise', 'by user id');
    expect(noise.text).toContain('{"balance":0.30000000000000004,"currency":"usd"');
  });

  it('midaz balances-of-another-account answers the savings pocket, its position its own', async () => {
    const sandbox = await startInScenario('midaz', 'balances-of-another-account');
    opened.push(sandbox);
    const body = JSON.parse((await fetchCase(sandbox, CASE_BOOKS.midaz(sandbox).balances!)).text);
    expect(body.accountId).not.toBe(sandbox.fixtures.accountId);
    expect(body).toMatchObject({ alias: 'customer-brl-1-savings', assetCode: 'BRL', ledgerId: sandbox.fixtures.ledgerId });
    expect(body.position).toEqual({ available: '-250.50', onHold: '120.00', overdraftLimitAvailable: '749.50' });
  });

  it('midaz date-format-drift prints timestamps in Go\'s default format', async () => {
    const body = JSON.parse((await answerOf('midaz', 'date-format-drift', 'account')).text);
    expect(body.createdAt).toBe('2026-02-25 21:06:37.197596 +0000 UTC');
    expect(body.deletedAt).toBeNull();
  });

  it('midaz status-drift answers an unknown account 422 with the documented 0007 body', async () => {
    const answer = await answerOf('midaz', 'status-drift', 'balances unknown id');
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.text)).toMatchObject({ code: '0007', title: 'Entity Not Found' });
  });

  it('xendit date-format-drift sends RFC 1123 dates', async () => {
    const body = JSON.parse((await answerOf('xendit', 'date-format-drift', 'owned account')).text);
    expect(body.created).toBe('Fri, 01 Jan 2021 10:00:00 GMT');
  });

  it('error-body-html sends an HTML page as text/html, keeping the status', async () => {
    const answer = await answerOf('xendit', 'error-body-html', 'unknown id');
    expect(answer.status).toBe(404);
    expect(answer.contentType).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain('<h1>404 Not Found</h1>');
  });

  it('error-body-text sends the status line as text/plain', async () => {
    const answer = await answerOf('whop', 'error-body-text', 'insufficient scope');
    expect(answer.status).toBe(403);
    expect(answer.contentType).toBe('text/plain; charset=utf-8');
    expect(answer.text).toBe('403 Forbidden\n');
  });

  it('error-body-mislabelled sends the HTML page labelled as JSON', async () => {
    const answer = await answerOf('midaz', 'error-body-mislabelled', 'account malformed id');
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.text).toContain('<h1>400 Bad Request</h1>');
  });
});
