import { decimalOf } from './decimal.ts';
import type { Binding, RuleValue } from './evaluate.ts';
import { NumberSources } from './number-sources.ts';
import { member, valueAt, valueAtSegments, visitPattern, type Pattern, type Visit } from './pattern.ts';
import type { Place, Places } from './places.ts';

const NO_BINDING: Binding = Object.freeze([]);

/**
 * One parsed body, as the rules of an operation read it (every money check of the response shares it).
 * The value at each plain place is read once, as the body is made, along the places' tree (see
 * places.ts), and its decimal on first need; the source texts of its numbers on first need (see
 * NumberSources).
 */
export class RuleBody {
  readonly value: unknown;
  private readonly values: unknown[];
  /** The figures read so far, by slot (a hole: not read yet; no figure is undefined). */
  private decimals: RuleValue[] | null = null;
  /** Made on first need: most bodies' figures are strings, which have no source text to look up. */
  private numbers: NumberSources | null = null;

  /** `json`: the parsed body and its text, as the checks' context holds them. */
  constructor(
    private readonly json: { value: unknown; text: string },
    readonly places: Places,
  ) {
    this.value = json.value;
    this.values = new Array<unknown>(places.slots.length);
    readInto(this.values, places, json.value);
  }

  /** The value at a plain place's slot; undefined when absent. */
  at(slot: number): unknown {
    return this.values[slot];
  }

  /** The value at a place, its `*`s bound, in order, to `bindings`; undefined when absent. */
  valueAt(place: Place, bindings: readonly string[]): unknown {
    return place.slot >= 0 ? this.at(place.slot) : valueAt(this.value, place.pattern, bindings);
  }

  /** Calls `visit` for every place of the body a pattern reaches (see visitPattern). */
  visit(place: Place, visit: Visit): void {
    if (place.slot < 0) return visitPattern(this.value, place.pattern, visit);
    const value = this.at(place.slot);
    if (value !== undefined) visit(value, NO_BINDING, this.value);
  }

  /** A plain place's figure as the rules see it (read once per body): a decimal, a boolean, or null (inapplicable). */
  readSlot(slot: number): RuleValue {
    const decimals = (this.decimals ??= new Array<RuleValue>(this.values.length));
    const read = decimals[slot];
    if (read !== undefined) return read;
    const value = this.values[slot];
    return (decimals[slot] = typeof value === 'string' ? decimalOf(value) : this.ruleValue(value, this.places.slots[slot]!, NO_BINDING));
  }

  /** A starred pattern's figure under a binding, as the rules see it. */
  read(pattern: Pattern, binding: Binding): RuleValue {
    return this.ruleValue(valueAtSegments(this.value, pattern.segments, binding), pattern, binding);
  }

  /** A figure as the vendor sent it, in JSON: `"1000.50"`, `1000.50`, `true`; `absent` when it is not there. */
  sent(pattern: Pattern, binding: Binding): string {
    const value = valueAtSegments(this.value, pattern.segments, binding);
    if (value === undefined) return 'absent';
    if (typeof value === 'number') return this.source(pattern, binding) ?? String(value);
    return JSON.stringify(value);
  }

  /** The source text of a number at a pattern under a binding; undefined where it is String(value) (see NumberSources). */
  source(pattern: Pattern, binding: Binding): string | undefined {
    return (this.numbers ??= new NumberSources(this.json, this.places)).source(pattern, binding);
  }

  private ruleValue(value: unknown, pattern: Pattern, binding: Binding): RuleValue {
    if (typeof value === 'string') return decimalOf(value);
    if (typeof value === 'boolean') return value;
    if (typeof value !== 'number') return null;
    // Where the text may hold a number a double cannot keep, every number is read as sent: 1000.000000000000001 parses to the integer 1000.
    const source = this.source(pattern, binding);
    if (source !== undefined) return decimalOf(source, true);
    return Number.isSafeInteger(value) ? { units: value, scale: 0, big: null } : decimalOf(String(value), true);
  }
}

/** Every plain place's value, in its slot, parents first; a slot under an absent member holds undefined. */
function readInto(values: unknown[], places: Places, root: unknown): void {
  const { parents, keys, inheritable } = places;
  values[0] = root;
  for (let slot = 1; slot < values.length; slot++) {
    const parent = values[parents[slot]!];
    values[slot] = parent === null || typeof parent !== 'object' ? undefined : inheritable[slot] ? member(parent, keys[slot]!) : load(slot, parent as Record<string, unknown>, keys[slot]!);
  }
}

/**
 * A slot's member of its parent, each of the first 31 slots at a load of its own: V8 keeps what it
 * learns per load site, and one site reading every slot's key sees them all (megamorphic, about 11 ns
 * a read), while a slot's own site sees one key of one shape, as JSON.parse gives an API's bodies the
 * same shape (a few ns). Measured: the Midaz balance's 18 reads, 200 ns -> 80 ns.
 */
function load(slot: number, parent: Record<string, unknown>, key: string): unknown {
  switch (slot) {
    case 1:
      return parent[key];
    case 2:
      return parent[key];
    case 3:
      return parent[key];
    case 4:
      return parent[key];
    case 5:
      return parent[key];
    case 6:
      return parent[key];
    case 7:
      return parent[key];
    case 8:
      return parent[key];
    case 9:
      return parent[key];
    case 10:
      return parent[key];
    case 11:
      return parent[key];
    case 12:
      return parent[key];
    case 13:
      return parent[key];
    case 14:
      return parent[key];
    case 15:
      return parent[key];
    case 16:
      return parent[key];
    case 17:
      return parent[key];
    case 18:
      return parent[key];
    case 19:
      return parent[key];
    case 20:
      return parent[key];
    case 21:
      return parent[key];
    case 22:
      return parent[key];
    case 23:
      return parent[key];
    case 24:
      return parent[key];
    case 25:
      return parent[key];
    case 26:
      return parent[key];
    case 27:
      return parent[key];
    case 28:
      return parent[key];
    case 29:
      return parent[key];
    case 30:
      return parent[key];
    case 31:
      return parent[key];
    default:
      return parent[key];
  }
}
