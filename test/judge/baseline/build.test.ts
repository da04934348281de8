import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBaseline, MAX_CODES, writeBaseline, type Baseline } from '../../../src/judge/baseline/index.ts';
import { NO_SECRETS } from '../../../src/files/writer.ts';
import type { CaseResult } from '../../../src/results/index.ts';
import { runWhop } from './whop-run.ts';

const updatedAt = '2026-02-01T00:00:00.000Z';
const operation = 'GET /ledger_accounts/{id}';

describe('the baseline of a faithful Whop run', () => {
  let results: CaseResult[];
  let baseline: Baseline;
  beforeAll(async () => {
    results = await runWhop();
    baseline = buildBaseline(results, { vendor: 'whop', mode: 'sandbox', updatedAt });
  });

  it('records each case\'s status and media type', () => {
    const cases = baseline.operations[operation]!.cases;
    expect(Object.keys(cases)).toEqual(['by company id', 'by ledger account id', 'by user id', 'insufficient scope', 'invalid credentials', 'malformed id', 'missing credentials', 'unknown id']);
    expect(cases['unknown id']).toEqual({ statuses: [404], mediaTypes: ['application/json'] });
  });

  it('records per status the properties, with array indices as *, their types, nullability, codes and whether always seen', () => {
    const ok = baseline.operations[operation]!.responses['200']!;
    const all = ['by company id', 'by ledger account id', 'by user id'];
    expect(ok.properties['/balances/*/currency']).toEqual({ types: ['string'], nullable: false, values: ['cad', 'eur', 'gbp', 'usd'], always: true, cases: all });
    expect(ok.properties['/transfer_fee']).toEqual({ types: ['number'], nullable: true, values: null, always: true, cases: all });
    // Only users have a name; companies a title.
    expect(ok.properties['/owner/name']!.cases).toEqual(['by user id']);
    expect(ok.properties['/owner/title']!.cases).toEqual(['by company id', 'by ledger account id']);
    expect(ok.properties['/ledger_type']!.values).toEqual(['pool', 'primary']);
    expect(baseline.operations[operation]!.responses['404']!.properties['/error/type']!.values).toEqual(['not_found']);
  });

  it('keeps ids, names and other values that are not codes out of the file: the field is free-form', () => {
    const ok = baseline.operations[operation]!.responses['200']!.properties;
    for (const pointer of ['/id', '/owner/title', '/payout_account_details/email', '/payout_account_details/business_representative/first_name']) {
      expect(ok[pointer]!.values, pointer).toBe('free-form');
    }
    expect(JSON.stringify(baseline)).not.toContain('Maya');
  });

  it(`calls a field free-form once it has held more than ${MAX_CODES} codes`, () => {
    const many = results.map((r) => {
      if (r.case !== 'by ledger account id') return r;
      // The baseline reads the body the checks parsed, carried on the result.
      const body = { ...(r.derived!.json!.value as { balances: Array<{ currency: string }> }) };
      const letters = 'abcdefghijklmnopqrstuvwxyz';
      body.balances = Array.from({ length: MAX_CODES + 1 }, (_, i) => ({ ...body.balances[0]!, currency: `x${letters[i]}` }));
      return { ...r, derived: { ...r.derived!, json: { value: body } } };
    });
    const wide = buildBaseline(many, { vendor: 'whop', mode: 'sandbox', updatedAt });
    expect(wide.operations[operation]!.responses['200']!.properties['/balances/*/currency']!.values).toBe('free-form');
  });

  it('holds the run\'s findings, none for a faithful run', () => {
    expect(baseline.findings).toEqual([]);
  });

  it('is the same file for the same observations, whatever the order, timing or ports of the run', async () => {
    const again = await runWhop();
    const dir = await mkdtemp(join(tmpdir(), 'conform-baseline-'));
    const one = await readFile(await writeBaseline(join(dir, 'a'), baseline, NO_SECRETS), 'utf8');
    const two = await readFile(await writeBaseline(join(dir, 'b'), buildBaseline([...again].reverse(), { vendor: 'whop', mode: 'sandbox', updatedAt }), NO_SECRETS), 'utf8');
    expect(two).toBe(one);
  });
});

describe('building on a previous baseline', () => {
  it('tells a property seen in every accepted run from one seen in some, with no counter to rewrite', async () => {
    const first = buildBaseline(await runWhop(), { vendor: 'whop', mode: 'sandbox', updatedAt });
    const second = buildBaseline(await runWhop({ scenario: 'required-field-removed' }), { vendor: 'whop', mode: 'sandbox', updatedAt, previous: first });
    const ok = second.operations[operation]!.responses['200']!;
    expect(ok.properties['/id']!.always).toBe(true);
    expect(ok.properties['/transfer_fee']!.always).toBe(false);
    // Seen again later, it was still missing once.
    const third = buildBaseline(await runWhop(), { vendor: 'whop', mode: 'sandbox', updatedAt, previous: second });
    expect(third.operations[operation]!.responses['200']!.properties['/transfer_fee']!.always).toBe(false);
    // A property new in a shape accepted before was missing from the earlier runs.
    const fresh = buildBaseline(await runWhop({ scenario: 'required-field-removed' }), { vendor: 'whop', mode: 'sandbox', updatedAt });
    expect(buildBaseline(await runWhop(), { vendor: 'whop', mode: 'sandbox', updatedAt, previous: fresh }).operations[operation]!.responses['200']!.properties['/transfer_fee']!.always).toBe(false);
  });

  it('keeps the first sighting a finding has: the baseline\'s own, else the ledger\'s, else this update', async () => {
    const drifted = await runWhop({ scenario: 'status-drift' });
    const [fingerprint] = [...new Set(drifted.flatMap((r) => r.findings.map((f) => f.fingerprint)))];
    const ledger = new Map([[fingerprint!, '2026-01-10T00:00:00.000Z']]);
    const firstSeen = (baseline: Baseline) => baseline.findings.map((f) => f.firstSeen);
    const fromLedger = buildBaseline(drifted, { vendor: 'whop', mode: 'sandbox', updatedAt, firstSeen: ledger });
    expect(firstSeen(fromLedger)).toEqual(['2026-01-10T00:00:00.000Z']);
    expect(firstSeen(buildBaseline(drifted, { vendor: 'whop', mode: 'sandbox', updatedAt }))).toEqual([updatedAt]);
    const later = { vendor: 'whop', mode: 'sandbox', updatedAt: '2026-03-01T00:00:00.000Z', previous: fromLedger } as const;
    expect(firstSeen(buildBaseline(drifted, { ...later, firstSeen: new Map([[fingerprint!, '2026-02-20T00:00:00.000Z']]) }))).toEqual(['2026-01-10T00:00:00.000Z']);
  });

  it('adds statuses, nullability and codes, and takes the new run\'s findings', async () => {
    const first = buildBaseline(await runWhop({ scenario: 'status-drift' }), { vendor: 'whop', mode: 'sandbox', updatedAt });
    expect(first.findings.map((f) => [f.id, f.case, f.pointer])).toEqual([['response-status-unexpected', 'unknown id', null]]);
    const nullable = buildBaseline(await runWhop({ scenario: 'field-nullable' }), { vendor: 'whop', mode: 'sandbox', updatedAt: '2026-02-02T00:00:00.000Z', previous: first });
    expect(nullable.updatedAt).toBe('2026-02-02T00:00:00.000Z');
    expect(nullable.operations[operation]!.cases['unknown id']!.statuses).toEqual([400, 404]);
    expect(nullable.operations[operation]!.responses['200']!.properties['/balances/*/reserve_balance']).toMatchObject({ types: ['number'], nullable: true, values: null, always: true });
    expect(new Set(nullable.findings.map((f) => [f.id, f.pointer].join(' ')))).toEqual(new Set(['response-property-type-mismatch /balances/*/reserve_balance']));
    expect(nullable.findings.map((f) => f.case)).toEqual(['by company id', 'by ledger account id', 'by user id']);
  });

  it('leaves the previous baseline as it was', async () => {
    const first = buildBaseline(await runWhop(), { vendor: 'whop', mode: 'sandbox', updatedAt });
    const copy = structuredClone(first);
    buildBaseline(await runWhop({ scenario: 'enum-value-added' }), { vendor: 'whop', mode: 'sandbox', updatedAt, previous: first });
    expect(first).toEqual(copy);
  });
});
