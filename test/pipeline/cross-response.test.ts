import { describe, expect, it } from 'vitest';
import type { IdentityRule } from '../../src/checks/index.ts';
import { withCrossResponseFindings } from '../../src/pipeline/cross-response.ts';
import type { CaseResult } from '../../src/results/index.ts';
import { runSandbox } from '../support/sandbox-run.ts';

const ACCOUNT = 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}';
const BALANCES = `${ACCOUNT}/balances`;

// An account's asset code, on the account and on its balance (seed 003).
const ASSET: IdentityRule = {
  name: 'account asset',
  entries: [
    { operation: ACCOUNT, key: '/id', value: '/assetCode' },
    { operation: BALANCES, key: '/accountId', value: '/assetCode' },
  ],
  source: { origin: 'vendor-file', file: 'vendors/midaz.yaml', line: 1 },
};

const { results } = await runSandbox('midaz');
const only = (identities: IdentityRule[]) => () => identities;

/** The balances answer with its first balance's asset code changed, as a vendor that drifted would send it. */
function withBalanceAsset(all: readonly CaseResult[], assetCode: string): CaseResult[] {
  return all.map((result) => {
    if (result.case !== 'balances') return result;
    const value = { ...(result.derived!.json!.value as object), assetCode };
    return { ...result, derived: { ...result.derived!, json: { value } }, response: { ...result.response!, body: JSON.stringify(value) } };
  });
}

describe('cross-response findings join the cases of a run', () => {
  it('finds nothing in a faithful Midaz run', () => {
    expect(withCrossResponseFindings(results, only([ASSET]))).toEqual(results);
  });

  it("adds the mismatch to the contradicting case's findings, and to no other case", () => {
    const drifted = withBalanceAsset(results, 'XAU');
    const joined = withCrossResponseFindings(drifted, only([ASSET]));
    const added = joined.flatMap((result, i) => result.findings.slice(drifted[i]!.findings.length).map((f) => [result.case, f.id, f.pointer, f.observed, f.vendor]));
    const account = results.find((r) => r.case === 'account')!.derived!.json!.value as { assetCode: string };
    expect(added).toEqual([['balances', 'cross-response-mismatch', '/assetCode', '"XAU"', 'midaz']]);
    expect(joined.find((r) => r.case === 'balances')!.findings.at(-1)!.expected).toBe(`"${account.assetCode}" (as ${ACCOUNT} answered)`);
  });

  it('adds nothing for a vendor without identity rules', () => {
    expect(withCrossResponseFindings(withBalanceAsset(results, 'XAU'), only([])).flatMap((r) => r.findings)).toEqual(withBalanceAsset(results, 'XAU').flatMap((r) => r.findings));
  });
});
