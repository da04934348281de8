import type { ValidateFunction } from 'ajv';
import { escapeSegment } from '../json/index.ts';
import { isObject, schemaIndex, type SchemaIndex } from './schema-index.ts';
import { heldBranch } from './violations.ts';

/**
 * Where a body met a oneOf or anyOf, the branch the checker held it to: a value's pointer in the body
 * -> the schema pointers of the chosen branches (one per composite that applies there).
 */
export type HeldBranches = Record<string, string[]>;

export interface BranchSource {
  /** The document the schema pointers point into. */
  document: object;
  /** The validator of the schema at a pointer (compiled once, cached); undefined when it cannot compile. */
  validatorAt(pointer: string): ValidateFunction | undefined;
}

interface Pending {
  value: unknown;
  /** Pointer of the value in the body. */
  at: string;
  /** Pointers of the schemas that apply to it, before $ref, allOf and branches are followed. */
  schemas: string[];
  depth: number;
}

// Bounds on hostile bodies and documents. Each composite validates the value under it once per branch,
// and composites nest (a recursive oneOf meets one at every level): the values validated are charged
// to a budget of a few times the body's size, so the walk costs a bounded multiple of the checker's own
// pass, never depth times it. At most so many composites are resolved, none deeper than a contract
// looks (matchers.ts holds deeper values by type).
const MAX_COMPOSITES = 256;
const MAX_DEPTH = 64;
const BUDGET_PER_VALUE = 4;
const BUDGET_FLOOR = 10_000;
// Items of one shape are held alike by later stages: the first of each shape is resolved, as contracts read them.
const MAX_SHAPES = 8;

/**
 * The branch of every oneOf/anyOf the body meets under the schema at `schemaPointer`, chosen the way
 * the checker's violations choose it (`heldBranch`). The body is not read when no composite is reachable from the schema.
 * Walks the body with the schemas that apply at each place ($ref, allOf, the chosen branch, properties,
 * additionalProperties, prefixItems, items); a place no schema reaches is not walked.
 */
export function heldBranches(body: unknown, schemaPointer: string, source: BranchSource): HeldBranches {
  const held: HeldBranches = {};
  const schemas = schemaIndex(source.document);
  if (!schemas.reachesComposite(schemaPointer)) return held;
  let composites = 0;
  // Counted at the first composite: most bodies under a composite-bearing schema never meet one.
  let budget: number | undefined;
  const pending: Pending[] = [{ value: body, at: '', schemas: [schemaPointer], depth: 0 }];
  while (pending.length > 0) {
    const { value, at, schemas: pointers, depth } = pending.pop()!;
    const applying = new Set<string>();
    for (let i = 0; i < pointers.length; i++) {
      const pointer = pointers[i]!;
      const schema = schemas.at(pointer);
      if (!isObject(schema) || applying.has(pointer)) continue;
      applying.add(pointer);
      if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) pointers.push(schemas.refPointer(schema.$ref));
      if (Array.isArray(schema.allOf)) for (let index = 0; index < schema.allOf.length; index++) pointers.push(`${pointer}/allOf/${index}`);
      for (const keyword of COMPOSITES) {
        const branches = schema[keyword];
        if (!Array.isArray(branches)) continue;
        if (composites++ === MAX_COMPOSITES) return held;
        budget ??= BUDGET_FLOOR + BUDGET_PER_VALUE * sizeOf(body, Infinity);
        budget -= branches.length * sizeOf(value, budget);
        if (budget < 0) return held;
        const branchPointers = branches.map((_, index) => `${pointer}/${keyword}/${index}`);
        let index: number | null;
        try {
          index = heldBranch(branchPointers.map(source.validatorAt), value);
        } catch (error) {
          // Deeper than the validator's call stack: the checker reported it; nothing below is resolved.
          if (error instanceof RangeError) return held;
          throw error;
        }
        if (index === null) continue;
        (held[at] ??= []).push(branchPointers[index]!);
        pointers.push(branchPointers[index]!);
      }
    }
    if (depth < MAX_DEPTH && typeof value === 'object' && value !== null) pushChildren(pending, value, at, applying, schemas, depth + 1);
  }
  return held;
}

const COMPOSITES = ['oneOf', 'anyOf'] as const;

/**
 * The values under `value` that an applying schema reaches, each with those of its schemas from which
 * a composite is reachable: no other could hold anything, so a value with none is not walked.
 */
function pushChildren(pending: Pending[], value: object, at: string, applying: ReadonlySet<string>, index: SchemaIndex, depth: number): void {
  if (Array.isArray(value)) {
    for (const position of firstOfEachShape(value)) {
      const schemas: string[] = [];
      for (const pointer of applying) {
        const schema = index.at(pointer) as Record<string, unknown>;
        const prefixItems = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
        if (position < prefixItems.length) {
          if (index.nodeReachesComposite(prefixItems[position])) schemas.push(`${pointer}/prefixItems/${position}`);
        } else if (index.nodeReachesComposite(schema.items)) schemas.push(`${pointer}/items`);
      }
      if (schemas.length > 0) pending.push({ value: value[position], at: `${at}/${position}`, schemas, depth });
    }
    return;
  }
  for (const name in value) {
    if (!Object.hasOwn(value, name)) continue;
    let schemas: string[] | undefined;
    let segment: string | undefined;
    for (const pointer of applying) {
      const schema = index.at(pointer) as Record<string, unknown>;
      const declared = isObject(schema.properties) && Object.hasOwn(schema.properties, name);
      if (!index.nodeReachesComposite(declared ? (schema.properties as Record<string, unknown>)[name] : schema.additionalProperties)) continue;
      segment ??= escapeSegment(name);
      (schemas ??= []).push(declared ? `${pointer}/properties/${segment}` : `${pointer}/additionalProperties`);
    }
    if (schemas) pending.push({ value: (value as Record<string, unknown>)[name], at: `${at}/${segment}`, schemas, depth });
  }
}

/** How many values `root` holds, itself included, counted no further than `limit` past which it does not matter. */
function sizeOf(root: unknown, limit: number): number {
  let size = 0;
  const pending: unknown[] = [root];
  while (pending.length > 0 && size <= limit) {
    const value = pending.pop();
    size++;
    if (typeof value === 'object' && value !== null) for (const member of Object.values(value)) pending.push(member);
  }
  return size;
}

/** Indexes of the first item of each shape: its JSON type, and an object's property names. */
export function firstOfEachShape(items: readonly unknown[]): number[] {
  const firsts = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    const shape = item === null ? 'null' : Array.isArray(item) ? 'array' : typeof item === 'object' ? `object ${Object.keys(item).sort().join(' ')}` : typeof item;
    if (!firsts.has(shape)) firsts.set(shape, index);
    if (firsts.size === MAX_SHAPES) break;
  }
  return [...firsts.values()];
}
