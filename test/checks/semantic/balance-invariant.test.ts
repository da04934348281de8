import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../../src/checks/index.ts';
import { MAX_BINDINGS } from '../../../src/checks/semantic/evaluate.ts';
import { loadSpec } from '../../../src/spec/load.ts';
import { fixtureResponse, fixtureOptions, readCheckFixtures, type CheckFixture } from '../../support/fixtures.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const FIXTURES = readCheckFixtures('balance-invariant');
const fixture = (name: string): CheckFixture => FIXTURES.find((f) => f.name.startsWith(name))!;

async function facts(checked: CheckFixture) {
  const spec = await loadSpec(checked.spec, { cwd: REPO_ROOT });
  const operation = spec.operations.find((o) => o.key === checked.operation)!;
  return checkResponse(spec, operation, fixtureResponse(checked), fixtureOptions(checked))
    .filter((f) => f.id === 'balance-invariant-violated')
    .map((f) => [f.pointer, f.expected, f.observed]);
}

describe('balance-invariant-violated', () => {
  it('names the figure, what the rule computes for it in its own encoding, and the value as sent', async () => {
    expect(await facts(fixture('an overdraft in use that the position leaves out'))).toEqual([
      ['/position/available', '"-250.50" (/position/available == /available - /overdraftUsed)', '"1000"'],
      ['/position/overdraftLimitAvailable', '"3749.50" (/position/overdraftLimitAvailable == /settings/overdraftLimit - /overdraftUsed)', '"5000.00"'],
    ]);
    expect(await facts(fixture('overdraft disabled with headroom left'))).toEqual([
      ['/position/overdraftLimitAvailable', '"0" (/position/overdraftLimitAvailable == "0")', '"5000.00"'],
    ]);
  });

  it('names a figure present where a rule says absent', async () => {
    expect(await facts(fixture('an unlimited overdraft with a headroom figure'))).toEqual([
      [
        '/position/overdraftLimitAvailable',
        'absent (/position/overdraftLimitAvailable absent when /settings/allowOverdraft and not /settings/overdraftLimitEnabled)',
        '"5000.00"',
      ],
    ]);
  });

  it('shows JSON numbers with the digits the vendor sent, beyond 2^53 and in a volumes list', async () => {
    expect(await facts(fixture('an integer beyond 2^53 off by one'))).toEqual([['/units/total', '9007199254740993 (/units/total == /units/available - /units/onHold)', '9007199254740992']]);
    expect(await facts(fixture('an 18-decimal total off'))).toEqual([['/eth/total', '"1.000000000000000003" (/eth/total == /eth/available + /eth/onHold)', '"1.000000000000000004"']]);
    expect(await facts(fixture('each entry of a volumes list'))).toEqual([['/volumes/1/balance', '10.15 (/volumes/*/balance == /volumes/*/input - /volumes/*/output)', '10.14']]);
  });

  it('holds a rule of another comparison to its operator, and a present rule to its figure', async () => {
    const base = fixture('an 18-decimal total off');
    const checked: CheckFixture = {
      ...base,
      rules: { invariants: [{ check: '/eth/onHold <= /eth/available - 1' }], presence: [{ at: '/eth/locked', presence: 'present', when: '/eth/total > 0' }] },
    };
    expect(await facts(checked)).toEqual([
      ['/eth/onHold', '<= "0.000000000000000001" (/eth/onHold <= /eth/available - 1)', '"0.000000000000000002"'],
      ['/eth/locked', 'present (/eth/locked present when /eth/total > 0)', 'absent'],
    ]);
  });

  it('holds each entry of a list to a presence rule, entries without the figure included', async () => {
    const checked: CheckFixture = {
      ...fixture('each entry of a volumes list'),
      rules: { presence: [{ at: '/volumes/*/balance', presence: 'present', when: '/volumes/*/input > 0' }] },
      bodyText: JSON.stringify({ volumes: [{ input: '1', balance: '1' }, { input: '2' }, { input: '0' }, { input: '3', balance: null }] }),
    };
    expect(await facts(checked)).toEqual([
      ['/volumes/1/balance', 'present (/volumes/*/balance present when /volumes/*/input > 0)', 'absent'],
      ['/volumes/3/balance', 'present (/volumes/*/balance present when /volumes/*/input > 0)', 'null'],
    ]);
  });

  it(`lists at most 100 broken entries of a list and counts the rest, up to ${MAX_BINDINGS} entries`, async () => {
    const volumes = Array.from({ length: MAX_BINDINGS + 500 }, () => ({ input: '2', output: '1', balance: '0' }));
    const checked: CheckFixture = { ...fixture('each entry of a volumes list'), bodyText: JSON.stringify({ volumes }) };
    const spec = await loadSpec(checked.spec, { cwd: REPO_ROOT });
    const findings = checkResponse(spec, spec.operations[0]!, fixtureResponse(checked), fixtureOptions(checked));
    expect(findings.filter((f) => f.id === 'balance-invariant-violated')).toHaveLength(100);
    expect(findings.find((f) => f.id === 'response-findings-truncated')?.observed).toBe(`${MAX_BINDINGS - 100} more: balance-invariant-violated ${MAX_BINDINGS - 100}`);
  });
});
