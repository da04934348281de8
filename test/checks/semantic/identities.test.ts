import { describe, expect, it } from 'vitest';
import { crossResponse, type IdentityAnswer } from '../../../src/checks/semantic/identities.ts';
import type { IdentityRule } from '../../../src/checks/semantic/rules.ts';
import { runCheck } from '../../../src/findings/index.ts';
import { placeholderFor } from '../../../src/privacy/placeholder.ts';

const ACCOUNT = 'GET /accounts/{id}';
const BALANCES = 'GET /accounts/{id}/balances';

const ASSET: IdentityRule = {
  name: 'account asset',
  entries: [
    { operation: ACCOUNT, key: '/id', value: '/assetCode' },
    { operation: BALANCES, key: '/items/*/accountId', value: '/items/*/assetCode' },
  ],
  source: { origin: 'vendor-file', file: 'vendors/acme.yaml', line: 12 },
};
const AMOUNT: IdentityRule = {
  name: 'account balance',
  entries: [
    { operation: ACCOUNT, key: '/id', value: '/balance' },
    { operation: BALANCES, key: '/items/*/accountId', value: '/items/*/total' },
  ],
  source: { origin: 'vendor-file', file: 'vendors/acme.yaml', line: 18 },
};

/** An answer as a run carries it: the body text as sent, and its parse. */
function answer(name: string, operation: string, text: string, status = 200): IdentityAnswer {
  return { case: name, operation, status, value: JSON.parse(text), text };
}

const account = (body: string) => answer('account', ACCOUNT, body);
const balances = (body: string, status = 200) => answer('balances', BALANCES, body, status);
const facts = (identities: IdentityRule[], answers: IdentityAnswer[]) => runCheck(crossResponse, { identities, answers, placeholderFor });

describe('crossResponse: one entity answered by two operations', () => {
  it('finds nothing where the operations agree, or answer for other keys', () => {
    const answers = [account('{"id":"a1","assetCode":"USD"}'), balances('{"items":[{"accountId":"a1","assetCode":"USD"},{"accountId":"a2","assetCode":"BRL"}]}')];
    expect(facts([ASSET], answers)).toEqual([]);
  });

  it('reports the disagreeing value on the case that is not the reference, at its pointer', () => {
    const answers = [account('{"id":"a1","assetCode":"USD"}'), balances('{"items":[{"accountId":"a1","assetCode":"USD"},{"accountId":"a1","assetCode":"BRL"}]}')];
    expect(facts([ASSET], answers)).toEqual([
      { id: 'cross-response-mismatch', case: 'balances', operation: BALANCES, status: 200, pointer: '/items/1/assetCode', expected: `"USD" (as ${ACCOUNT} answered)`, observed: '"BRL"' },
    ]);
  });

  it('holds a value shown on one side and masked on the other to be the same, key and value alike', () => {
    const masked = (value: string) => JSON.stringify(placeholderFor(value));
    const answers = [account('{"id":"a1","assetCode":"USD"}'), balances(`{"items":[{"accountId":${masked('a1')},"assetCode":${masked('USD')}}]}`)];
    expect(facts([ASSET], answers)).toEqual([]);
    const maskedReference = [account(`{"id":${masked('a1')},"assetCode":${masked('USD')}}`), balances('{"items":[{"accountId":"a1","assetCode":"BRL"}]}')];
    expect(facts([ASSET], maskedReference).map((f) => [f.id, f.observed])).toEqual([['cross-response-mismatch', '"BRL"']]);
    const drifted = [answers[0]!, balances(`{"items":[{"accountId":${masked('a1')},"assetCode":${masked('BRL')}}]}`)];
    expect(facts([ASSET], drifted).map((f) => [f.id, f.pointer])).toEqual([['cross-response-mismatch', '/items/0/assetCode']]);
  });

  it('ignores answers that are not successes', () => {
    const answers = [account('{"id":"a1","assetCode":"USD"}'), balances('{"items":[{"accountId":"a1","assetCode":"BRL"}]}', 404)];
    expect(facts([ASSET], answers)).toEqual([]);
  });

  it('reports one row per case and value pattern however many items disagree', () => {
    const items = Array.from({ length: 1000 }, () => ({ accountId: 'a1', assetCode: 'BRL' }));
    expect(facts([ASSET], [account('{"id":"a1","assetCode":"USD"}'), balances(JSON.stringify({ items }))])).toHaveLength(1);
  });
});

describe('crossResponse: the same amount in two answers', () => {
  it('compares two numbers exactly as decimals, trailing zeros included', () => {
    expect(facts([AMOUNT], [account('{"id":"a1","balance":100.5}'), balances('{"items":[{"accountId":"a1","total":100.50}]}')])).toEqual([]);
  });

  it('compares anything but two numbers as sent: strings by their characters, a number and a string not at all alike', () => {
    const mismatch = (reference: string, other: string) =>
      facts([AMOUNT], [account(`{"id":"a1","balance":${reference}}`), balances(`{"items":[{"accountId":"a1","total":${other}}]}`)]).map((f) => [f.id, f.observed]);
    expect(mismatch('"007"', '"7"')).toEqual([['cross-response-mismatch', '"7"']]);
    expect(mismatch('"1.0"', '"1"')).toEqual([['cross-response-mismatch', '"1"']]);
    expect(mismatch('100.5', '"100.50"')).toEqual([['cross-response-mismatch', '"100.50"']]);
    expect(mismatch('"100.50"', '"100.50"')).toEqual([]);
  });

  it('holds keys as sent: "007" and "7" are two entities', () => {
    const answers = [account('{"id":"007","assetCode":"USD"}'), balances('{"items":[{"accountId":"7","assetCode":"BRL"},{"accountId":7,"assetCode":"BRL"}]}')];
    expect(facts([ASSET], answers)).toEqual([]);
  });

  it('reports amount-precision-lost for digits beyond 2^53 that a double cannot tell apart', () => {
    const found = facts([AMOUNT], [account('{"id":"a1","balance":12345678901234567890}'), balances('{"items":[{"accountId":"a1","total":12345678901234567891}]}')]);
    expect(found).toEqual([
      {
        id: 'amount-precision-lost',
        case: 'balances',
        operation: BALANCES,
        status: 200,
        pointer: '/items/0/total',
        expected: `12345678901234567890 (as ${ACCOUNT} answered)`,
        observed: '12345678901234567891: digits differ from the same amount elsewhere in the run',
      },
    ]);
  });

  it('reads a number by the digits written, not by its double', () => {
    // Both numbers parse to the same double: only the text tells them apart.
    const found = facts([AMOUNT], [account('{"id":"a1","balance":0.100000000000000000000001}'), balances('{"items":[{"accountId":"a1","total":0.1}]}')]);
    expect(found.map((f) => [f.id, f.expected])).toEqual([['amount-precision-lost', `0.100000000000000000000001 (as ${ACCOUNT} answered)`]]);
  });

  it('reports amounts that differ as doubles too as a mismatch', () => {
    const found = facts([AMOUNT], [account('{"id":"a1","balance":"100.50"}'), balances('{"items":[{"accountId":"a1","total":"100.51"}]}')]);
    expect(found.map((f) => f.id)).toEqual(['cross-response-mismatch']);
  });
});
