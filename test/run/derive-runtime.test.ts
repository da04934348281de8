import { describe, expect, it } from 'vitest';
import { severityOf } from '../../src/findings/index.ts';
import type { SuiteCase } from '../../src/run/case.ts';
import { deriveCases } from '../../src/run/index.ts';
import type { DerivedCase } from '../../src/run/index.ts';
import { openRuntime, runCase } from '../../src/run/runtime.ts';
import { resolveRunConfig, startTargets } from '../../src/run/index.ts';
import { SANDBOX_VENDORS } from '../../src/sandbox/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

// The fixture each seed's derived cases take for a parameter its vendor file fills from several (Whop's id).
const PREFERRED: Record<string, string> = { whop: 'ledgerAccountId', midaz: '', xendit: 'accountId' };

/** The seed documents document every status a derived case expects, so each is a plain SuiteCase the runtime takes today. */
function asSuiteCase(derived: DerivedCase): SuiteCase {
  const { expectStatus, query, ...rest } = derived;
  if (typeof expectStatus !== 'number' || Object.keys(query).length > 0) throw new Error(`${derived.name} needs the widened runtime`);
  return { ...rest, expectStatus };
}

describe('derived cases run through the runtime against the faithful embedded sandboxes', () => {
  for (const vendor of SANDBOX_VENDORS) {
    it(`${vendor}: every derived case is answered with the status it expects and no breaking finding`, async () => {
      // The vendor as `conform run` configures it: its file, its faithful sandbox, auth enforced.
      const config = resolveRunConfig({ CONFORM_VENDORS: vendor }, REPO_ROOT);
      const { targets, close } = await startTargets(config);
      const target = targets[0]!;
      const definition = config.vendors.find((v) => v.name === vendor)!;
      // Derivation takes fixtures by the document parameter they fill.
      const fixtures: Record<string, string | null> = {};
      for (const [name, parameter] of Object.entries(definition.fixtureParameters)) {
        if (fixtures[parameter] === undefined || name === PREFERRED[vendor]) fixtures[parameter] = target.fixtures[name] ?? null;
      }
      const runtime = await openRuntime({ ...target, fixtures }, { cwd: REPO_ROOT });
      try {
        const { cases } = deriveCases({ specs: runtime.specs, fixtures, securityNamed: true, limitedCredential: target.credentials.limited !== null });
        const results = [];
        for (const derived of cases) results.push(await runCase(runtime, asSuiteCase(derived)));
        const outcomes = results.map((r) => `${r.case}: ${r.outcome} ${r.response?.status ?? r.reason} ${r.findings.filter((f) => severityOf(f, {}) === 'breaking').map((f) => f.id).join(',')}`.trim());
        expect(outcomes).toEqual(cases.map((c) => `${c.name}: answered ${c.expectStatus}`));
        expect(cases.length).toBe({ whop: 6, midaz: 10, xendit: 4 }[vendor]);
      } finally {
        await runtime.client.close();
        await close();
      }
    });
  }
});
