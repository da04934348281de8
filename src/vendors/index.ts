export type { AuthScheme, CredentialUse, Env, FixtureRef, LiveTarget, SuiteCase, VendorDefinition, VendorName, VendorTarget } from './types.ts';
export { ConfigError } from './config-error.ts';
export { VendorFileError } from './file-error.ts';
export { baseUrl, optional } from './env.ts';
export { displayUrl } from './display-url.ts';
export { loadVendorFile, loadVendors, VENDOR_SCHEMA_FILE, VENDORS_DIR } from './load.ts';
export { exercised, vendorNamed, vendorTarget, type TargetPlace } from './target.ts';
export { invalidCredentialFor } from './invalid-credential.ts';
export { chosenScheme } from './chosen-scheme.ts';
