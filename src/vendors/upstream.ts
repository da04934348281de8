import { displayUrl } from './display-url.ts';
import { hostKey } from './env.ts';
import type { VendorUpstream } from './types.ts';

/**
 * The vendor file's `upstream`, checked: a literal public http(s) URL. It is fetched without
 * credentials, so it may hold none (no `${VAR}`, no user name or password, no query or fragment), and never from a host
 * the file names as production. Returns the problem in words, or the upstream.
 */
export function checkedUpstream(upstream: VendorUpstream, productionHosts: readonly string[]): VendorUpstream | string {
  if (upstream.url.includes('${')) return 'upstream.url must be written literally: it is fetched without credentials, so it needs no variable';
  let url: URL;
  try {
    url = new URL(upstream.url);
  } catch {
    return `upstream.url "${displayUrl(upstream.url)}" is not a URL (expected e.g. https://docs.example.com/openapi.yaml)`;
  }
  if (url.username || url.password) return 'upstream.url must not contain a user name or password: the document is fetched without credentials';
  // The URL is written to x-provenance, VENDOR.json and warnings: a query may carry a token (?token=…), so none is taken.
  if (url.search || url.hash) return 'upstream.url must not contain a query or fragment: the URL is written to specs/ and reports, and a query may carry a token; name the document\'s own URL';
  if (productionHosts.includes(hostKey(url.hostname))) return `upstream.url is on the production host ${hostKey(url.hostname)}; name where the document is published (a documentation or sandbox host)`;
  return { url: url.href, format: upstream.format };
}
