import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { withSeverity } from '../../src/judge/index.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { LoadedSpec } from '../../src/spec/types.ts';
import { checkFixtureNames, fixtureOptions, fixtureResponse, readCheckFixtures } from '../support/fixtures.ts';
import { REPO_ROOT } from '../support/paths.ts';

const specs = new Map<string, Promise<LoadedSpec>>();
const spec = (file: string) => {
  if (!specs.has(file)) specs.set(file, loadSpec(file, { cwd: REPO_ROOT }));
  return specs.get(file)!;
};

// One fixture file per check module (test/fixtures/checks/<module>.yaml), each case a saved response and
// the exact set of findings it must give, run as the suites run them (with the integrity checks). That
// every finding ID has a fixture is proved in test/findings/producers.test.ts.
for (const check of checkFixtureNames()) {
  describe(check, () => {
    for (const fixture of readCheckFixtures(check)) {
      it(fixture.name, async () => {
        const loaded = await spec(fixture.spec);
        const operation = loaded.operations.find((o) => o.key === fixture.operation);
        expect(operation, `operation ${fixture.operation}`).toBeDefined();
        const findings = checkResponse(loaded, operation!, fixtureResponse(fixture), fixtureOptions(fixture));
        const actual = withSeverity(findings, {}).map((f) => [f.id, f.pointer, f.severity]);
        expect(sortRows(actual)).toEqual(sortRows(fixture.expect));
      });
    }
  });
}

describe('severity overrides', () => {
  it('change the severity of one ID and nothing else', async () => {
    const [fixture] = readCheckFixtures('body-schema').filter((f) => f.name.startsWith('an undocumented property next to a broken branch field'));
    const loaded = await spec(fixture!.spec);
    const checked = checkResponse(loaded, loaded.operations[0]!, fixtureResponse(fixture!));
    const findings = withSeverity(checked, { 'response-property-undocumented': 'warning' });
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['response-property-type-mismatch', 'breaking'],
      ['response-property-undocumented', 'warning'],
    ]);
  });
});

describe('integers beyond 2^53', () => {
  it('are shown with the digits the vendor sent, never the rounded double', async () => {
    const [fixture] = readCheckFixtures('body-schema').filter((f) => f.name.startsWith('an integer sent with a fraction'));
    const loaded = await spec(fixture!.spec);
    const findings = checkResponse(loaded, loaded.operations[0]!, fixtureResponse(fixture!));
    expect(findings.map((f) => [f.pointer, f.expected, f.observed])).toEqual([
      ['/balance', 'integer', 'number 12345678901234567890.5'],
      ['/history/1', 'integer', 'number 98765432109876543210.25'],
      ['/history/2', 'integer', 'number 1.00000000000000001'],
    ]);
  });
});

function sortRows(rows: unknown[][]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}
