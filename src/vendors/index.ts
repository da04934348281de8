import { midaz } from './midaz.ts';
import type { VendorDefinition, VendorName } from './types.ts';
import { whop } from './whop.ts';
import { xendit } from './xendit.ts';

export type { CredentialUse, Env, VendorDefinition, VendorName, VendorTarget } from './types.ts';
export { ConfigError } from './config-error.ts';
export { baseUrl, optional } from './env.ts';
export { displayUrl } from './display-url.ts';

/** Every vendor conform knows, in report order. Adding a vendor means adding it here (docs/adding-a-vendor.md). */
export const VENDORS: Readonly<Record<VendorName, VendorDefinition>> = { whop, midaz, xendit };

export const VENDOR_NAMES = Object.keys(VENDORS) as VendorName[];
