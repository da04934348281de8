import { ConfigError } from './config-error.ts';
import { displayUrl } from './display-url.ts';
import type { Env } from './types.ts';

/** A variable's value, with surrounding blanks removed; unset and empty both mean "not configured". */
export function optional(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

/** A base URL: http(s), no credentials in it, no query; returned without a trailing slash. */
export function baseUrl(env: Env, name: string, fallback: string): string {
  return guardedBaseUrl(env, name, fallback, []).url;
}

/**
 * A base URL as baseUrl reads it, and whether it is on one of the vendor's production hosts. Such a
 * URL is refused unless CONFORM_ALLOW_PRODUCTION=1, before anything else is said about it: a
 * production URL with a password in it is refused as production, and the password is never echoed.
 */
export function guardedBaseUrl(env: Env, name: string, fallback: string, productionHosts: readonly string[]): { url: string; production: boolean } {
  const raw = optional(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${displayUrl(raw)}" is not a URL (expected e.g. https://api.example.com/v1)`);
  }
  const production = productionHosts.includes(hostKey(url.hostname));
  if (production && !productionAllowed(env)) refuseProduction(name, displayUrl(raw));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(name, `must be an http(s) URL, got ${url.protocol}`);
  if (url.username || url.password) throw new ConfigError(name, 'must not contain credentials; set the vendor key variable instead');
  if (url.search || url.hash) throw new ConfigError(name, 'must not contain a query or fragment');
  return { url: url.href.replace(/\/+$/, ''), production };
}

/**
 * The name a host is compared by. WHATWG URL parsing has already lower-cased it, decoded its
 * percent-escapes and mapped it to ASCII (IDNA: fullwidth letters, ideographic full stops); what is
 * left is the trailing dot of a fully qualified name, which DNS resolves to the same host.
 */
export function hostKey(hostname: string): string {
  return hostname.replace(/\.+$/, '');
}

/**
 * A switch: unset or blank is off, 1 on, 0 off. Anything else stops the run: a requirement spelt
 * `true` or `yes` must not quietly mean "not required". The value is not echoed (it may be a pasted secret).
 */
export function flag(env: Env, name: string): boolean {
  const value = optional(env, name);
  if (value === null || value === '0') return false;
  if (value === '1') return true;
  throw new ConfigError(name, 'must be 1 (on) or 0 (off)');
}

export function productionAllowed(env: Env): boolean {
  return optional(env, 'CONFORM_ALLOW_PRODUCTION') === '1';
}

export function refuseProduction(variable: string, what: string): never {
  throw new ConfigError(variable, `${what} is a production credential or host; conform refuses it unless CONFORM_ALLOW_PRODUCTION=1 (and then sends only GET and HEAD requests)`);
}
