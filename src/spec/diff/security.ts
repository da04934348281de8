import type { Operation } from '../types.ts';
import type { ChangeList } from './change.ts';

/** The scopes asked of each scheme, over every requirement the operation accepts. */
function scopesByScheme(operation: Operation): Map<string, Set<string>> {
  const schemes = new Map<string, Set<string>>();
  for (const requirement of operation.security) {
    for (const [scheme, scopes] of Object.entries(requirement)) {
      const set = schemes.get(scheme) ?? new Set<string>();
      if (Array.isArray(scopes)) for (const scope of scopes) if (typeof scope === 'string') set.add(scope);
      schemes.set(scheme, set);
    }
  }
  return schemes;
}

/** Schemes and scopes an operation requires (effective: the operation's own, else the document's). */
export function diffSecurity(changes: ChangeList, base: Operation, revision: Operation): void {
  const before = scopesByScheme(base);
  const after = scopesByScheme(revision);
  const facts = (where: string, value: string) => ({ operation: revision.key, status: null, where, value });
  for (const [scheme, scopes] of after) {
    const previous = before.get(scheme);
    if (!previous) {
      changes.add('api-security-added', facts(`/security/${scheme}`, scheme));
      continue;
    }
    for (const scope of scopes) if (!previous.has(scope)) changes.add('api-security-scope-added', facts(`/security/${scheme}/${scope}`, scope));
    for (const scope of previous) if (!scopes.has(scope)) changes.add('api-security-scope-removed', facts(`/security/${scheme}/${scope}`, scope));
  }
  for (const scheme of before.keys()) if (!after.has(scheme)) changes.add('api-security-removed', facts(`/security/${scheme}`, scheme));
}
