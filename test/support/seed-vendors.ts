import { loadVendors, vendorNamed, vendorTarget, type VendorDefinition, type VendorTarget } from '../../src/vendors/index.ts';
import { REPO_ROOT } from './paths.ts';

/** The repository's vendor files (vendors/*.yaml), in run order. */
export const SEED_VENDORS: readonly VendorDefinition[] = loadVendors(REPO_ROOT);

export function seedVendor(name: string): VendorDefinition {
  const vendor = vendorNamed(SEED_VENDORS, name);
  if (!vendor) throw new Error(`no vendors/${name}.yaml`);
  return vendor;
}

/** What a hand-built target takes from the vendor's file: how it authenticates, its cases and privacy list. */
export function fromVendorFile(name: string): Pick<VendorTarget, 'auth' | 'invalidCredential' | 'nonPersonal' | 'fixtureVariables' | 'cases' | 'limits' | 'money'> {
  const { auth, invalidCredential, nonPersonal, fixtureVariables, cases, limits, money } = vendorTarget(seedVendor(name), {
    mode: 'live', scenario: null, baseUrl: '', production: false, credentials: { valid: null, limited: null }, fixtures: {}, headers: {},
  });
  return { auth, invalidCredential, nonPersonal, fixtureVariables, cases, limits, money };
}

type SeedName = 'whop' | 'midaz' | 'xendit';

/** The seed vendors by name, for tests written against them. */
export const VENDORS = Object.fromEntries(SEED_VENDORS.map((vendor) => [vendor.name, vendor])) as Record<SeedName, VendorDefinition>;
export const VENDOR_NAMES = SEED_VENDORS.map((vendor) => vendor.name as SeedName);
