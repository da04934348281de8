import { makeFinding, messageOf, type Finding, type FindingFacts } from '../../../src/findings/finding.ts';
import { severityOf } from '../../../src/findings/severity.ts';
import type { HistoryPoint } from '../../../src/report/formats/index.ts';
import type { FindingState, ReportedDefect, ReportedFinding, RunSummary, VendorReport } from '../../../src/report/types.ts';

/** A finding as a report holds it: judged with the default severities, its message rendered. */
export function shown<F extends Finding>(finding: F): F & ReportedDefect {
  return { ...finding, severity: severityOf(finding, {}), message: messageOf(finding) };
}

/** A vendor body's hostile text: markup, a quote and an ampersand, as an observed value must carry it verbatim. */
export const HOSTILE_OBSERVED = '"<script>alert(1)</script>" & "<script>document.title=\'pwned\'</script>"';
/** An undocumented property's name comes from the vendor too, so a pointer is hostile as well. */
export const HOSTILE_POINTER = '/meta/<img src=x onerror="document.title=\'pwned\'">';

const LEDGER = 'GET /ledger_accounts/{id}';

function reported(facts: FindingFacts, theCase: string, state?: FindingState, waiver?: ReportedFinding['waiver']): ReportedFinding {
  return { ...shown(makeFinding(facts)), case: theCase, ...(state ? { state } : {}), ...(waiver ? { waiver } : {}) };
}

/**
 * Whop after baselines and waivers: a case failing with a new and a known breaking finding (one with
 * a hostile observed value), a case whose only breaking finding is waived, a passing case, a skipped
 * case, a transport error, a spec defect, a resolved finding and waivers to review.
 */
export function whopReport(): VendorReport {
  const findings = [
    reported({ id: 'response-property-type-mismatch', vendor: 'whop', operation: LEDGER, status: 200, pointer: '/balances/0/balance', expected: 'number', observed: 'string "1520.75"' }, 'by ledger account id', 'new'),
    reported({ id: 'response-property-enum-mismatch', vendor: 'whop', operation: LEDGER, status: 200, pointer: '/owner/typename', expected: '"Company" | "User"', observed: HOSTILE_OBSERVED }, 'by ledger account id', 'known'),
    reported({ id: 'response-property-undocumented', vendor: 'whop', operation: LEDGER, status: 200, pointer: HOSTILE_POINTER, observed: 'string "x | y"' }, 'by ledger account id', 'known'),
    reported({ id: 'response-property-missing', vendor: 'whop', operation: LEDGER, status: 200, pointer: '/transfer_fee', expected: 'required' }, 'by company id', 'waived', {
      reason: 'Whop confirmed transfer_fee is being removed (ticket 4711)',
      expires: '2027-01-31',
    }),
  ];
  return {
    vendor: 'whop',
    mode: 'sandbox',
    scenario: 'amounts-as-strings',
    baseUrl: 'http://127.0.0.1:4010/api/v1',
    spec: [{ file: 'specs/whop/1.0.0.yaml', version: '1.0.0' }],
    startedAt: '2026-11-22T02:00:01.000Z',
    finishedAt: '2026-11-22T02:00:03.500Z',
    interactions: [
      { method: 'GET', path: '/ledger_accounts/ldgr_1', operation: LEDGER, case: 'by ledger account id', status: 200, durationMs: 120, outcome: 'failed', reason: null },
      { method: 'GET', path: '/ledger_accounts/biz_1', operation: LEDGER, case: 'by company id', status: 200, durationMs: 95, outcome: 'failed', reason: null },
      { method: 'GET', path: '/ledger_accounts/ldgr_missing', operation: LEDGER, case: 'unknown id', status: 404, durationMs: 40, outcome: 'passed', reason: null },
      { method: 'GET', path: '/ledger_accounts/user_', operation: LEDGER, case: 'by user id', status: null, durationMs: 0, outcome: 'skipped', reason: 'WHOP_USER_ID is not set' },
      { method: 'GET', path: '/ledger_accounts/ldgr_1', operation: LEDGER, case: 'limited key', status: null, durationMs: 10000, outcome: 'transport-error', reason: 'UND_ERR_HEADERS_TIMEOUT: no response headers within 10000 ms' },
    ],
    findings,
    counts: { breaking: 3, warning: 0, info: 1 },
    outcomes: { passed: 1, failed: 2, unverified: 0, skipped: 1, 'transport-error': 1 },
    specDefects: [
      shown(makeFinding({
        id: 'spec-example-mismatch',
        vendor: 'whop',
        expected: 'object',
        observed: 'null',
        location: { file: 'specs/whop/1.0.0.yaml', pointer: '/paths/~1ledger_accounts~1{id}/get/responses/422/content/application~1json/example/error' },
      })),
    ],
    verdict: 'fail',
    resolved: [{ fingerprint: '0123456789ab', id: 'response-header-missing', operation: LEDGER, case: 'unknown id', pointer: null }],
    staleWaivers: ['xendit response-property-undocumented /legacy_field: matched nothing'],
    expiredWaivers: ['whop response-property-format-mismatch /created_at (expired 2026-10-01)'],
  };
}

/** Xendit as written before baselines existed: no verdict, no finding states, an error body served as HTML. */
export function xenditReport(): VendorReport {
  const operation = 'GET /v2/accounts/{id}';
  return {
    vendor: 'xendit',
    mode: 'live',
    scenario: null,
    baseUrl: 'https://api.xendit.co',
    spec: [{ file: 'specs/xendit/2024-01-01.yaml', version: '2024-01-01' }],
    startedAt: '2026-11-22T02:00:01.200Z',
    finishedAt: '2026-11-22T02:00:02.000Z',
    interactions: [
      { method: 'GET', path: '/v2/accounts/acct_1', operation, case: 'owned account', status: 200, durationMs: 200, outcome: 'passed', reason: null },
      { method: 'GET', path: '/v2/accounts/acct_1', operation, case: 'invalid credentials', status: 401, durationMs: 150, outcome: 'failed', reason: null },
    ],
    findings: [
      {
        ...shown(makeFinding({ id: 'response-media-type-undocumented', vendor: 'xendit', operation, status: 401, expected: 'application/json', observed: 'text/html' })),
        case: 'invalid credentials',
      },
    ],
    counts: { breaking: 1, warning: 0, info: 0 },
    outcomes: { passed: 1, failed: 1, unverified: 0, skipped: 0, 'transport-error': 0 },
    specDefects: [],
  };
}

export function sampleSummary(reports: readonly VendorReport[]): RunSummary {
  return {
    startedAt: '2026-11-22T02:00:00.000Z',
    finishedAt: '2026-11-22T02:00:04.000Z',
    exitCode: 1,
    vendors: reports.map(({ vendor, mode, scenario, baseUrl, counts, outcomes, verdict }) => ({ vendor, mode, scenario, baseUrl, counts, outcomes, ...(verdict ? { verdict } : {}), report: `${vendor}.json` })),
    problems: [],
  };
}

/** Three earlier nightly runs of whop's sandbox, one of the live whop and one of another vendor (neither of which its chart draws), and a point for the current run itself (which the chart must not draw twice). */
export const WHOP_HISTORY: HistoryPoint[] = [
  { runId: 'run-3', startedAt: '2026-11-21T02:00:00.000Z', vendor: 'whop', mode: 'sandbox', counts: { breaking: 1, warning: 0, info: 1 } },
  { runId: 'run-1', startedAt: '2026-11-19T02:00:00.000Z', vendor: 'whop', mode: 'sandbox', counts: { breaking: 0, warning: 0, info: 0 } },
  { runId: 'run-2', startedAt: '2026-11-20T14:32:00.000Z', vendor: 'whop', mode: 'sandbox', counts: { breaking: 0, warning: 1, info: 1 } },
  { runId: 'run-l', startedAt: '2026-11-20T02:00:00.000Z', vendor: 'whop', mode: 'live', counts: { breaking: 7, warning: 7, info: 7 } },
  { runId: 'run-x', startedAt: '2026-11-20T02:00:00.000Z', vendor: 'midaz', mode: 'sandbox', counts: { breaking: 9, warning: 9, info: 9 } },
  { runId: 'run-4', startedAt: '2026-11-22T02:00:00.000Z', vendor: 'whop', mode: 'sandbox', counts: { breaking: 3, warning: 0, info: 1 } },
];

const TRANSACTIONS = 'GET /ledger_accounts/{ledger_account_id}/transactions';

/**
 * Whop with amounts sent as strings in two cases: one root cause at `/data/N/amount` seen four times
 * (seen since an earlier run), a null at that same pointer (same fingerprint, another kind of observed
 * value: a second group), and an undocumented hostile property in both cases, whose long hostile
 * value collapses.
 */
export function groupedReport(): VendorReport {
  const amount = (index: number, observed: string, theCase: string) =>
    ({
      ...reported({ id: 'response-property-type-mismatch', vendor: 'whop', operation: TRANSACTIONS, status: 200, pointer: `/data/${index}/amount`, expected: 'number', observed }, theCase, 'known'),
      firstSeen: '2026-11-20T02:00:04.000Z',
      seenRuns: 3,
    }) satisfies ReportedFinding;
  const hostile = (theCase: string) =>
    reported({ id: 'response-property-undocumented', vendor: 'whop', operation: TRANSACTIONS, status: 200, pointer: HOSTILE_POINTER, observed: HOSTILE_OBSERVED }, theCase, 'new');
  const findings = [
    amount(0, 'string "1520.75"', 'recent transactions'),
    amount(1, 'string "9.99"', 'recent transactions'),
    hostile('recent transactions'),
    amount(0, 'string "0.01"', 'oldest transactions'),
    amount(1, 'string "12.00"', 'oldest transactions'),
    amount(2, 'null', 'oldest transactions'),
    hostile('oldest transactions'),
  ];
  const interaction = (theCase: string, path: string): VendorReport['interactions'][number] => ({ method: 'GET', path, operation: TRANSACTIONS, case: theCase, status: 200, durationMs: 80, outcome: 'failed', reason: null });
  return {
    ...whopReport(),
    interactions: [
      interaction('recent transactions', '/ledger_accounts/ldgr_9f8e7d6c5b4a39281706f5e4d3c2b1a0/transactions?order=desc&limit=50'),
      interaction('oldest transactions', '/ledger_accounts/ldgr_9f8e7d6c5b4a39281706f5e4d3c2b1a0/transactions?order=asc&limit=50'),
    ],
    findings,
    counts: { breaking: 5, warning: 0, info: 2 },
    outcomes: { passed: 0, failed: 2, unverified: 0, skipped: 0, 'transport-error': 0 },
    specDefects: [],
    resolved: [],
    staleWaivers: [],
    expiredWaivers: [],
  };
}

/**
 * Whop with amounts sent as strings, seen since an earlier run: six type findings of two root causes
 * (the balance and the pending balance of every balance item, each in two cases), and the waived finding
 * of `whopReport`. Every group has more occurrences than one, so each is one row with its occurrences apart.
 */
export function whopAmountsReport(): VendorReport {
  const report = whopReport();
  const amount = (theCase: string, pointer: string, observed: string): ReportedFinding => ({
    ...reported({ id: 'response-property-type-mismatch', vendor: 'whop', operation: LEDGER, status: 200, pointer, expected: 'number', observed }, theCase, 'known'),
    firstSeen: '2026-11-20T02:00:04.000Z',
    seenRuns: 3,
  });
  const findings = [
    amount('by ledger account id', '/balances/0/balance', 'string "1520.75"'),
    amount('by ledger account id', '/balances/0/pending_balance', 'string "310.20"'),
    amount('by ledger account id', '/balances/1/balance', 'string "820.40"'),
    amount('by ledger account id', '/balances/1/pending_balance', 'string "0.00"'),
    amount('by company id', '/balances/0/balance', 'string "48250.00"'),
    amount('by company id', '/balances/0/pending_balance', 'string "1200.00"'),
    report.findings[3]!,
  ];
  return { ...report, findings, counts: { breaking: 7, warning: 0, info: 0 } };
}
