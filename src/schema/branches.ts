import type { ValidateFunction } from 'ajv';
import { escapeSegment, getAtPointer, joinPointer, parsePointer } from '../json/index.ts';
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
 * the checker's violations choose it (`heldBranch`). Not run at all for a document without a composite.
 * Walks the body with the schemas that apply at each place ($ref, allOf, the chosen branch, properties,
 * additionalProperties, prefixItems, items); a place no schema reaches is not walked.
 */
export function heldBranches(body: unknown, schemaPointer: string, source: BranchSource): HeldBranches {
  const held: HeldBranches = {};
  if (!hasComposite(source.document)) return held;
  let composites = 0;
  let budget = BUDGET_FLOOR + BUDGET_PER_VALUE * sizeOf(body, Infinity);
  const schemaAt = (pointer: string) => getAtPointer(source.document, pointer);
  const pending: Pending[] = [{ value: body, at: '', schemas: [schemaPointer], depth: 0 }];
  while (pending.length > 0) {
    const { value, at, schemas, depth } = pending.pop()!;
    const applying = new Set<string>();
    for (let i = 0; i < schemas.length; i++) {
      const pointer = schemas[i]!;
      const schema = schemaAt(pointer);
      if (!isObject(schema) || applying.has(pointer)) continue;
      applying.add(pointer);
      if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) schemas.push(joinPointer('', ...parsePointer(schema.$ref)));
      if (Array.isArray(schema.allOf)) schema.allOf.forEach((_, index) => schemas.push(`${pointer}/allOf/${index}`));
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        const branches = schema[keyword];
        if (!Array.isArray(branches)) continue;
        if (composites++ === MAX_COMPOSITES) return held;
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
        schemas.push(branchPointers[index]!);
      }
    }
    if (depth < MAX_DEPTH && typeof value === 'object' && value !== null) for (const child of children(value, at, [...applying], schemaAt, depth + 1)) pending.push(child);
  }
  return held;
}

function children(value: object, at: string, applying: readonly string[], schemaAt: (pointer: string) => unknown, depth: number): Pending[] {
  const found: Pending[] = [];
  if (Array.isArray(value)) {
    for (const index of firstOfEachShape(value)) {
      const schemas = applying.flatMap((pointer) => {
        const schema = schemaAt(pointer) as Record<string, unknown>;
        const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
        if (index < prefix) return [`${pointer}/prefixItems/${index}`];
        return isObject(schema.items) ? [`${pointer}/items`] : [];
      });
      if (schemas.length > 0) found.push({ value: value[index], at: `${at}/${index}`, schemas, depth });
    }
    return found;
  }
  for (const [name, member] of Object.entries(value)) {
    const schemas = applying.flatMap((pointer) => {
      const schema = schemaAt(pointer) as Record<string, unknown>;
      if (isObject(schema.properties) && Object.hasOwn(schema.properties, name)) return [`${pointer}/properties/${escapeSegment(name)}`];
      return isObject(schema.additionalProperties) ? [`${pointer}/additionalProperties`] : [];
    });
    if (schemas.length > 0) found.push({ value: member, at: `${at}/${escapeSegment(name)}`, schemas, depth });
  }
  return found;
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

const withComposite = new WeakMap<object, boolean>();

/** Whether a document has a oneOf or anyOf anywhere: scanned once per document, without recursion. */
function hasComposite(document: object): boolean {
  let known = withComposite.get(document);
  if (known === undefined) {
    known = false;
    const pending: unknown[] = [document];
    while (pending.length > 0 && !known) {
      const node = pending.pop();
      if (typeof node !== 'object' || node === null) continue;
      if (!Array.isArray(node) && (Array.isArray((node as Record<string, unknown>).oneOf) || Array.isArray((node as Record<string, unknown>).anyOf))) known = true;
      for (const member of Object.values(node)) pending.push(member);
    }
    withComposite.set(document, known);
  }
  return known;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
