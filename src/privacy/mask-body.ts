import { escapeSegment } from '../json/index.ts';
import { rawValueAt } from '../json/index.ts';
import { CARRIED_DEPTH, nestsDeeper } from './carried.ts';
import { ListedPointers } from './listed-pointers.ts';
import { maskKeys, type RenamedKeys } from './mask-keys.ts';
import { placeholderFor } from './placeholder.ts';
import { declaresName, knownByShape, memberStarts, schemaAtPointer, shapeOf, UNDOCUMENTED, type SchemaAt, type SchemaSource, type Shape } from './schema-shape.ts';

/** What decides, at each place of a body, whether its value may be shown. */
export interface BodyKnowledge {
  /** The vendor's document; null when nothing documents this body (every value is then masked). */
  source: SchemaSource | null;
  /** Schema pointer of the documented body in `source.document`. */
  schemaPointer: string | null;
  /** Values the suite itself sent (the case's path parameters): a vendor echoing them reveals nothing. */
  sentValues: ReadonlySet<string>;
  listed: ListedPointers;
}

// Deeper than a schema sensibly describes: values there are masked without looking for a schema.
const MAX_SCHEMA_DEPTH = 64;

interface Frame {
  value: unknown;
  starts: SchemaAt[][];
  depth: number;
  holder: Holder;
  /** The member's key in the parsed body, and where it goes in the masked one (its placeholder when the key is masked). */
  key: string | number;
  slot: string | number;
  alive: number[];
  parent: Frame | null;
}

type Holder = Record<string | number, unknown>;

/** A masked body, and the exact source text of the shown numbers JSON.parse could not hold exactly, by holder and key. */
export interface MaskedJson {
  value: unknown;
  rawNumbers: Map<object, Map<string, string>> | null;
  /** By object of the parsed body, the keys masked in it: how a pointer into the body reads in the masked one. */
  renamedKeys: RenamedKeys;
  /** True when the masked body nests deeper than a case result carries (see carried.ts). */
  nestsDeeper: boolean;
}

// A number with this many significant digits may not survive JSON.parse; a few per body are looked up in the text.
const IMPRECISE_DIGITS = 16;
const MAX_RAW_LOOKUPS = 16;

/**
 * The parsed body with every value that is not known to be free of personal data replaced by its
 * placeholder, by its position: keys, order and structure stay. Known are: a string the schema at its
 * place constrains (enum, const, uuid, date-time, an id pattern), a number or boolean where the
 * schema types one, null, a value the suite sent, and anything under a place the vendor lists.
 * A key is data unless a schema at its place declares it under `properties`, a listed place names it,
 * or the suite sent it: a map keyed by emails, an undocumented property, get placeholder keys.
 * Iterative and linear: a hostile body may nest 50,000 levels or hold 200,000 keys.
 */
export function maskJson(root: unknown, text: string, knowledge: BodyKnowledge): MaskedJson {
  const { source, sentValues, listed } = knowledge;
  const result: Holder = {};
  const rootSchema = source && knowledge.schemaPointer !== null ? schemaAtPointer(source.document, knowledge.schemaPointer) : undefined;
  const stack: Frame[] = [{ value: root, starts: [rootSchema ? [rootSchema] : []], depth: 0, holder: result, key: 'root', slot: 'root', alive: listed.root(), parent: null }];
  let rawNumbers: MaskedJson['rawNumbers'] = null;
  const renamedKeys: RenamedKeys = new WeakMap();
  let lookups = 0;
  let deeper = false;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, starts, depth, holder, slot, alive } = frame;
    const isListed = alive.length > 0 && listed.complete(alive, depth);
    if (value === null) {
      put(holder, slot, null);
      continue;
    }
    if (typeof value !== 'object') {
      const primitive = value as string | number | boolean;
      const known = isListed || (typeof primitive === 'string' && sentValues.has(primitive)) || knownByShape(shapeFor(starts, value, depth, source), primitive);
      put(holder, slot, known ? primitive : placeholderFor(primitive));
      if (known && typeof primitive === 'number' && frame.parent && mayBeImprecise(primitive) && lookups++ < MAX_RAW_LOOKUPS) {
        const raw = rawValueAt(text, pointerOf(frame));
        if (raw !== null && raw !== JSON.stringify(primitive)) {
          rawNumbers ??= new Map();
          if (!rawNumbers.has(holder)) rawNumbers.set(holder, new Map());
          rawNumbers.get(holder)!.set(String(slot), raw);
        }
      }
      continue;
    }
    deeper ||= depth >= CARRIED_DEPTH;
    if (isListed) {
      put(holder, slot, value);
      deeper ||= nestsDeeper(value, depth);
      continue;
    }
    const shape = shapeFor(starts, value, depth, source);
    if (Array.isArray(value)) {
      const masked: unknown[] = new Array(value.length);
      put(holder, slot, masked);
      for (let index = 0; index < value.length; index++) {
        const name = String(index);
        const memberAlive = alive.length === 0 ? alive : listed.step(alive, name, depth + 1);
        stack.push({ value: value[index], starts: memberStarts(shape, name, true), depth: depth + 1, holder: masked as unknown as Holder, key: name, slot: index, alive: memberAlive, parent: frame });
      }
      continue;
    }
    const names = Object.keys(value);
    const masked: Holder = {};
    put(holder, slot, masked);
    const renamed = maskKeys(names, (name) => declaresName(shape, name) || sentValues.has(name) || listed.names(alive, name, depth + 1));
    if (renamed) renamedKeys.set(value, renamed);
    for (const name of names) {
      const memberSlot = renamed?.get(name) ?? name;
      // Every key in place first: members are filled last to first, and the masked object keeps the body's order.
      put(masked, memberSlot, null);
      const memberAlive = alive.length === 0 ? alive : listed.step(alive, name, depth + 1);
      stack.push({ value: (value as Holder)[name], starts: memberStarts(shape, name, false), depth: depth + 1, holder: masked, key: name, slot: memberSlot, alive: memberAlive, parent: frame });
    }
  }
  return { value: result.root, rawNumbers, renamedKeys, nestsDeeper: deeper };
}

/** Masked objects are plain objects (they serialise and clone fastest): a key named "__proto__" is defined, never assigned, so it stays a plain key. */
function put(holder: Holder, slot: string | number, value: unknown): void {
  if (slot === '__proto__') Object.defineProperty(holder, slot, { value, writable: true, enumerable: true, configurable: true });
  else holder[slot] = value;
}

function mayBeImprecise(value: number): boolean {
  if (Number.isSafeInteger(value)) return false;
  const written = String(value);
  // Fewer characters than digits it would need: most amounts end here, without a regular expression.
  return written.length >= IMPRECISE_DIGITS && written.replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length >= IMPRECISE_DIGITS;
}

function pointerOf(frame: Frame): string {
  const segments: string[] = [];
  for (let at: Frame | null = frame; at?.parent; at = at.parent) segments.push(escapeSegment(at.key));
  return segments.length === 0 ? '' : `/${segments.reverse().join('/')}`;
}

function shapeFor(starts: SchemaAt[][], value: unknown, depth: number, source: SchemaSource | null): Shape {
  if (!source || depth > MAX_SCHEMA_DEPTH || starts.every((alternative) => alternative.length === 0)) return UNDOCUMENTED;
  return shapeOf(starts, value, source);
}
