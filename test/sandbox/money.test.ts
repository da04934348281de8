import { describe, expect, it } from 'vitest';
import { FINDING_KINDS, isFindingId } from '../../src/findings/registry.ts';
import { SANDBOX_VENDORS, sandboxScenarios } from '../../src/sandbox/index.ts';
import { CASE_BOOKS, fetchAllCases, startInScenario } from './support/cases.ts';
import { BROKEN_MONEY_RULES, type Answered, type Broken } from './support/money-rules.ts';

// The money figures the sandboxes compute, held to the seed documents' rules on the answers themselves:
// faithful answers break none, and each scenario breaks exactly the rules its money findings name.

const key = (broken: Broken) => `${broken.case} | ${broken.id} | ${broken.pointer}`;
const isMoneyFinding = (id: string) => isFindingId(id) && FINDING_KINDS[id].category === 'semantic';

describe.each(SANDBOX_VENDORS)('the %s sandbox answers money figures that break exactly the rules its scenarios name', (vendor) => {
  it.each(sandboxScenarios(vendor).map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    const sandbox = await startInScenario(vendor, scenario.name);
    try {
      const paths = CASE_BOOKS[vendor](sandbox);
      const answered = new Map<string, Answered>();
      for (const [testCase, answer] of await fetchAllCases(sandbox, vendor)) {
        if (answer.status === 200) answered.set(testCase, { path: paths[testCase]!.path, text: answer.text, body: JSON.parse(answer.text) });
      }
      const expected = scenario.expectedFindings.filter((finding) => isMoneyFinding(finding.id)).map((finding) => key(finding as Broken));
      expect(BROKEN_MONEY_RULES[vendor](answered).map(key).sort()).toEqual(expected.sort());
    } finally {
      await sandbox.close();
    }
  });
});
