import type { LoadedSpec, Operation } from '../types.ts';
import type { ChangeList } from './change.ts';
import type { ChangeId } from './registry.ts';

/** One alternative of a security requirement: every scheme it names, with the scopes asked of each. */
type Alternative = Map<string, Set<string>>;

/** The alternatives a requirement list accepts (any one suffices); an empty list lets anyone in. */
function alternativesOf(requirements: unknown[]): Alternative[] {
  const alternatives = requirements.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object' && !Array.isArray(r)).map(alternativeOf);
  return alternatives.length > 0 ? alternatives : [new Map()];
}

function alternativeOf(requirement: Record<string, unknown>): Alternative {
  const alternative: Alternative = new Map();
  for (const [scheme, scopes] of Object.entries(requirement)) {
    alternative.set(scheme, new Set(Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : []));
  }
  return alternative;
}

interface Gap {
  schemes: string[];
  scopes: Array<[string, string]>;
}

const size = (gap: Gap) => gap.schemes.length + gap.scopes.length;

/** What a credential able to meet `held` lacks to meet `asked`: schemes missing, and scopes missing per scheme. */
function lacking(held: Alternative, asked: Alternative): Gap {
  const schemes: string[] = [];
  const scopes: Array<[string, string]> = [];
  for (const [scheme, wanted] of asked) {
    const have = held.get(scheme);
    if (!have) schemes.push(scheme);
    else for (const scope of wanted) if (!have.has(scope)) scopes.push([scheme, scope]);
  }
  return { schemes, scopes };
}

const union = (alternatives: Alternative[]): Alternative => {
  const all: Alternative = new Map();
  for (const alternative of alternatives) for (const [scheme, scopes] of alternative) all.set(scheme, new Set([...(all.get(scheme) ?? []), ...scopes]));
  return all;
};

interface SecurityIds {
  added: ChangeId;
  removed: ChangeId;
  scopeAdded: ChangeId;
  scopeRemoved: ChangeId;
}

const OPERATION_IDS: SecurityIds = { added: 'api-security-added', removed: 'api-security-removed', scopeAdded: 'api-security-scope-added', scopeRemoved: 'api-security-scope-removed' };
const GLOBAL_IDS: SecurityIds = {
  added: 'api-global-security-added',
  removed: 'api-global-security-removed',
  scopeAdded: 'api-global-security-scope-added',
  scopeRemoved: 'api-global-security-scope-removed',
};

/**
 * Requirements are alternatives (OR), the schemes and scopes within one are all needed (AND). A change
 * is breaking only where a credential that met some base alternative meets no revision alternative:
 * what that alternative had and the revision no longer names at all is reported as removed (breaking),
 * else what the nearest revision alternative asks beyond it as added (breaking). Every other scheme or
 * scope added or removed (a new alternative beside the old ones) keeps oasdiff's grade.
 */
function diffRequirements(changes: ChangeList, ids: SecurityIds, operation: string | null, baseRaw: unknown[], revisionRaw: unknown[]): void {
  const base = alternativesOf(baseRaw);
  const revision = alternativesOf(revisionRaw);
  const before = union(base);
  const after = union(revision);
  const facts = (where: string, value: string, oasdiffGrade: boolean) => ({ operation, status: null, where, value, oasdiffGrade });
  const report = (gap: Gap, scheme: ChangeId, scope: ChangeId, oasdiffGrade: boolean) => {
    for (const name of gap.schemes) changes.add(scheme, facts(`/security/${name}`, name, oasdiffGrade));
    for (const [name, value] of gap.scopes) changes.add(scope, facts(`/security/${name}/${value}`, value, oasdiffGrade));
  };
  for (const held of base) {
    const gaps = revision.map((asked) => lacking(held, asked));
    if (gaps.some((gap) => size(gap) === 0)) continue;
    const gone = lacking(after, held);
    if (size(gone) > 0) report(gone, ids.removed, ids.scopeRemoved, false);
    else report(gaps.reduce((nearest, gap) => (size(gap) < size(nearest) ? gap : nearest)), ids.added, ids.scopeAdded, false);
  }
  report(lacking(before, after), ids.added, ids.scopeAdded, true);
  report(lacking(after, before), ids.removed, ids.scopeRemoved, true);
}

/** Schemes and scopes an operation requires (effective: the operation's own, else the document's). */
export function diffSecurity(changes: ChangeList, base: Operation, revision: Operation): void {
  diffRequirements(changes, OPERATION_IDS, revision.key, base.security, revision.security);
}

/** The document's top-level `security` (the default of every operation), reported apart with no operation. */
export function diffGlobalSecurity(changes: ChangeList, base: LoadedSpec, revision: LoadedSpec): void {
  const list = (spec: LoadedSpec) => (Array.isArray(spec.document.security) ? spec.document.security : []);
  diffRequirements(changes, GLOBAL_IDS, null, list(base), list(revision));
}
