import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageOf } from '../../src/findings/finding.ts';
import { checkInspected, inspectResponse, responseFacts } from '../../src/checks/index.ts';
import { fingerprint } from '../../src/findings/finding.ts';
import { admitsNoFreeText } from '../../src/privacy/closed-pattern.ts';
import { bodyKnowledge, ListedPointers, maskContractMismatch, maskResponse, type MaskedResponse } from '../../src/privacy/index.ts';
import { maskedPointer } from '../../src/privacy/mask-keys.ts';
import { stringPlaceholder } from '../../src/privacy/placeholder.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { LoadedSpec } from '../../src/spec/types.ts';
import { readBody } from '../support/fixtures.ts';
import { REPO_ROOT } from '../support/paths.ts';

interface Answer {
  status?: number;
  contentType?: string;
  text?: string;
  body?: unknown;
  headers?: Record<string, string>;
  truncated?: boolean;
  sent?: string[];
  listed?: string[];
}

/** One response through the checks and the masking, as the suite runtime does it. */
function masked(spec: LoadedSpec, operationKey: string, answer: Answer): MaskedResponse & { json: any } {
  const operation = spec.operations.find((o) => o.key === operationKey)!;
  const text = answer.text ?? JSON.stringify(answer.body);
  const response = {
    status: answer.status ?? 200,
    headers: { 'content-type': answer.contentType ?? 'application/json', ...answer.headers },
    body: Buffer.from(text),
    truncated: answer.truncated ?? false,
  };
  const inspected = inspectResponse(spec, operation, response);
  const findings = checkInspected(inspected, { integrity: true });
  const knowledge = bodyKnowledge(spec, inspected.media?.schemaPointer ?? null, answer.sent ?? [], new ListedPointers(answer.listed ?? []));
  const result = maskResponse({ ...response, parsed: inspected.json?.ok ? inspected.json : undefined, findings, branches: responseFacts(inspected).branches }, knowledge);
  let json: unknown;
  try {
    json = JSON.parse(result.body);
  } catch {
    json = undefined;
  }
  return { ...result, json };
}

// Every rule of the allowlist in one small document: each property is named after what it shows.
const RULES = `
openapi: 3.1.0
info: { title: rules, version: '1' }
paths:
  /things:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Thing' }
        '404':
          description: not found
          content:
            text/plain:
              schema: { type: string }
components:
  schemas:
    Thing:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            status: { type: string, enum: [open, closed] }
            kind: { const: thing }
            uuid: { type: string, format: uuid }
            at: { type: string, format: date-time }
            birthday: { type: string, format: date }
            email: { type: string, format: email }
            free: { type: string }
            ref_id: { type: string, pattern: '^ref_[A-Za-z0-9]+$' }
            ssn: { type: string, pattern: '^\\d{3}-\\d{2}-\\d{4}$' }
            words: { type: string, pattern: '^[A-Za-z ]+$' }
            amount: { type: number }
            count: { type: integer }
            flag: { type: boolean }
            note: { type: [string, 'null'] }
            pair:
              type: array
              prefixItems: [{ type: string, enum: [a, b] }, { type: string }]
            tags: { type: array, items: { type: string, enum: [x, y] } }
            codes:
              type: object
              additionalProperties: { type: string, enum: [ok, ko] }
            contact:
              anyOf:
                - type: object
                  properties: { phone: { type: string } }
                - type: object
                  properties: { email: { type: string } }
            scores:
              type: object
              additionalProperties: { oneOf: [{ type: string }, { type: integer }] }
            people:
              type: object
              additionalProperties:
                type: object
                required: [id]
                properties: { id: { type: string, pattern: '^usr_[a-z0-9]+$' } }
            owner:
              oneOf:
                - type: object
                  properties: { typename: { const: User }, handle: { type: string } }
                  required: [typename]
                - type: object
                  properties: { typename: { const: Company }, handle: { type: string, enum: [acme] } }
                  required: [typename]
            either:
              anyOf:
                - type: object
                  properties: { code: { type: string, enum: [x1] } }
                - type: object
                  properties: { code: { type: string } }
    Base:
      type: object
      properties:
        id: { type: string }
`;

describe('what a body may show, by the schema at each place', () => {
  let spec: LoadedSpec;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-privacy-'));
    await writeFile(join(dir, 'rules.yaml'), RULES);
    spec = await loadSpec('rules.yaml', { cwd: dir, vendor: 'rules' });
  });
  const mask = (answer: Answer) => masked(spec, 'GET /things', answer);

  it('shows enums, consts, uuids, date-times, id patterns and typed numbers and booleans', () => {
    const body = {
      status: 'open',
      kind: 'thing',
      uuid: '019c96a0-0c0c-7221-8cf3-13313fb60081',
      at: '2026-02-25T21:06:37.197596Z',
      ref_id: 'ref_Abc123',
      amount: 12.5,
      count: 3,
      flag: true,
      note: null,
      tags: ['x', 'y'],
      pair: ['a', 'free text'],
      codes: { first: 'ok', second: 'ko' },
    };
    const { json } = mask({ body });
    expect(json).toEqual({ ...body, pair: ['a', expect.not.stringMatching(/^free text$/)], codes: expect.any(Object) });
    // A map's keys are data (see 'object keys that are data'); its documented values show.
    expect(Object.values(json.codes)).toEqual(['ok', 'ko']);
  });

  it('masks free text, format date and email, patterns that admit free text, and values outside their enum', () => {
    const body = { id: 'acct_1', free: 'Ada Lovelace', birthday: '1815-12-10', email: 'ada@example.com', ssn: '123-45-6789', words: 'Ada', status: 'Ada', note: 'Ada' };
    const { json } = mask({ body });
    for (const key of Object.keys(body)) expect(json[key], key).not.toBe(body[key as keyof typeof body]);
    expect(json.email).toMatch(/^person-[0-9a-f]{8}@example\.invalid$/);
    expect(json.birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.ssn).toMatch(/^\d{3}-\d{2}-\d{4}$/);
    expect(json.free).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{7}$/);
  });

  it('masks every value under an undocumented property, numbers and booleans too, keeping type, magnitude and structure', () => {
    const body = { extra: { name: 'Ada', dob: 18151210, ratio: 0.125, vip: true, empty: null, list: ['Ada', 7] } };
    const { json } = mask({ body });
    const [name, dob, ratio, vip, empty, list] = Object.values(Object.values(json)[0] as object) as any[];
    expect(name).toMatch(/^[A-Z][a-z]{2}$/);
    expect(name).not.toBe('Ada');
    expect(Number.isInteger(dob) && dob !== 18151210 && String(dob).length).toBe(8);
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThan(1);
    expect(ratio).not.toBe(0.125);
    expect([vip, empty]).toEqual([false, null]);
    expect(list[0]).not.toBe('Ada');
    expect(typeof list[1]).toBe('number');
  });

  it('picks the oneOf branch the value validates against; a value ambiguous between anyOf branches must be safe under both', () => {
    expect(mask({ body: { owner: { typename: 'Company', handle: 'acme' } } }).json.owner).toEqual({ typename: 'Company', handle: 'acme' });
    expect(mask({ body: { owner: { typename: 'User', handle: 'acme' } } }).json.owner.handle).not.toBe('acme');
    // {code: x1} validates against both branches; the second lets any string through, so x1 is not known.
    expect(mask({ body: { either: { code: 'x1' } } }).json.either.code).not.toBe('x1');
  });

  it('shows values the case sent and places the vendor lists', () => {
    const { json } = mask({ body: { id: 'acct_Sent1', free: 'acct_Sent1', extra: { code: 'E42' }, list: [{ code: 'E1' }] }, sent: ['acct_Sent1'], listed: ['/extra/code', '/list/*/code'] });
    expect(json).toEqual({ id: 'acct_Sent1', free: 'acct_Sent1', extra: { code: 'E42' }, list: [{ code: 'E1' }] });
  });

  it('masks by position: a value equal to a key renames no key', () => {
    const { json } = mask({ body: { free: 'status', status: 'open', owner: { typename: 'User', handle: 'typename' } } });
    expect(Object.keys(json)).toEqual(['free', 'status', 'owner']);
    expect(json.status).toBe('open');
    expect(json.free).not.toBe('status');
    expect(Object.keys(json.owner)).toEqual(['typename', 'handle']);
    expect(json.owner.handle).not.toBe('typename');
  });

  it('writes a shown number JSON.parse cannot hold exactly as the vendor wrote it', () => {
    expect(mask({ text: '{"amount":12345678901234567890.12,"free":"Ada"}' }).body).toMatch(/^\{"amount":12345678901234567890\.12,"free":"[A-Z][a-z]{2}"\}$/);
  });

  it('parses \\u escapes before masking: the placeholder is not the decoded value', () => {
    const result = mask({ text: '{"free":"\\u0041da Lovelace","extra":"\\u0041da"}' });
    expect(result.body).not.toMatch(/Ada|\\u0041/);
  });

  it('replaces texts, unparsable bodies and bodies cut at the cap whole; an empty body stays empty', () => {
    expect(mask({ status: 404, contentType: 'text/plain', text: 'no such person: Ada Lovelace' }).body).toMatch(/^\[masked: 28 bytes, [0-9a-f]{12}\]$/);
    expect(mask({ text: '{"free": "Ada Lovelace", ' }).body).toMatch(/^\[masked: /);
    expect(mask({ text: '{"free": "Ada Lovelace", "status": "op', truncated: true }).body).toMatch(/^\[masked: /);
    expect(mask({ status: 404, contentType: 'text/plain', text: '' }).body).toBe('');
  });

  it('keeps headers known to describe the message and masks the rest', () => {
    const { headers } = mask({ body: {}, headers: { 'retry-after': '3', 'x-ratelimit-remaining': '9', 'x-request-id': 'req_1', 'set-cookie': 'sid=Ada', 'x-user': 'Ada Lovelace' } });
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'retry-after': '3', 'x-ratelimit-remaining': '9', 'x-request-id': 'req_1' });
    expect(headers['set-cookie']).toMatch(/^[a-z]{3}=[A-Z][a-z]{2}$/);
    expect(headers['x-user']).not.toContain('Ada');
  });

  it('rebuilds evidence from the masked value at the finding pointer, and keeps evidence at known places', () => {
    const { findings } = mask({ text: '{"status":"Ada Lovelace","count":"7","extra":"Ada","free":"Ada","free":"Bob","tags":["z"]}' });
    const by = (id: string, pointer: string) => findings.find((f) => f.id === id && f.pointer === pointer)!;
    expect(by('response-property-enum-mismatch', '/status').observed).toMatch(/^"[A-Z][a-z]{2} [A-Z][a-z]{7}"$/);
    expect(by('response-property-type-mismatch', '/count').observed).toMatch(/^string "\d"$/);
    expect(findings.find((f) => f.id === 'response-property-undocumented')!.observed).toMatch(/^[a-z]{5}: "[A-Z][a-z]{2}"$/);
    expect(by('response-body-duplicate-key', '/free').observed).toMatch(/^kept "[A-Z][a-z]{2}"$/);
    expect(by('response-property-enum-mismatch', '/tags/0').observed).toMatch(/^"[a-z]"$/);
    for (const finding of findings) expect(`${finding.observed} ${messageOf(finding)}`).not.toMatch(/Ada|Bob|Lovelace/);
    const known = mask({ body: { status: 'open', amount: '12.50', count: 1.5 } }).findings;
    expect(known.find((f) => f.pointer === '/count')!.observed).toBe('number 1.5');
    // An amount written as a string where a number is documented shows what the number would.
    expect(known.find((f) => f.pointer === '/amount')!.observed).toBe('string "12.50"');
    expect(mask({ body: { amount: 'Ada' } }).findings.find((f) => f.pointer === '/amount')!.observed).toMatch(/^string "[A-Z][a-z]{2}"$/);
  });

  it('does not quote a body that is not JSON in its finding', () => {
    const { findings } = mask({ text: '{"free": "Ada Lovelace", ' });
    expect(findings.find((f) => f.id === 'response-body-not-json')!.observed).toBe('not valid JSON (its text is not shown: it may hold personal data)');
  });

  // Object keys no schema declares are data, not names (issue 12, bug 2): masked in the body and in every pointer.
  const EMAIL_KEY = 'jane.doe@example.com';

  it('masks the keys of a map keyed by emails with the email placeholder, the same every time; its documented values show', () => {
    const body = { codes: { [EMAIL_KEY]: 'ok', 'john@example.com': 'ko' } };
    const first = mask({ body });
    expect(Object.keys(first.json.codes)).toEqual([expect.stringMatching(/^person-[0-9a-f]{8}@example\.invalid$/), expect.stringMatching(/^person-[0-9a-f]{8}@example\.invalid$/)]);
    expect(Object.values(first.json.codes)).toEqual(['ok', 'ko']);
    expect(first.body).not.toContain('jane');
    expect(mask({ body }).body).toBe(first.body);
  });

  it('masks an undocumented key in the finding pointer, evidence, message and fingerprint, whatever its value', () => {
    for (const value of [null, 'Ada', {}]) {
      const { body, json, findings } = mask({ body: { status: 'open', [EMAIL_KEY]: value } });
      const [placeholder] = Object.keys(json).filter((key) => key !== 'status');
      expect(placeholder).toMatch(/^person-[0-9a-f]{8}@example\.invalid$/);
      const undocumented = findings.find((f) => f.id === 'response-property-undocumented')!;
      expect(undocumented.pointer).toBe(`/${placeholder}`);
      expect(undocumented.observed).toMatch(new RegExp(`^${placeholder!.replace(/\./g, '\\.')}: `));
      expect(messageOf(undocumented)).toContain(`at /${placeholder}`);
      expect(undocumented.fingerprint).toBe(fingerprint({ ...undocumented, location: null }));
      expect(`${body} ${JSON.stringify(findings)}`).not.toContain('jane');
    }
  });

  it('masks the keys in the pointers of the branches a case result carries (a map of oneOf values keyed by emails)', () => {
    const { json, branches } = mask({ body: { scores: { [EMAIL_KEY]: 3 } } });
    const [placeholder] = Object.keys(json.scores);
    expect(Object.keys(branches)).toContain(`/scores/${placeholder}`);
    expect(JSON.stringify(branches)).not.toContain('jane');
  });

  it('masks a key JSON.parse dropped with a duplicate: only a missing property keeps the name the document gives', () => {
    const text = `{"people": {"${EMAIL_KEY}": {"id": "usr_a"}, "${EMAIL_KEY}": {"id": "usr_b"}}, "people": {}}`;
    const { findings } = mask({ text });
    expect(findings.filter((f) => f.id === 'response-body-duplicate-key').length).toBeGreaterThan(0);
    expect(JSON.stringify(findings)).not.toContain('jane');
  });

  it('shows a name any candidate branch declares (a name the document spells out is no one\'s data)', () => {
    expect(Object.keys(mask({ body: { contact: { phone: 'Ada', email: 'Ada' } } }).json.contact)).toEqual(['phone', 'email']);
  });

  it("masks a map entry's key in the pointer of a finding under it; the document's property name stays", () => {
    const { json, findings } = mask({ body: { people: { [EMAIL_KEY]: {} } } });
    const [placeholder] = Object.keys(json.people);
    expect(findings.find((f) => f.id === 'response-property-missing')!.pointer).toBe(`/people/${placeholder}/id`);
  });

  it('shows keys a listed place spells out, keys under a listed place and keys the case sent; a `*` shows values, not keys', () => {
    const extra = { [EMAIL_KEY]: 'Ada', code: 'E1' };
    expect(mask({ body: { extra }, listed: ['/extra/code'] }).json).toEqual({ extra: { [stringPlaceholder(EMAIL_KEY)]: expect.any(String), code: 'E1' } });
    expect(mask({ body: { extra }, listed: ['/extra/*'] }).json).toEqual({ extra: { [stringPlaceholder(EMAIL_KEY)]: 'Ada', [stringPlaceholder('code')]: 'E1' } });
    expect(mask({ body: { extra }, listed: ['/extra'] }).json).toEqual({ extra });
    expect(mask({ body: { people: { usr_1: { id: 'usr_1' } } }, sent: ['usr_1'] }).json).toEqual({ people: { usr_1: { id: 'usr_1' } } });
  });

  it('gives every masked key of an object its own placeholder, never the name of a shown key', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const names = [...letters].flatMap((a) => [...letters].map((b) => a + b)).filter((name) => name !== 'at' && name !== 'id');
    const at = '2026-02-25T21:06:37.197596Z';
    const { json } = mask({ body: { at, id: 'acct_1', ...Object.fromEntries(names.map((name, index) => [name, index])) } });
    expect(Object.keys(json)).toHaveLength(names.length + 2);
    expect(json.at).toBe(at);
  });

  it('masks every segment of a pointer it cannot follow in a body', () => {
    expect(maskedPointer(`/${EMAIL_KEY}/name`, undefined, new WeakMap())).toBe(`/${stringPlaceholder(EMAIL_KEY)}/${stringPlaceholder('name')}`);
  });
});

describe("Whop's ledger account, as the suite sees it", () => {
  it("masks the representative's name, birth date, phone, email and address; keeps ids, statuses, amounts and currencies", async () => {
    const whop = await loadSpec('specs/whop/1.0.0.yaml', { cwd: REPO_ROOT, vendor: 'whop' });
    const account = readBody('whop-ledger-account.json') as Record<string, any>;
    const { json } = masked(whop, 'GET /ledger_accounts/{id}', { body: account, sent: [account.id], listed: ['/owner/id'] });
    expect(json).toMatchObject({ id: account.id, balances: account.balances, transfer_fee: 0.25, payments_approval_status: 'approved', ledger_type: 'primary' });
    expect(json.owner).toMatchObject({ typename: 'User', id: account.owner.id });
    expect(json.payout_account_details.status).toBe('connected');
    const text = JSON.stringify(json);
    for (const personal of ['Ada', 'Ng', 'adang', '1988-04-12', '+15555550142', 'ops@northwind.example', '1 Example Way', 'Springfield', 'Northwind Goods']) expect(text).not.toContain(personal);
    // Stable: the same answer masks the same way.
    expect(masked(whop, 'GET /ledger_accounts/{id}', { body: account, sent: [account.id] }).json.payout_account_details).toEqual(json.payout_account_details);
  });
});

describe('patterns that admit no free text', () => {
  it('are anchored id patterns with a literal prefix and id characters only', () => {
    expect(admitsNoFreeText('^ldgr_[A-Za-z0-9]+$', 'ldgr_7hK2mQ9x')).toBe(true);
    expect(admitsNoFreeText('^cus-\\d{6}$', 'cus-123456')).toBe(true);
    for (const pattern of ['^[A-Za-z]+$', '^\\d{3}-\\d{2}-\\d{4}$', '^ldgr_.+$', '^ldgr_[^ ]+$', '^ldgr_\\S+$', '^ldgr_[A-Za-z ]+$', 'ldgr_[a-z]+', '^ldgr_(a|b)+$', '^ldgr_[a-z]*[a-z]*[a-z]*$']) {
      expect(admitsNoFreeText(pattern, 'ldgr_abc'), pattern).toBe(false);
    }
    expect(admitsNoFreeText('^ldgr_[a-z]+$', `ldgr_${'a'.repeat(300)}`)).toBe(false);
  });
});

describe('conform verify mismatches', () => {
  const listed = new ListedPointers(['/error_code']);
  it('shows status and header mismatches, listed places and key lists; hides quoted values elsewhere', () => {
    expect(maskContractMismatch({ pointer: null, text: 'status: expected 404 but was 400' }, listed)).toBe('status: expected 404 but was 400');
    expect(maskContractMismatch({ pointer: '/error_code', text: "Expected 'X' to match '^(?:A|B)$'" }, listed)).toBe("Expected 'X' to match '^(?:A|B)$'");
    expect(maskContractMismatch({ pointer: '', text: 'Actual map is missing the following keys: a, b' }, listed)).toBe('Actual map is missing the following keys: a, b');
    expect(maskContractMismatch({ pointer: '/owner/name', text: "Expected 'Ada Lovelace' (String) to be equal to 'x' (String)" }, listed)).not.toContain('Ada');
  });
});
