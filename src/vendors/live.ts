import { ConfigError } from './config-error.ts';
import { guardedBaseUrl, optional, productionAllowed, refuseProduction } from './env.ts';
import { VendorFileError } from './file-error.ts';
import { resolveValue, UNSET, variableOf, type FileValue } from './placeholder.ts';
import type { Env, LiveTarget } from './types.ts';

/** The live part of a vendor file, each value with the line it is on. */
export interface LiveSection {
  /** The variable whose being set runs the vendor live. */
  when: string;
  baseUrl: { value: FileValue; line: number };
  valid: { value: FileValue; line: number } | null;
  limited: { value: FileValue; line: number } | null;
  headers: Array<{ name: string; value: FileValue; line: number }>;
  fixtures: Array<{ name: string; value: FileValue; line: number }>;
  productionHosts: readonly string[];
  credentialPrefixes: readonly string[];
}

/**
 * The vendor's live target when `when` is set, else null (its base URL variable set alone is an
 * error). Every value is read here, before any request: a required variable left unset is an error
 * located in the file; a production credential or host is refused unless CONFORM_ALLOW_PRODUCTION=1,
 * named by the variable that holds it.
 */
export function liveTargetOf(file: string, live: LiveSection, env: Env): LiveTarget | null {
  if (!optional(env, live.when)) {
    const baseVariable = variableOf(live.baseUrl.value);
    // Alone, a base URL would be ignored and the run would test the sandbox while the user meant the vendor.
    if (baseVariable && baseVariable !== live.when && optional(env, baseVariable)) {
      throw new ConfigError(baseVariable, `is set but ${live.when} is not; set ${live.when} to run against it, or unset ${baseVariable} to run against the embedded sandbox`);
    }
    return null;
  }
  const read = (value: FileValue, line: number): string | null => {
    const resolved = resolveValue(value, env);
    if (resolved === UNSET) throw new VendorFileError(file, line, `${variableOf(value)} is not set; it is required when ${live.when} is set`);
    return resolved;
  };
  const valid = live.valid ? read(live.valid.value, live.valid.line) : null;
  const limited = live.limited ? optionalValue(live.limited.value, env, file, live.limited.line) : null;
  let productionKey = false;
  for (const [credential, value] of [[valid, live.valid?.value], [limited, live.limited?.value]] as const) {
    // Any case: a guard errs on the safe side.
    const prefix = credential ? live.credentialPrefixes.find((p) => credential.toLowerCase().startsWith(p.toLowerCase())) : undefined;
    if (!prefix) continue;
    if (!productionAllowed(env)) refuseProduction(variableOf(value!) ?? file, `an ${prefix} key`);
    productionKey = true;
  }
  const base = live.baseUrl.value;
  const baseVariable = variableOf(base);
  if (baseVariable) read(base, live.baseUrl.line);
  // guardedBaseUrl names the variable in its messages; a literal is named by its place in the file.
  const { url, production } = 'literal' in base
    ? guardedBaseUrl({}, `${file}:${live.baseUrl.line}`, base.literal, live.productionHosts)
    : guardedBaseUrl(env, base.variable, base.fallback ?? '', live.productionHosts);
  return {
    mode: 'live',
    baseUrl: url,
    production: production || productionKey,
    credentials: { valid, limited },
    fixtures: Object.fromEntries(live.fixtures.map(({ name, value, line }) => [name, optionalValue(value, env, file, line)])),
    headers: Object.fromEntries(live.headers.flatMap(({ name, value, line }) => {
      const resolved = optionalValue(value, env, file, line);
      return resolved === null ? [] : [[name, resolved]];
    })),
  };
}

/** A value that may be left unconfigured; `${VAR}` without a default still says it is required. */
function optionalValue(value: FileValue, env: Env, file: string, line: number): string | null {
  const resolved = resolveValue(value, env);
  if (resolved === UNSET) throw new VendorFileError(file, line, `${variableOf(value)} is not set (write \${${variableOf(value)}:-} to make it optional)`);
  return resolved;
}

