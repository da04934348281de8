import { loadSpec, type LoadedSpec } from '../../spec/index.ts';
import type { VendorDefinition, VendorTarget } from '../../vendors/index.ts';
import { deriveCases } from './derive.ts';

/**
 * Each target whose vendor file lists no cases gets the cases derived from its documents (the others
 * run their explicit ones as written). Derived cases name fixtures by the document parameter they
 * fill, so the target also carries each fixture under its parameter's name.
 */
export async function withDerivedCases(targets: readonly VendorTarget[], vendors: readonly VendorDefinition[], cwd: string, loaded?: ReadonlyMap<string, LoadedSpec>): Promise<VendorTarget[]> {
  return Promise.all(
    targets.map(async (target) => {
      if (target.cases.length > 0) return target;
      const definition = vendors.find((vendor) => vendor.name === target.vendor);
      if (!definition) return target;
      const fixtures = { ...target.fixtures };
      const fixtureVariables = { ...target.fixtureVariables };
      for (const [name, parameter] of Object.entries(definition.fixtureParameters)) {
        fixtures[parameter] ??= target.fixtures[name] ?? null;
        fixtureVariables[parameter] ??= target.fixtureVariables[name] ?? name;
      }
      const specs = await Promise.all(target.specs.map((file) => loaded?.get(file) ?? loadSpec(file, { cwd, vendor: target.vendor })));
      const { cases } = deriveCases({
        specs,
        fixtures,
        // A vendor file always names the scheme its credential goes by.
        securityNamed: true,
        limitedCredential: target.credentials.limited !== null,
        include: definition.operations.include ?? undefined,
        exclude: definition.operations.exclude,
      });
      return { ...target, fixtures, fixtureVariables, cases };
    }),
  );
}
