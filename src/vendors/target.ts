import { NO_LIMITS, type VendorDefinition, type VendorTarget } from './types.ts';

/** Where and with what a target runs; the rest of the target is the vendor file's. */
export type TargetPlace = Pick<VendorTarget, 'mode' | 'scenario' | 'baseUrl' | 'production' | 'credentials' | 'fixtures' | 'headers'>;

/** The target a suite worker gets: the place it runs plus what the vendor file says, as plain data. */
export function vendorTarget(definition: VendorDefinition, place: TargetPlace): VendorTarget {
  return {
    vendor: definition.name,
    ...place,
    specs: [...definition.specs],
    auth: definition.auth,
    invalidCredential: definition.invalidCredential,
    nonPersonal: [...definition.nonPersonal],
    fixtureVariables: definition.fixtureVariables,
    cases: definition.cases.filter((suiteCase) => exercised(definition, suiteCase.operation)),
    limits: place.mode === 'live' ? definition.liveLimits : NO_LIMITS,
    money: definition.money,
  };
}

/** Whether the vendor file's `operations` include/exclude lets conform call `operation`. */
export function exercised(definition: VendorDefinition, operation: string): boolean {
  const { include, exclude } = definition.operations;
  return (include === null || include.includes(operation)) && !exclude.includes(operation);
}

/** The vendor named `name` among `vendors`, or null. */
export function vendorNamed(vendors: readonly VendorDefinition[], name: string): VendorDefinition | null {
  return vendors.find((vendor) => vendor.name === name) ?? null;
}
