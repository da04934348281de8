import { beforeAll, describe, expect, it } from 'vitest';
import { buildBaseline, compareToBaseline, judgeAgainstBaseline, type Baseline } from '../../../src/judge/baseline/index.ts';
import { messageOf, normaliseIndices } from '../../../src/findings/finding.ts';
import { withSeverity, type CaseFinding } from '../../../src/judge/index.ts';
import type { CaseResult } from '../../../src/results/index.ts';
import { runWhop, runWhopSplit, startFaultServer } from './whop-run.ts';

const updatedAt = '2026-02-01T00:00:00.000Z';
const shape = (f: CaseFinding) => [f.case, f.status, f.pointer, f.expected, f.observed];
const fingerprints = (results: CaseResult[]) => new Set(results.flatMap((r) => r.findings.map((f) => f.fingerprint)));
// As a vendor whose document says nothing of these changes: the shape changes are then the baseline's alone to report.
const unflagged = (results: CaseResult[]) => results.map((r) => ({ ...r, findings: [] }));

describe('a faithful run, then a drift scenario', () => {
  let faithful: Baseline;
  beforeAll(async () => {
    faithful = buildBaseline(await runWhop(), { vendor: 'whop', mode: 'sandbox', updatedAt });
  });

  // Each scenario's shape findings, exactly: [case, status, pointer, expected, observed].
  it.each([
    ['field-nullable', [
      ['by company id', 200, '/balances/*/reserve_balance', 'never null (number)', 'null'],
      ['by ledger account id', 200, '/balances/*/reserve_balance', 'never null (number)', 'null'],
      ['by user id', 200, '/balances/*/reserve_balance', 'never null (number)', 'null'],
    ]],
    ['enum-value-added', [
      ['by company id', 200, '/ledger_type', 'one of "pool", "primary"', '"escrow"'],
    ]],
    ['required-field-removed', [
      ['by company id', 200, '/transfer_fee', 'present (in every accepted run)', 'absent'],
      ['by ledger account id', 200, '/transfer_fee', 'present (in every accepted run)', 'absent'],
      ['by user id', 200, '/transfer_fee', 'present (in every accepted run)', 'absent'],
    ]],
    ['status-drift', [
      ['unknown id', 400, null, 'status 404', 'status 400'],
    ]],
    ['error-body-html', [
      ['insufficient scope', 403, null, 'media type application/json', 'media type text/html'],
      ['invalid credentials', 401, null, 'media type application/json', 'media type text/html'],
      ['malformed id', 400, null, 'media type application/json', 'media type text/html'],
      ['missing credentials', 401, null, 'media type application/json', 'media type text/html'],
      ['unknown id', 404, null, 'media type application/json', 'media type text/html'],
    ]],
  ])('%s, where the document is silent: the shape change is a response-shape-changed warning', async (scenario, expected) => {
    const drifted = await runWhop({ scenario });
    const { shapeFindings, resolved } = compareToBaseline(faithful, unflagged(drifted), 'whop');
    expect(shapeFindings.map(shape)).toEqual(expected);
    expect(new Set(withSeverity(shapeFindings, {}).map((f) => [f.id, f.severity, f.vendor, f.operation].join(' ')))).toEqual(new Set(['response-shape-changed warning whop GET /ledger_accounts/{id}']));
    expect(resolved).toEqual([]);
  });

  it.each([
    ['field-nullable', 'response-property-type-mismatch', '/balances/*/reserve_balance'],
    ['required-field-removed', 'response-property-missing', '/transfer_fee'],
  ])('%s: no shape change where the document already flags the same pointer in the same response (one root cause, one row)', async (scenario, id, pointer) => {
    const drifted = await runWhop({ scenario });
    const flagged = drifted.filter((r) => r.findings.some((f) => f.id === id && normaliseIndices(f.pointer ?? '') === pointer)).map((r) => r.case);
    expect(flagged).toEqual(['by ledger account id', 'by company id', 'by user id']);
    expect(compareToBaseline(faithful, drifted, 'whop').shapeFindings).toEqual([]);
    // The same change in a response the document says nothing about is still a shape change.
    const silentForOne = drifted.map((r) => (r.case === 'by user id' ? { ...r, findings: [] } : r));
    expect(compareToBaseline(faithful, silentForOne, 'whop').shapeFindings.map((f) => `${f.case} ${f.pointer}`)).toEqual([`by user id ${pointer}`]);
    // A finding there that says something else (the property is undocumented) hides nothing.
    const otherwiseFlagged = drifted.map((r) => ({ ...r, findings: r.findings.map((f) => (f.id === id ? { ...f, id: 'response-property-undocumented' as const } : f)) }));
    expect(compareToBaseline(faithful, otherwiseFlagged, 'whop').shapeFindings).toHaveLength(3);
  });

  it('the message says what changed, where, and against what', async () => {
    const { shapeFindings } = compareToBaseline(faithful, unflagged(await runWhop({ scenario: 'enum-value-added' })), 'whop');
    expect(messageOf(shapeFindings[0]!)).toBe('GET /ledger_accounts/{id} 200: shape changed from the baseline at /ledger_type: expected one of "pool", "primary", got "escrow"');
  });

  it('a body wrapped in an envelope reports the vanished top-level properties, not every property under them', async () => {
    const { shapeFindings } = compareToBaseline(faithful, unflagged(await runWhop({ scenario: 'list-wrapper' })), 'whop');
    const top = ['/balances', '/id', '/ledger_type', '/owner', '/payments_approval_status', '/payout_account_details', '/transfer_fee'];
    expect(shapeFindings.map((f) => `${f.case} ${f.pointer}`)).toEqual(['by company id', 'by ledger account id', 'by user id'].flatMap((c) => top.map((p) => `${c} ${p}`)));
  });

  it('a property is judged gone case by case: only where that case had it, and only for the cases that ran', async () => {
    const { shapeFindings } = compareToBaseline(faithful, unflagged(await runWhop({ scenario: 'list-wrapper', cases: ['by user id'] })), 'whop');
    expect(shapeFindings.map((f) => `${f.case} ${f.pointer}`)).toEqual(['/balances', '/id', '/ledger_type', '/owner', '/payments_approval_status', '/payout_account_details', '/transfer_fee'].map((p) => `by user id ${p}`));
  });

  it('after `baseline update` accepts the drift, the same drift is known and no longer a shape change', async () => {
    for (const scenario of ['field-nullable', 'enum-value-added', 'required-field-removed', 'status-drift', 'error-body-html']) {
      const drifted = await runWhop({ scenario });
      const accepted = buildBaseline(drifted, { vendor: 'whop', mode: 'sandbox', updatedAt, previous: faithful });
      const again = compareToBaseline(accepted, unflagged(drifted), 'whop');
      expect(again.shapeFindings, scenario).toEqual([]);
      const known = new Set(accepted.findings.map((f) => f.fingerprint));
      expect([...fingerprints(drifted)].filter((f) => !known.has(f)), scenario).toEqual([]);
    }
  });
});

describe('runs against a baseline they match', () => {
  it('a run identical to the baseline: no shape change, nothing resolved', async () => {
    const baseline = buildBaseline(await runWhop({ scenario: 'required-field-removed' }), { vendor: 'whop', mode: 'sandbox', updatedAt });
    const { shapeFindings, resolved } = compareToBaseline(baseline, await runWhop({ scenario: 'required-field-removed' }), 'whop');
    expect(shapeFindings).toEqual([]);
    expect(resolved).toEqual([]);
  });

  it('the very first run creates the baseline: nothing changed shape, nothing resolved, its findings first seen now unless the ledger knew them', async () => {
    const first = await runWhop({ scenario: 'status-drift' });
    const { comparison, created } = judgeAgainstBaseline(null, first, { vendor: 'whop', mode: 'sandbox', updatedAt });
    expect(created).toEqual(buildBaseline(first, { vendor: 'whop', mode: 'sandbox', updatedAt }));
    expect(created!.findings.map((f) => f.firstSeen)).toEqual([updatedAt]);
    const earlier = new Map([[created!.findings[0]!.fingerprint, '2026-01-05T03:00:00.000Z']]);
    expect(judgeAgainstBaseline(null, first, { vendor: 'whop', mode: 'sandbox', updatedAt, firstSeen: earlier }).created!.findings.map((f) => f.firstSeen)).toEqual(['2026-01-05T03:00:00.000Z']);
    expect(comparison.shapeFindings).toEqual([]);
    expect(comparison.resolved).toEqual([]);
  });

  it('an existing baseline is compared with, never rewritten by a run', async () => {
    const baseline = buildBaseline(await runWhop(), { vendor: 'whop', mode: 'sandbox', updatedAt });
    const { comparison, created } = judgeAgainstBaseline(baseline, await runWhop({ scenario: 'status-drift' }), { vendor: 'whop', mode: 'sandbox', updatedAt });
    expect(created).toBeNull();
    expect(comparison.shapeFindings.map((f) => f.case)).toEqual(['unknown id']);
  });
});

describe('a fixed vendor', () => {
  it('the baseline findings the run no longer shows are resolved, one per case', async () => {
    const baseline = buildBaseline(await runWhop({ scenario: 'required-field-removed' }), { vendor: 'whop', mode: 'sandbox', updatedAt });
    const { shapeFindings, resolved } = compareToBaseline(baseline, await runWhop(), 'whop');
    expect(shapeFindings).toEqual([]);
    expect(resolved.map((r) => [r.id, r.case, r.pointer, r.operation])).toEqual([
      ['response-property-missing', 'by company id', '/transfer_fee', 'GET /ledger_accounts/{id}'],
      ['response-property-missing', 'by ledger account id', '/transfer_fee', 'GET /ledger_accounts/{id}'],
      ['response-property-missing', 'by user id', '/transfer_fee', 'GET /ledger_accounts/{id}'],
    ]);
    expect(new Set(resolved.map((r) => r.fingerprint)).size).toBe(1);
  });

  it('a case that did not answer resolves nothing, and its absence hides no property', async () => {
    const baseline = buildBaseline(await runWhop({ scenario: 'status-drift' }), { vendor: 'whop', mode: 'sandbox', updatedAt });
    const fault = await startFaultServer('reset');
    try {
      // The unknown-id case (the one with findings) and the ledger-account case (which alone has payout details) cannot connect.
      const reachable = ['by company id', 'by user id', 'malformed id', 'missing credentials', 'invalid credentials', 'insufficient scope'];
      const results = await runWhopSplit(reachable, fault.origin);
      expect(results.filter((r) => r.outcome === 'transport-error').map((r) => r.case).sort()).toEqual(['by ledger account id', 'unknown id']);
      const { shapeFindings, resolved } = compareToBaseline(baseline, results, 'whop');
      expect(shapeFindings).toEqual([]);
      expect(resolved).toEqual([]);
    } finally {
      await fault.close();
    }
  });
});
