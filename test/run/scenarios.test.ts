import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VendorReport } from '../../src/report/types.ts';
import { escapeSegment, parsePointer } from '../../src/json/pointer.ts';
import { stringPlaceholder } from '../../src/privacy/placeholder.ts';
import { sandboxScenarios, SANDBOX_VENDORS } from '../../src/sandbox/index.ts';
import { callCli } from '../support/cli.ts';

// Every documented scenario of every sandbox, run through the real suites: one `conform run` (in this process) per
// round, each vendor in its next scenario, so a dozen runs cover them all.
const scenarios = Object.fromEntries(SANDBOX_VENDORS.map((vendor) => [vendor, sandboxScenarios(vendor)]));
const rounds = Math.max(...Object.values(scenarios).map((list) => list.length));

type Located = { case: string; id: string; pointer: string | null };
const key = (f: Located) => `${f.case} | ${f.id} | ${f.pointer}`;

// A scenario documents what the checks find; a report shows it masked: the name of an undocumented property is data (src/privacy).
function reported(finding: Located): Located {
  if (finding.id !== 'response-property-undocumented' || !finding.pointer) return finding;
  const segments = parsePointer(finding.pointer);
  return { ...finding, pointer: `/${[...segments.slice(0, -1), stringPlaceholder(segments.at(-1)!)].map(escapeSegment).join('/')}` };
}

describe('drift scenarios produce exactly the findings they document', () => {
  for (let round = 0; round < rounds; round++) {
    const plan = SANDBOX_VENDORS.flatMap((vendor) => (scenarios[vendor]![round] ? [[vendor, scenarios[vendor]![round]!] as const] : []));
    it(plan.map(([vendor, scenario]) => `${vendor}: ${scenario.name}`).join('; '), async () => {
      const reportsDir = await mkdtemp(join(tmpdir(), 'conform-scenario-'));
      const env = Object.fromEntries(plan.map(([vendor, scenario]) => [`${vendor.toUpperCase()}_SANDBOX_SCENARIO`, scenario.name]));
      const run = await callCli(['run'], { ...env, CONFORM_VENDORS: plan.map(([vendor]) => vendor).join(','), CONFORM_REPORTS_DIR: reportsDir });
      expect(run.stderr).toBe('');
      let breaking = false;
      for (const [vendor, scenario] of plan) {
        const report = JSON.parse(await readFile(join(reportsDir, 'latest', `${vendor}.json`), 'utf8')) as VendorReport;
        // Exactly the documented rows but the probe-only ones (cases no vendor file sends).
        const expected = scenario.expectedFindings.filter((f) => !f.probeOnly).map(reported).map(key).sort();
        expect(report.findings.map(key).sort(), `${vendor} ${scenario.name}`).toEqual(expected);
        expect(report.outcomes.skipped, `${vendor} ${scenario.name}`).toBe(0);
        breaking ||= report.counts.breaking > 0;
      }
      expect(run.code).toBe(breaking ? 1 : 0);
    });
  }

  it('the faithful scenarios are clean: npm run conformance exits 0 on a fresh clone', () => {
    for (const vendor of SANDBOX_VENDORS) {
      const faithful = scenarios[vendor]!.find((s) => s.name === 'faithful')!;
      // Xendit documents no 400; its sandbox answers one to a malformed id, a probe no vendor file sends.
      expect(faithful.expectedFindings.filter((f) => !f.probeOnly), vendor).toEqual([]);
    }
  });
});
