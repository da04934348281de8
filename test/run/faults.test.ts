import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { callCli } from '../support/cli.ts';
import { judgeVendor } from '../../src/judge/index.ts';
import type { CaseResult, JudgedOutcome } from '../../src/results/index.ts';
import { stringPlaceholder } from '../../src/privacy/placeholder.ts';
import { openRuntime, runCase, type SuiteRuntime } from '../../src/run/runtime.ts';
import type { VendorTarget } from '../../src/vendors/index.ts';
import { FAULTS, startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { fromVendorFile } from '../support/seed-vendors.ts';

type Expected = { outcome: JudgedOutcome; findings?: string[]; transport?: RegExp };

const missingTopLevel = ['id', 'balances', 'transfer_fee', 'payout_account_details', 'payments_approval_status', 'ledger_type', 'owner'].map((p) => `response-property-missing /${p}`);

// What each fault must come to: a finding (id and pointer) or a transport outcome, never a crash.
const EXPECTED: Record<keyof typeof FAULTS, Expected> = {
  faithful: { outcome: 'passed' },
  truncated: { outcome: 'failed', findings: ['response-body-not-json null'] },
  invalidUtf8: { outcome: 'failed', findings: ['response-body-not-json null'] },
  emptyJson: { outcome: 'failed', findings: ['response-body-not-json null'] },
  gzip: { outcome: 'passed' },
  deflate: { outcome: 'passed' },
  br: { outcome: 'passed' },
  gzipDrifted: { outcome: 'failed', findings: ['response-property-missing /transfer_fee'] },
  corruptGzip: { outcome: 'transport-error', transport: /^DECODING/ },
  textPlain: { outcome: 'failed', findings: ['response-media-type-undocumented null'] },
  noContentType: { outcome: 'failed', findings: ['response-media-type-undocumented null'] },
  charsetParameter: { outcome: 'passed' },
  byteOrderMark: { outcome: 'passed' },
  htmlErrorPage: { outcome: 'transport-error', transport: /^UNAVAILABLE: the vendor answered 502 Bad Gateway \(3 attempts\)$/ },
  problemJson: { outcome: 'failed', findings: ['response-status-unexpected null', 'response-media-type-undocumented null'] },
  csv: { outcome: 'failed', findings: ['response-media-type-undocumented null'] },
  // Cut at the cap, so not checked: never passed.
  huge: { outcome: 'unverified', findings: ['response-body-too-large null'] },
  deeplyNested: { outcome: 'failed', findings: ['response-property-type-mismatch '] },
  duplicateKeys: { outcome: 'failed', findings: ['response-body-duplicate-key /ledger_type', 'response-property-enum-mismatch /ledger_type'] },
  hugeNumber: { outcome: 'failed', findings: ['response-property-type-mismatch /id'] },
  amountsAsStrings: { outcome: 'failed', findings: ['response-property-type-mismatch /transfer_fee'] },
  nullBody: { outcome: 'failed', findings: ['response-property-type-mismatch '] },
  arrayBody: { outcome: 'failed', findings: ['response-property-type-mismatch '] },
  // An undocumented property's name is data: the case result names it by its placeholder (src/privacy).
  listWrapper: { outcome: 'failed', findings: [...missingTopLevel, ...['items', 'limit'].map((name) => `response-property-undocumented /${stringPlaceholder(name)}`)] },
  wrongStatus: { outcome: 'failed', findings: ['response-status-unexpected null'] },
  teapot: { outcome: 'failed', findings: ['response-status-unexpected null', 'response-status-undocumented null'] },
  resetMidBody: { outcome: 'transport-error', transport: /^(CONNECTION_RESET|SOCKET_CLOSED)/ },
  closeBeforeHeaders: { outcome: 'transport-error', transport: /^(CONNECTION_RESET|SOCKET_CLOSED)/ },
  hang: { outcome: 'transport-error', transport: /^HEADERS_TIMEOUT/ },
  stallMidBody: { outcome: 'transport-error', transport: /^BODY_TIMEOUT/ },
  redirectSameOrigin: { outcome: 'passed' },
  redirectOtherOrigin: { outcome: 'passed' },
  redirectLoop: { outcome: 'transport-error', transport: /^REDIRECT_LIMIT/ },
  rateLimitStorm: { outcome: 'transport-error', transport: /^UNAVAILABLE: the vendor answered 429 Too Many Requests \(3 attempts\)$/ },
  flapping503: { outcome: 'passed' },
};

describe('a fault corpus: whatever a vendor sends is classified, never a crash', () => {
  let server: FaultServer;
  let runtime: SuiteRuntime;
  const key = 'whop_live_key_faults_0001';

  beforeAll(async () => {
    server = await startFaultServer();
    const target: VendorTarget = {
      ...fromVendorFile('whop'),
      vendor: 'whop',
      mode: 'live',
      scenario: null,
      baseUrl: `${server.url}/api/v1`,
      production: false,
      credentials: { valid: key, limited: null },
      fixtures: {},
      headers: {},
      specs: ['specs/whop/1.0.0.yaml'],
    };
    runtime = await openRuntime(target, {
      cwd: REPO_ROOT,
      http: { maxBodyBytes: 1024 * 1024, headersTimeoutMs: 300, bodyTimeoutMs: 300, retry: { maxRetries: 2, minDelayMs: 5, maxDelayMs: 20 } },
    });
  });

  afterAll(async () => {
    await runtime.client.close();
    await server.close();
  });

  it('covers at least 30 faults', () => {
    expect(Object.keys(FAULTS).length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(FAULTS).sort());
  });

  for (const [fault, expected] of Object.entries(EXPECTED)) {
    it(fault, async () => {
      const result = await runCase(runtime, { name: fault, operation: 'GET /ledger_accounts/{id}', params: { id: `ldgr_${fault}` }, expectStatus: 200 });
      expect(judgedOutcome(result), result.reason ?? '').toBe(expected.outcome);
      expect(result.findings.map((f) => `${f.id} ${f.pointer}`).sort()).toEqual([...(expected.findings ?? [])].sort());
      if (expected.transport) expect(result.reason).toMatch(expected.transport);
    });
  }

  it('keeps a money amount beyond double precision exact in the evidence', async () => {
    const result = await runCase(runtime, { name: 'evidence', operation: 'GET /ledger_accounts/{id}', params: { id: 'ldgr_hugeNumber' }, expectStatus: 200 });
    expect(result.findings[0]!.observed).toBe('number 12345678901234567890.12');
    expect(result.response!.body).toContain('12345678901234567890.12');
  });

  it('never forwards credentials to another origin on a redirect', () => {
    expect(server.received.get('redirectOtherOrigin')![0]!.authorization).toBe(`Bearer ${key}`);
    expect(server.received.get('otherOrigin')!.every((headers) => headers.authorization === undefined)).toBe(true);
    expect(server.received.get('faithful')!.some((headers) => headers.authorization === `Bearer ${key}`)).toBe(true);
  });

  it('retries a 429 storm a bounded number of times, then gives up', () => {
    expect(server.received.get('rateLimitStorm')).toHaveLength(3);
  });
});

describe('a whole run against hostile answers', () => {
  it('completes and writes every report, with each fault classified', async () => {
    const server = await startFaultServer();
    try {
      const reportsDir = await mkdtemp(join(tmpdir(), 'conform-faults-'));
      const run = await callCli(['run'], {
        CONFORM_VENDORS: 'whop',
        CONFORM_REPORTS_DIR: reportsDir,
        CONFORM_MAX_BODY_BYTES: String(1024 * 1024),
        CONFORM_TIMEOUT_MS: '500',
        WHOP_API_KEY: 'whop_live_key_faults_0002',
        WHOP_BASE_URL: `${server.url}/api/v1`,
        WHOP_LEDGER_ACCOUNT_ID: 'ldgr_deeplyNested',
        WHOP_COMPANY_ID: 'ldgr_huge',
        WHOP_USER_ID: 'ldgr_duplicateKeys',
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const report = JSON.parse(await readFile(join(reportsDir, 'latest', 'whop.json'), 'utf8')) as VendorReport;
      const byCase = (name: string) => report.findings.filter((f) => f.case === name).map((f) => f.id);
      expect(byCase('by ledger account id')).toContain('response-property-type-mismatch');
      expect(byCase('by company id')).toContain('response-body-too-large');
      expect(report.interactions.find((i) => i.case === 'by company id')).toMatchObject({ outcome: 'unverified', reason: 'body cut at the size cap (CONFORM_MAX_BODY_BYTES): not checked' });
      expect(byCase('by user id')).toContain('response-body-duplicate-key');
      for (const file of ['whop.md', 'whop.html', 'junit.xml', 'summary.md', 'results.json']) expect((await readFile(join(reportsDir, 'latest', file), 'utf8')).length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});

/** The outcome the judge gives a case under the default severities: a run only says it was answered. */
function judgedOutcome(result: CaseResult): JudgedOutcome {
  const facts = { vendor: result.vendor, mode: result.mode, results: [result], specDefects: [] };
  return judgeVendor(facts, { baseline: null, seen: null, waivers: [], inconclusiveThreshold: 0.25, severity: {}, startedAt: result.startedAt }).results[0]!.outcome;
}
