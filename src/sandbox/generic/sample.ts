import { sample } from 'openapi-sampler';
import { isObject, type Json, type OpenApiDocument } from './document.ts';
import { samplePattern } from './pattern-sample.ts';

/** Schema levels followed below a body's schema; deeper parts are left out where the schema allows it. */
export const MAX_SAMPLE_DEPTH = 24;
/**
 * The most values one sampled body may hold. A schema that fans out (ten properties each referring to
 * a schema with ten more, ...) or asks for a million items would otherwise hang the sandbox.
 */
export const MAX_SAMPLE_NODES = 20_000;

/** A part of a schema that cannot be sampled finitely here: a $ref inside its own expansion, or too deep. */
const PRUNED = Symbol('pruned');
class OverBudget extends Error {}

interface Inlining {
  document: OpenApiDocument;
  requiredOnly: boolean;
  /** Values the sample will hold so far: each node counts as often as the sampler will repeat it. */
  nodes: number;
  /** The $refs being expanded, from the root down to here. */
  expanding: Set<string>;
}

/**
 * A deterministic value for `schema`, by openapi-sampler (no randomness: examples, defaults, enums and
 * fixed per-format values), or a located refusal when even its required parts exceed the budget.
 * Patterns are sampled here (pattern-sample.ts), never by the sampler, whose repeats are unbounded.
 * The sampler gets a finite copy made here: $refs inlined, and a recursive or too-deep part left out
 * where the schema allows (an optional property, an array that may be empty), so the sample still
 * validates; the sampler's own cut would put `{}` where the schema requires properties.
 */
export function sampleSchema(document: OpenApiDocument, schema: unknown, pointer: string): unknown {
  for (const requiredOnly of [false, true]) {
    let finite: Json | boolean | typeof PRUNED;
    try {
      finite = inline({ document, requiredOnly, nodes: 0, expanding: new Set() }, schema, 0, 1);
    } catch (error) {
      if (error instanceof OverBudget) continue;
      throw error;
    }
    try {
      return sample((finite === PRUNED ? {} : finite) as never, { quiet: true, maxSampleDepth: MAX_SAMPLE_DEPTH + 1 });
    } catch (error) {
      return document.fail(pointer, `cannot sample the schema: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return document.fail(pointer, `the schema's smallest sample holds more than ${MAX_SAMPLE_NODES} values`);
}

function inline(state: Inlining, node: unknown, depth: number, weight: number): Json | boolean | typeof PRUNED {
  if (typeof node === 'boolean') return node;
  if (!isObject(node)) return {};
  if (depth > MAX_SAMPLE_DEPTH) return PRUNED;
  // A long string counts as many values: the sampler repeats "string" up to minLength.
  state.nodes += weight * (1 + (typeof node.minLength === 'number' ? Math.floor(node.minLength / 64) : 0));
  if (state.nodes > MAX_SAMPLE_NODES) throw new OverBudget();
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (state.expanding.has(ref)) return PRUNED;
    state.expanding.add(ref);
    const inlined = inline(state, state.document.deref(node), depth + 1, weight);
    state.expanding.delete(ref);
    return inlined;
  }
  // The sampler answers these without looking further down.
  if (['example', 'const', 'default'].some((keyword) => node[keyword] !== undefined) || nonEmpty(node.examples) || nonEmpty(node.enum)) return { ...node };
  const copy: Json = { ...node };
  delete copy.not;
  if (typeof node.pattern === 'string') {
    const text = samplePattern(node.pattern);
    if (text !== undefined && fitsLength(text, node)) return { ...copy, example: text };
  }
  const child = (part: unknown, times = 1) => inline(state, part, depth + 1, weight * times);

  if (Array.isArray(node.allOf)) {
    const parts = node.allOf.map((part) => child(part));
    if (parts.includes(PRUNED)) return PRUNED;
    copy.allOf = parts;
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(node[keyword])) continue;
    // The sampler takes the first branch: the first one that is finite.
    const branch = (node[keyword] as unknown[]).map((part) => child(part)).find((part) => part !== PRUNED);
    if (branch === undefined) return PRUNED;
    copy[keyword] = [branch];
  }
  if (isObject(node.properties)) {
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    const properties: Json = {};
    for (const [name, property] of Object.entries(node.properties)) {
      if (state.requiredOnly && !required.has(name)) continue;
      const inlined = child(property);
      if (inlined !== PRUNED) properties[name] = inlined;
      else if (required.has(name)) return PRUNED;
    }
    copy.properties = properties;
  }
  if (isObject(node.additionalProperties)) {
    const inlined = child(node.additionalProperties, 2); // the sampler adds two
    if (inlined === PRUNED) delete copy.additionalProperties;
    else copy.additionalProperties = inlined;
  }
  if (Array.isArray(node.prefixItems)) {
    const items = node.prefixItems.map((part) => child(part));
    if (items.includes(PRUNED)) return PRUNED;
    copy.prefixItems = items;
  }
  const items = node.items ?? node.contains;
  if (items !== undefined && !Array.isArray(node.prefixItems)) {
    const inlined = child(items, itemCount(node));
    delete copy.contains;
    if (inlined !== PRUNED) copy.items = inlined;
    else if (typeof node.minItems === 'number' && node.minItems > 0) return PRUNED;
    else delete copy.items; // the sampler answers an array without items with []
  }
  for (const keyword of ['if', 'then', 'else']) delete copy[keyword]; // not followed: the sampler would merge them unresolved
  return copy;
}

function itemCount(schema: Json): number {
  const minItems = typeof schema.minItems === 'number' && schema.minItems > 0 ? schema.minItems : 1;
  return typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, minItems) : minItems;
}

function fitsLength(text: string, schema: Json): boolean {
  const length = [...text].length;
  return (typeof schema.minLength !== 'number' || length >= schema.minLength) && (typeof schema.maxLength !== 'number' || length <= schema.maxLength);
}

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
