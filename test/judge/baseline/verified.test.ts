import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBaseline, compareToBaseline, judgeAgainstBaseline, type Baseline } from '../../../src/judge/baseline/index.ts';
import type { CaseResult } from '../../../src/results/index.ts';
import { runWhop, runWhopSplit, startFaultServer, WHOP_CASES, type FaultServer } from './whop-run.ts';

const updatedAt = '2026-02-01T00:00:00.000Z';
const operation = 'GET /ledger_accounts/{id}';
const options = { vendor: 'whop', mode: 'sandbox', updatedAt } as const;
const allBut = (...names: string[]) => WHOP_CASES.map((c) => c.name).filter((name) => !names.includes(name));

// Only verified answers shape a baseline: a 429, 408 or 5xx is the road to the vendor, not its API.
describe('what a baseline takes from a run', () => {
  let rateLimited: FaultServer;
  let timedOut: FaultServer;
  let unavailable: FaultServer;
  let unreachable: FaultServer;
  let serverError: FaultServer;
  let faithful: CaseResult[];

  beforeAll(async () => {
    [rateLimited, timedOut, unavailable, unreachable, serverError] = await Promise.all([startFaultServer(429), startFaultServer(408), startFaultServer(503), startFaultServer('reset'), startFaultServer(500)]);
    faithful = await runWhop();
  });

  afterAll(async () => {
    await Promise.all([rateLimited.close(), timedOut.close(), unavailable.close(), unreachable.close(), serverError.close()]);
  });

  it('leaves out the cases that got a 429, a 408, a 500 or a cut body, and keeps every other case', async () => {
    const results = [
      ...(await runWhop({ cases: allBut('insufficient scope', 'unknown id', 'missing credentials') })),
      ...(await runWhop({ cases: ['insufficient scope'], origin: rateLimited.origin })),
      ...(await runWhop({ cases: ['missing credentials'], origin: timedOut.origin })),
      ...(await runWhop({ cases: ['unknown id'], origin: serverError.origin })),
    ].map((r) => (r.case === 'by user id' ? { ...r, response: { ...r.response!, truncated: true } } : r));
    // The HTTP layer makes a final 429 or 408 a transport error; a 500 is an answer, and still not the API speaking.
    expect(results.find((r) => r.case === 'insufficient scope')).toMatchObject({ outcome: 'transport-error', transportCode: 'UNAVAILABLE', response: null });
    expect(results.find((r) => r.case === 'unknown id')!.response!.status).toBe(500);

    const baseline = buildBaseline(results, options);
    expect(results.find((r) => r.case === 'missing credentials')).toMatchObject({ outcome: 'transport-error', transportCode: 'UNAVAILABLE', response: null });
    expect(Object.keys(baseline.operations[operation]!.cases)).toEqual(allBut('insufficient scope', 'unknown id', 'missing credentials', 'by user id').sort());
    expect(Object.keys(baseline.operations[operation]!.responses).sort()).toEqual(['200', '400', '401']);
    expect(baseline.findings.map((f) => f.case)).not.toContain('insufficient scope');
  });

  it('a case that got a 429 keeps the findings it had, and is neither drift nor resolved against the baseline', async () => {
    const accepted: Baseline = { ...buildBaseline(faithful, options), findings: [{ fingerprint: 'aaaaaaaaaaaa', id: 'response-status-undocumented', operation, case: 'insufficient scope', pointer: null, firstSeen: updatedAt }] };
    const results = await runWhopSplit(allBut('insufficient scope'), rateLimited.origin);
    const comparison = compareToBaseline(accepted, results, 'whop');
    expect(comparison.shapeFindings).toEqual([]);
    expect(comparison.resolved).toEqual([]);
    expect(buildBaseline(results, { ...options, previous: accepted }).findings).toEqual(accepted.findings);
  });

  it('a first run where nothing answered creates no baseline; one where something did, does', async () => {
    const nothing = await runWhop({ origin: unreachable.origin });
    expect(nothing.every((r) => r.outcome === 'transport-error')).toBe(true);
    expect(judgeAgainstBaseline(null, nothing, options).created).toBeNull();
    const outage = await runWhop({ origin: unavailable.origin });
    expect(judgeAgainstBaseline(null, outage, options).created).toBeNull();
    expect(judgeAgainstBaseline(null, faithful, options).created).not.toBeNull();
  });

  it('an existing baseline with no operations counts as none, and is replaced by the next verified run', () => {
    const empty: Baseline = { version: 2, vendor: 'whop', mode: 'sandbox', updatedAt, operations: {}, findings: [] };
    const { created, comparison } = judgeAgainstBaseline(empty, faithful, options);
    expect(Object.keys(created!.operations[operation]!.cases)).toHaveLength(WHOP_CASES.length);
    expect(comparison.shapeFindings).toEqual([]);
    const kept = buildBaseline(faithful, options);
    expect(judgeAgainstBaseline(kept, faithful, options).created).toBeNull();
  });
});
