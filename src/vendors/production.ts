import { displayUrl } from './display-url.ts';
import { hostKey, productionAllowed, refuseProduction } from './env.ts';
import type { Env, VendorDefinition } from './types.ts';

/**
 * Whether a target given on the command line (conform audit: no vendor file of its own) is a
 * production one by any vendor file's guard: its host, or its credential's prefix. Refused unless
 * CONFORM_ALLOW_PRODUCTION=1; then only GET and HEAD are sent, whatever --allow-unsafe says.
 */
export function commandLineProduction(env: Env, baseUrl: string, credential: string | null, vendors: readonly VendorDefinition[]): boolean {
  const host = hostKey(new URL(baseUrl).hostname);
  const byHost = vendors.some((vendor) => vendor.production.hosts.includes(host));
  // Any case: a guard errs on the safe side.
  const byKey = credential !== null && vendors.some((vendor) => vendor.production.credentialPrefixes.some((prefix) => credential.toLowerCase().startsWith(prefix.toLowerCase())));
  if ((byHost || byKey) && !productionAllowed(env)) refuseProduction(byHost ? '--base-url' : '--auth', byHost ? displayUrl(baseUrl) : 'the --auth credential');
  return byHost || byKey;
}
