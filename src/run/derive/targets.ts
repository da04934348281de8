import { loadSpec, type LoadedSpec } from '../../spec/index.ts';
import type { VendorDefinition, VendorTarget } from '../../vendors/index.ts';
import { deriveCases } from './derive.ts';
import type { CoverageEntry } from './types.ts';

/** A fixture an operation needs and the run lacks, with the variable that configures it when the vendor file names one. */
export interface MissingFixture {
  /** The document parameter it fills ("wallet_id"). */
  fixture: string;
  variable: string | null;
}

/** What became of one operation of a vendor whose cases were derived, as reports show it. */
export interface OperationCoverage extends Omit<CoverageEntry, 'missingFixtures'> {
  missingFixtures: MissingFixture[];
}

/** A target ready to run: its coverage is null when its vendor file lists its cases (nothing was derived). */
export type RunnableTarget = VendorTarget & { coverage: OperationCoverage[] | null };

/**
 * Each target whose vendor file lists no cases gets the cases derived from its documents (the others
 * run their explicit ones as written), and the coverage of every operation, for its report. Derived
 * cases name fixtures by the document parameter they fill, so the target also carries each fixture
 * under its parameter's name.
 */
export async function withDerivedCases(targets: readonly VendorTarget[], vendors: readonly VendorDefinition[], cwd: string, loaded?: ReadonlyMap<string, LoadedSpec>): Promise<RunnableTarget[]> {
  return Promise.all(
    targets.map(async (target) => {
      if (target.cases.length > 0) return { ...target, coverage: null };
      const definition = vendors.find((vendor) => vendor.name === target.vendor);
      if (!definition) return { ...target, coverage: null };
      const fixtures = { ...target.fixtures };
      const fixtureVariables = { ...target.fixtureVariables };
      for (const [name, parameter] of Object.entries(definition.fixtureParameters)) {
        fixtures[parameter] ??= target.fixtures[name] ?? null;
        fixtureVariables[parameter] ??= target.fixtureVariables[name] ?? name;
      }
      const specs = await Promise.all(target.specs.map((file) => loaded?.get(file) ?? loadSpec(file, { cwd, vendor: target.vendor })));
      const { cases, coverage } = deriveCases({
        specs,
        fixtures,
        // A vendor file always names the scheme its credential goes by.
        securityNamed: true,
        limitedCredential: target.credentials.limited !== null,
        include: definition.operations.include ?? undefined,
        exclude: definition.operations.exclude,
      });
      return { ...target, fixtures, fixtureVariables, cases, coverage: coverage.map((entry) => withVariables(entry, target, definition)) };
    }),
  );
}

/** Each missing fixture (a parameter name) with the variable of the vendor-file fixture that fills that parameter, if any. */
function withVariables(entry: CoverageEntry, target: VendorTarget, definition: VendorDefinition): OperationCoverage {
  const variableOf = (parameter: string): string | null => {
    const name = Object.keys(definition.fixtureParameters).find((fixture) => definition.fixtureParameters[fixture] === parameter) ?? parameter;
    return target.fixtureVariables[name] ?? null;
  };
  return { ...entry, missingFixtures: entry.missingFixtures.map((fixture) => ({ fixture, variable: variableOf(fixture) })) };
}
