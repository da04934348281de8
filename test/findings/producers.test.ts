import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { crossResponse, type IdentityAnswer } from '../../src/checks/semantic/identities.ts';
import type { IdentityRule } from '../../src/checks/semantic/rules.ts';
import { brokenInteractions } from '../../src/contracts/contract-broken.ts';
import { runCheck, type Check } from '../../src/findings/check.ts';
import { FINDING_IDS, isFindingId, type FindingId } from '../../src/findings/registry.ts';
import { buildBaseline, compareToBaseline } from '../../src/judge/baseline/index.ts';
import { changedUpstream } from '../../src/pipeline/upstream/findings.ts';
import { placeholderFor } from '../../src/privacy/placeholder.ts';
import { securityNotEnforced } from '../../src/run/checks/security-not-enforced.ts';
import { statusUnexpected } from '../../src/run/checks/status-unexpected.ts';
import type { CaseResult } from '../../src/results/index.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { checkFixtureNames, fixtureOptions, fixtureResponse, readBody, readCheckFixtures, type CheckFixture } from '../support/fixtures.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { runWhop } from '../judge/baseline/whop-run.ts';

// Every producer, found rather than listed: each module under src/ is imported and its exported
// values of the check shape collected. A producer added anywhere is seen here without editing this file.
type AnyCheck = Check<never>;
interface Producer {
  module: string;
  name: string;
  check: AnyCheck;
}

const isCheck = (value: unknown): value is AnyCheck =>
  typeof value === 'object' && value !== null && Array.isArray((value as AnyCheck).ids) && typeof (value as AnyCheck).check === 'function';

const SRC = join(REPO_ROOT, 'src');
// A child process's entry (it listens on `process` as it loads) is not imported: it exports no producer.
const isProcessEntry = (file: string) => /^process\.(on|once)\(/m.test(readFileSync(join(SRC, file), 'utf8'));
const producers: Producer[] = [];
for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !isProcessEntry(f)).sort()) {
  const exports = (await import(pathToFileURL(join(SRC, file)).href)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exports)) if (isCheck(value)) producers.push({ module: relative(REPO_ROOT, join(SRC, file)), name, check: value });
}

/**
 * The one ID two modules produce, and why: the lint repairs what it can see in the document, but a
 * schema ajv cannot compile shows only when a response first needs its validator (body-schema.ts),
 * and the registry compiles lazily. A change to either side fails here.
 */
const SHARED_IDS: Partial<Record<FindingId, string[]>> = {
  'spec-schema-invalid': ['src/checks/body-schema.ts', 'src/spec/lint/schema-invalid.ts'],
  // An entity answered differently: by one body against its request (an id not echoing the path
  // parameter), or by two operations of a run (identities.ts), which only the run can compare.
  'cross-response-mismatch': ['src/checks/semantic/echo.ts', 'src/checks/semantic/identities.ts'],
  // Digits lost: visible in one body (an integer beyond 2^53), or only against the same amount in another answer of the run.
  'amount-precision-lost': ['src/checks/semantic/amount-precision.ts', 'src/checks/semantic/identities.ts'],
};

/** The IDs the producers of the modules under `folder` declare: what its public entry may report. */
const declaredUnder = (folder: string) => producers.filter((p) => p.module.startsWith(folder)).flatMap((p) => p.check.ids);

/** What a fixture gave: the IDs its producer (or public entry) reported, and the IDs that may appear. */
interface Outcome {
  reported: readonly FindingId[];
  declared: readonly FindingId[];
}

const viaCheckResponse = async (fixture: CheckFixture): Promise<Outcome> => {
  const spec = await loadSpec(fixture.spec, { cwd: REPO_ROOT });
  const operation = spec.operations.find((o) => o.key === fixture.operation)!;
  const findings = checkResponse(spec, operation, fixtureResponse(fixture), fixtureOptions(fixture));
  return { reported: findings.map((f) => f.id), declared: declaredUnder('src/checks/') };
};

const viaLoadSpec = async (file: string): Promise<Outcome> => {
  const spec = await loadSpec(file, { cwd: REPO_ROOT });
  return { reported: spec.defects.map((d) => d.id), declared: declaredUnder('src/spec/lint/') };
};

const direct = <Input>(check: Check<Input>, input: Input): Outcome => ({ reported: runCheck(check, input).map((f) => f.id), declared: check.ids });

const ASSET_IDENTITY: IdentityRule = {
  name: 'account asset',
  entries: [
    { operation: 'account', key: '/id', value: '/assetCode' },
    { operation: 'balances', key: '/accountId', value: '/assetCode' },
  ],
  source: { origin: 'recognised', why: 'a fixture' },
};
const answerOf = (operation: string, text: string): IdentityAnswer => ({ case: operation, operation, status: 200, value: JSON.parse(text), text });

const LEDGER_ACCOUNT = { spec: 'specs/whop/1.0.0.yaml', operation: 'GET /ledger_accounts/{id}', status: 200 };
const SPEC_DEFECTS = 'test/fixtures/specs/defects.yaml';

// The response checks' fixtures (test/fixtures/checks/<module>.yaml) give each of their IDs a real
// response; this table gives every other ID a real input for its producer.
const FIXTURES: Partial<Record<FindingId, () => Promise<Outcome> | Outcome>> = {
  'response-findings-truncated': () => {
    const extra = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`undocumented_${i}`, i]));
    return viaCheckResponse({ ...LEDGER_ACCOUNT, name: '101 undocumented properties', bodyText: JSON.stringify({ ...(readBody('whop-ledger-account.json') as object), ...extra }), expect: [] });
  },
  'response-body-too-deep': () => {
    const depth = 50_000; // deeper than ajv's recursion can follow
    const bodyText = `${'{"a":"v","child":'.repeat(depth)}{}${'}'.repeat(depth)}`;
    return viaCheckResponse({ name: 'nested too deep', spec: 'test/fixtures/specs/recursive.yaml', operation: 'GET /nodes/{id}', status: 200, bodyText, expect: [] });
  },
  'response-status-unexpected': () => direct(statusUnexpected, { expected: 404, actual: 200 }),
  'security-not-enforced': async () => {
    const spec = await loadSpec(LEDGER_ACCOUNT.spec, { cwd: REPO_ROOT });
    return direct(securityNotEnforced, { operation: spec.operations.find((o) => o.key === LEDGER_ACCOUNT.operation)!, credential: 'none', status: 200 });
  },
  'response-shape-changed': async () => {
    const baseline = buildBaseline(await runWhop(), { vendor: 'whop', mode: 'sandbox', updatedAt: '2026-02-01T00:00:00.000Z' });
    const { shapeFindings } = compareToBaseline(baseline, await runWhop({ scenario: 'status-drift' }), 'whop');
    return { reported: shapeFindings.map((f) => f.id), declared: declaredUnder('src/judge/baseline/') };
  },
  'amount-encoding-changed': async () => {
    const withAmount = (results: CaseResult[], encoding: 'number' | 'string') => results.map((r) => ({ ...r, derived: { ...r.derived!, amounts: [{ pointer: '/balances/*/amount', encoding, scale: 2 }] } }));
    const results = await runWhop({ cases: ['by ledger account id'] });
    const baseline = buildBaseline(withAmount(results, 'string'), { vendor: 'whop', mode: 'sandbox', updatedAt: '2026-02-01T00:00:00.000Z' });
    const { shapeFindings } = compareToBaseline(baseline, withAmount(results, 'number'), 'whop');
    return { reported: shapeFindings.map((f) => f.id), declared: declaredUnder('src/judge/baseline/') };
  },
  'contract-broken': () =>
    direct(brokenInteractions, {
      vendor: 'whop',
      file: 'contracts/whop.json',
      problem: null,
      interactions: [
        {
          description: 'by ledger account id',
          case: 'by ledger account id',
          operation: LEDGER_ACCOUNT.operation,
          status: 200,
          credential: 'valid',
          outcome: 'broken',
          mismatches: [{ pointer: '/ledger_type', text: 'Expected "primary" but got "escrow"' }],
          reason: null,
        },
      ],
    }),
  'spec-changed-upstream': () =>
    direct(changedUpstream, {
      vendor: 'whop',
      changes: [{ id: 'response-property-enum-value-removed', level: 'ERR', severity: 'breaking', reason: null, operation: LEDGER_ACCOUNT.operation, status: '200', where: '/ledger_type', value: 'primary' }],
    }),
  'cross-response-mismatch': () => direct(crossResponse, { identities: [ASSET_IDENTITY], answers: [answerOf('account', '{"id":"a1","assetCode":"USD"}'), answerOf('balances', '{"accountId":"a1","assetCode":"BRL"}')], placeholderFor }),
  'amount-precision-lost': () => direct(crossResponse, { identities: [ASSET_IDENTITY], answers: [answerOf('account', '{"id":"a1","assetCode":9007199254740993}'), answerOf('balances', '{"accountId":"a1","assetCode":9007199254740992}')], placeholderFor }),
  'spec-schema-invalid': () => viaLoadSpec(SPEC_DEFECTS),
  'spec-ref-unresolved': () => viaLoadSpec(SPEC_DEFECTS),
  'spec-ref-outside': () => viaLoadSpec('test/fixtures/specs/outside/ref-outside.yaml'),
  'spec-example-mismatch': () => viaLoadSpec(SPEC_DEFECTS),
  'spec-format-unknown': () => viaLoadSpec(SPEC_DEFECTS),
  'spec-keyword-unsupported': () => viaLoadSpec(SPEC_DEFECTS),
};

/** A saved response whose expected findings include the ID, from the response checks' fixture files. */
function responseFixture(id: FindingId): (() => Promise<Outcome>) | undefined {
  const fixture = checkFixtureNames()
    .flatMap(readCheckFixtures)
    .find((f) => f.expect.some(([expected]) => expected === id));
  return fixture && (() => viaCheckResponse(fixture));
}

describe('finding producers', () => {
  it('are found: one of each kind at least', () => {
    const modules = new Set(producers.map((p) => p.module));
    for (const module of ['src/checks/body-size.ts', 'src/checks/cap.ts', 'src/run/checks/status-unexpected.ts', 'src/spec/lint/ref-outside.ts', 'src/judge/baseline/compare.ts', 'src/contracts/contract-broken.ts']) {
      expect(modules, module).toContain(module);
    }
  });

  it('are each exported by one module only, and declare IDs of the registry', () => {
    for (const { module, name, check } of producers) {
      expect(producers.filter((p) => p.check === check).map((p) => `${p.module} ${p.name}`), 're-exported').toEqual([`${module} ${name}`]);
      expect(check.ids.length, `${module} ${name} declares no ID`).toBeGreaterThan(0);
      for (const id of check.ids) expect(isFindingId(id), `${module} ${name}: ${id} is not in the registry`).toBe(true);
    }
  });

  it.each(FINDING_IDS)('%s is declared by exactly one module', (id) => {
    const modules = [...new Set(producers.filter((p) => p.check.ids.includes(id)).map((p) => p.module))];
    expect(modules).toEqual(SHARED_IDS[id] ?? [modules[0] ?? 'a module']);
  });
});

describe('every finding ID has a fixture that makes its producer report it', () => {
  it.each(FINDING_IDS)('%s', async (id) => {
    const fixture = FIXTURES[id] ?? responseFixture(id);
    expect(fixture, `${id} has no fixture: add one to test/fixtures/checks/ or to FIXTURES here`).toBeDefined();
    const { reported, declared } = await fixture!();
    expect(reported).toContain(id);
    expect(reported.filter((reportedId) => !declared.includes(reportedId))).toEqual([]);
  }, 60_000);
});
