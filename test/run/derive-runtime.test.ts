import { describe, expect, it } from 'vitest';
import { severityOf } from '../../src/findings/index.ts';
import type { SuiteCase } from '../../src/run/case.ts';
import { deriveCases } from '../../src/run/index.ts';
import type { DerivedCase } from '../../src/run/index.ts';
import { openRuntime, runCase } from '../../src/run/runtime.ts';
import { startSandbox, type VendorName } from '../../src/sandbox/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

// Each seed sandbox: which of its credentials play the valid and the limited key, and its fixtures by parameter name.
const SEEDS: Record<VendorName, { valid: string; limited: string | null; fixtures: Record<string, string> }> = {
  whop: { valid: 'apiKey', limited: 'limitedApiKey', fixtures: { id: 'ledgerAccountId' } },
  midaz: { valid: 'token', limited: null, fixtures: { organization_id: 'organizationId', ledger_id: 'ledgerId', account_id: 'accountId' } },
  xendit: { valid: 'secretKey', limited: null, fixtures: { id: 'accountId' } },
};

/** The seed documents document every status a derived case expects, so each is a plain SuiteCase the runtime takes today. */
function asSuiteCase(derived: DerivedCase): SuiteCase {
  const { expectStatus, query, ...rest } = derived;
  if (typeof expectStatus !== 'number' || Object.keys(query).length > 0) throw new Error(`${derived.name} needs the widened runtime`);
  return { ...rest, expectStatus };
}

describe('derived cases run through the runtime against the faithful embedded sandboxes', () => {
  for (const vendor of Object.keys(SEEDS) as VendorName[]) {
    it(`${vendor}: every derived case is answered with the status it expects and no breaking finding`, async () => {
      const seed = SEEDS[vendor];
      const sandbox = await startSandbox(vendor, { midazAuth: true });
      const runtime = await openRuntime(
        {
          vendor,
          mode: 'sandbox',
          scenario: 'faithful',
          baseUrl: sandbox.url,
          production: false,
          credentials: { valid: sandbox.credentials[seed.valid]!, limited: seed.limited ? sandbox.credentials[seed.limited]! : null },
          fixtures: Object.fromEntries(Object.entries(seed.fixtures).map(([parameter, name]) => [parameter, sandbox.fixtures[name]!])),
          headers: {},
          specs: vendor === 'whop' ? ['specs/whop/1.0.0.yaml'] : vendor === 'midaz' ? ['specs/midaz/3.7.1.yaml', 'specs/midaz/3.7.0.yaml'] : ['specs/xendit/2026-01-08.yaml'],
        },
        { cwd: REPO_ROOT },
      );
      try {
        const { cases } = deriveCases({ specs: runtime.specs, fixtures: runtime.target.fixtures, securityNamed: true, limitedCredential: seed.limited !== null });
        const results = [];
        for (const derived of cases) results.push(await runCase(runtime, asSuiteCase(derived)));
        const outcomes = results.map((r) => `${r.case}: ${r.outcome} ${r.response?.status ?? r.reason} ${r.findings.filter((f) => severityOf(f, {}) === 'breaking').map((f) => f.id).join(',')}`.trim());
        expect(outcomes).toEqual(cases.map((c) => `${c.name}: answered ${c.expectStatus}`));
        expect(cases.length).toBe({ whop: 6, midaz: 10, xendit: 4 }[vendor]);
      } finally {
        await runtime.client.close();
        await sandbox.close();
      }
    });
  }
});
