import { describe, expect, it } from 'vitest';
import { maskPersonalData, personalDataIn } from '../../src/report/personal-data.ts';
import type { CaseResult } from '../../src/run/result.ts';
import { readBody } from '../support/fixtures.ts';

const result = (body: unknown, observed = 'x'): CaseResult => ({
  vendor: 'whop',
  mode: 'live',
  case: 'c',
  operation: 'GET /ledger_accounts/{id}',
  spec: { file: 'specs/whop/1.0.0.yaml', version: '1.0.0' },
  outcome: 'passed',
  reason: null,
  request: { method: 'GET', path: '/x', query: '', headers: {}, credential: 'valid' },
  response: { status: 200, headers: {}, body: JSON.stringify(body), truncated: false },
  expectedStatus: 200,
  providerState: null,
  startedAt: '2026-11-22T00:00:00.000Z',
  durationMs: 1,
  attempts: 1,
  findings: [{ id: 'response-property-undocumented', severity: 'info', vendor: 'whop', operation: 'GET /x', status: 200, pointer: '/e', expected: null, observed, message: `m ${observed}`, fingerprint: 'f' }],
});

describe('personal data', () => {
  const whop = readBody('whop-ledger-account.json');

  it("finds the representative's name, birth date, phone, email and address in a Whop account", () => {
    const found = personalDataIn([result(whop)]);
    expect([...found.keys()].sort()).toEqual(['+15555550142', '00000', '1 Example Way', '1988-04-12', 'Ada', 'Ada Ng', 'Ng', 'Springfield', 'adang', 'ops@northwind.example'].sort());
  });

  it('masks bodies and evidence with stable placeholders that keep their shape', () => {
    const [masked] = maskPersonalData([result(whop, 'email: "ops@northwind.example"')]);
    const body = JSON.parse(masked!.response!.body) as typeof whop & Record<string, any>;
    const details = body.payout_account_details;
    expect(details.email).toMatch(/^person-[0-9a-f]{8}@example\.invalid$/);
    expect(details.phone).toMatch(/^\+1555\d{7}$/);
    expect(details.business_representative.date_of_birth).toBe('1970-01-01');
    expect(details.address.city).toMatch(/^place-[0-9a-f]{8}$/);
    expect(details.address.postal_code).toMatch(/^\d{5}$/);
    expect(details.address.country).toBe('US');
    expect(masked!.findings[0]!.observed).toBe(`email: ${JSON.stringify(details.email)}`);
    expect(JSON.stringify(masked)).not.toMatch(/northwind\.example|Springfield|1988-04-12|Ada/);
    const [again] = maskPersonalData([result(whop)]);
    expect(JSON.parse(again!.response!.body).payout_account_details.email).toBe(details.email);
  });

  it('leaves bodies without personal data alone, and survives hostile nesting', () => {
    const plain = result({ id: 'ldgr_1', balances: [] });
    expect(maskPersonalData([plain])[0]).toEqual(plain);
    const deep = { ...result({}), response: { status: 200, headers: {}, body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, truncated: false } };
    expect(() => maskPersonalData([deep])).not.toThrow();
  });
});

describe('personal data under keys no list names', () => {
  it('masks an email wherever it stands, and phone-like keys by their name', () => {
    const body = { contact_email: 'canary.person@example.com', notes: ['reach me at x'], owner_mobile: '+44 20 7946 0000', billing: { street_address: '9 Canary Wharf' } };
    const [masked] = maskPersonalData([result(body)]);
    expect(masked!.response!.body).not.toMatch(/canary\.person|7946|Canary Wharf/);
  });
});
