import { joinPointer } from '../../json/index.ts';
import type { ChangeList } from './change.ts';
import { pairBranches } from './one-of.ts';
import type { ChangeId } from './registry.ts';
import { viewOf, type SchemaView } from './schema-view.ts';
import { atBodyRoot } from './body-root.ts';
import { compareTypes } from './types-compare.ts';
import type { SameSchema } from './same-schema.ts';

type Json = Record<string, unknown>;

/** Deeper than this a body is not compared (no real response nests so deep; a hostile document may). */
const MAX_DEPTH = 64;
/** Schema pairs compared per diff at most: shared schemas fan out, and each place is reported. */
const MAX_VISITS = 100_000;

export interface BodyDiffContext {
  base: Json;
  revision: Json;
  changes: ChangeList;
  /** Shared by every body of one diff: the work bound, and whether the cut was reported yet. */
  bounds: { visits: number; cut: boolean };
  /** Which schema pairs are identical, so never walked. */
  same: SameSchema;
}

interface Scope {
  operation: string;
  /** null for a request body. */
  status: string | null;
}

/** Compares two response body schemas; `where` of each change is a path from the body root. */
export function diffBody(context: BodyDiffContext, scope: Scope, base: unknown, revision: unknown): void {
  walk(context, scope, base, revision, '', 0, new Set());
}

function walk(context: BodyDiffContext, scope: Scope, baseRaw: unknown, revisionRaw: unknown, where: string, depth: number, onPath: Set<string>): void {
  const at = where || '/';
  if (context.changes.full || context.same.test(baseRaw, revisionRaw) || outOfBounds(context, scope, at, depth)) return;
  const base = viewOf(context.base, baseRaw);
  const revision = viewOf(context.revision, revisionRaw);
  // A self-referencing schema: the pair is already being compared further up this path.
  const pairKey = base.target !== null && revision.target !== null ? `${base.target}\n${revision.target}` : null;
  if (pairKey !== null && onPath.has(pairKey)) return;
  if (pairKey !== null) onPath.add(pairKey);

  const add = (id: ChangeId, value?: unknown) =>
    context.changes.add(where === '' ? atBodyRoot(id) : id, { ...scope, where: at, ...(value === undefined ? {} : { value: valueText(value), valueJson: valueKey(value) }) });
  if (!base.nullable && revision.nullable) add('response-property-became-nullable');
  if (base.nullable && !revision.nullable) add('response-property-became-not-nullable');
  const typeChange = compareTypes(base.types, revision.types);
  if (typeChange) add(typeChange);
  diffEnums(base, revision, add);
  if (base.constValue && revision.constValue && valueKey(base.constValue.value) !== valueKey(revision.constValue.value)) {
    add('response-property-const-changed', revision.constValue.value);
  }

  const branches = pairBranches(context.base, context.revision, base.oneOf, revision.oneOf);
  for (const label of branches.removed) add('response-property-one-of-removed', label);
  for (const label of branches.added) add('response-property-one-of-added', label);
  for (const pair of branches.pairs) walk(context, scope, pair.base, pair.revision, `${where}/oneOf[${pair.label}]`, depth + 1, onPath);

  diffProperties(context, scope, base, revision, where, depth, onPath);
  if (base.items !== undefined && revision.items !== undefined) walk(context, scope, base.items, revision.items, `${where}/items`, depth + 1, onPath);
  if (pairKey !== null) onPath.delete(pairKey);
}

function diffProperties(context: BodyDiffContext, scope: Scope, base: SchemaView, revision: SchemaView, where: string, depth: number, onPath: Set<string>): void {
  const add = (id: ChangeId, name: string) => context.changes.add(id, { ...scope, where: joinPointer(where, name) });
  for (const [name, child] of base.properties) {
    const required = base.required.has(name);
    if (!revision.properties.has(name)) {
      add(required ? 'response-required-property-removed' : 'response-optional-property-removed', name);
      continue;
    }
    if (required && !revision.required.has(name)) add('response-property-became-optional', name);
    if (!required && revision.required.has(name)) add('response-property-became-required', name);
    walk(context, scope, child, revision.properties.get(name), joinPointer(where, name), depth + 1, onPath);
  }
  for (const name of revision.properties.keys()) {
    if (!base.properties.has(name)) add(revision.required.has(name) ? 'response-required-property-added' : 'response-optional-property-added', name);
  }
}

/** One change per enum value added or removed, when both versions have an enum. */
function diffEnums(base: SchemaView, revision: SchemaView, add: (id: ChangeId, value: unknown) => void): void {
  if (base.enumValues === null || revision.enumValues === null) return;
  const before = new Set(base.enumValues.map(valueKey));
  const after = new Set(revision.enumValues.map(valueKey));
  for (const value of revision.enumValues) if (!before.has(valueKey(value))) add('response-property-enum-value-added', value);
  for (const value of base.enumValues) if (!after.has(valueKey(value))) add('response-property-enum-value-removed', value);
}

const valueKey = (value: unknown) => JSON.stringify(value) ?? String(value);
const valueText = (value: unknown) => (typeof value === 'string' ? value : valueKey(value));

/** Whether a walk went past the depth or work bound; the first time per diff, says where it stopped. */
export function outOfBounds(context: BodyDiffContext, scope: Scope, at: string, depth: number): boolean {
  if (depth <= MAX_DEPTH && ++context.bounds.visits <= MAX_VISITS) return false;
  if (!context.bounds.cut) {
    context.bounds.cut = true;
    context.changes.add('spec-diff-incomplete', { ...scope, where: at });
  }
  return true;
}
