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
  const raw = optional(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${displayUrl(raw)}" is not a URL (expected e.g. https://api.example.com/v1)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(name, `must be an http(s) URL, got ${url.protocol}`);
  if (url.username || url.password) throw new ConfigError(name, 'must not contain credentials; set the vendor key variable instead');
  if (url.search || url.hash) throw new ConfigError(name, 'must not contain a query or fragment');
  return url.href.replace(/\/+$/, '');
}

export function productionAllowed(env: Env): boolean {
  return optional(env, 'CONFORM_ALLOW_PRODUCTION') === '1';
}

export function refuseProduction(variable: string, what: string): never {
  throw new ConfigError(variable, `${what} is a production credential or host; conform refuses it unless CONFORM_ALLOW_PRODUCTION=1 (and then sends only GET requests)`);
}
