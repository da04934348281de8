import { getAtPointer, joinPointer, parsePointer } from '../json/index.ts';

/** A document's schemas as the branch walk reads them, looked up once each. */
export interface SchemaIndex {
  /** The node at a pointer into the document (undefined when there is none). */
  at(pointer: string): unknown;
  /**
   * Whether a oneOf or anyOf is reachable from the schema at `pointer` through $ref, allOf, oneOf/anyOf,
   * properties, additionalProperties, prefixItems and items: the places the branch walk goes.
   */
  reachesComposite(pointer: string): boolean;
  /** The pointer a local `$ref` ("#/...") names, in the form the walk builds its own pointers. */
  refPointer(ref: string): string;
  /** The same for a schema node already looked up. */
  nodeReachesComposite(schema: unknown): boolean;
}

// Visits of schema nodes, over all the scans of one document: past them every node not yet known is
// answered "reachable", and the walk, bounded on its own, decides. Per document, not per scan: a scan
// that finds a composite proves it only for its start, so many starts on one long hostile $ref chain
// would each walk it again.
const MAX_SCANNED_PER_DOCUMENT = 100_000;

const indexes = new WeakMap<object, SchemaIndex>();

export function schemaIndex(document: object): SchemaIndex {
  let index = indexes.get(document);
  if (!index) indexes.set(document, (index = indexOf(document)));
  return index;
}

function indexOf(document: object): SchemaIndex {
  const nodes = new Map<string, unknown>();
  // Keyed by the document's own $ref strings, whose hashes the engine keeps.
  const refs = new Map<string, string>();
  const refPointer = (ref: string): string => {
    let pointer = refs.get(ref);
    if (pointer === undefined) refs.set(ref, (pointer = joinPointer('', ...parsePointer(ref))));
    return pointer;
  };
  // Per schema node: whether a composite is reachable from it. A scan that finds none proves it for every
  // node it visited; one that finds one records it for the node it started from.
  const reaches = new Map<object, boolean>();
  const budget = { visits: MAX_SCANNED_PER_DOCUMENT };
  const at = (pointer: string): unknown => {
    if (nodes.has(pointer)) return nodes.get(pointer);
    const node = getAtPointer(document, pointer);
    nodes.set(pointer, node);
    return node;
  };
  const nodeReachesComposite = (start: unknown): boolean => {
    if (!isObject(start)) return false;
    let known = reaches.get(start);
    if (known === undefined) {
      known = scan(start, (ref) => at(refPointer(ref)), reaches, budget);
      reaches.set(start, known);
    }
    return known;
  };
  return { at, refPointer, reachesComposite: (pointer) => nodeReachesComposite(at(pointer)), nodeReachesComposite };
}

/** Depth-first over the schema graph from `start`, each node once, so $ref cycles end. */
function scan(start: Record<string, unknown>, resolve: (ref: string) => unknown, reaches: Map<object, boolean>, budget: { visits: number }): boolean {
  const visited = new Set<Record<string, unknown>>();
  const pending: unknown[] = [start];
  while (pending.length > 0) {
    const schema = pending.pop();
    if (!isObject(schema) || visited.has(schema)) continue;
    const known = reaches.get(schema);
    if (known === false) continue;
    if (known === true || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf) || budget.visits === 0) return true;
    budget.visits--;
    visited.add(schema);
    if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) pending.push(resolve(schema.$ref));
    // Pushed one by one: a spread of a hostile document's huge list would overflow the call stack.
    for (const list of [schema.allOf, schema.prefixItems, isObject(schema.properties) ? Object.values(schema.properties) : undefined]) {
      if (Array.isArray(list)) for (const member of list) pending.push(member);
    }
    pending.push(schema.additionalProperties, schema.items);
  }
  for (const schema of visited) reaches.set(schema, false);
  return false;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
