import { escapeSegment } from '../../json/index.ts';
import { pointersOf } from './expression.ts';
import { compilePattern, type Pattern } from './pattern.ts';
import type { Expression, OperationRules } from './rules.ts';

/** A pointer pattern of a rule, and its slot in its table when it has no `*` (-1 when it has). */
export interface Place {
  pattern: Pattern;
  slot: number;
}

/**
 * Every pointer pattern a set of rules reads, each once, and a numbered slot for each plain one (no
 * `*`): a body's value there is read once per body (rule-body.ts), however many rules read it.
 */
export class Places {
  /** Every pattern, plain or starred, in the order first read. */
  readonly patterns: string[] = [];
  /**
   * The plain patterns and every prefix of them, by slot: slot 0 is the body itself, and a slot's
   * parent (the pattern one segment shorter) always has a lower slot, so a body is read in slot order.
   */
  readonly slots: Pattern[] = [compilePattern('')];
  /** By slot, the parent's slot (-1 for the body itself) and the member read from it. */
  readonly parents: number[] = [-1];
  readonly keys: string[] = [''];
  /**
   * By slot, whether its key may be inherited by a parsed body (`constructor`, `length`, `__proto__`):
   * only then is it read as an own member (pattern.ts member); any other key reads directly, as a
   * JSON.parse array holds no named member and neither prototype has it.
   */
  readonly inheritable: boolean[] = [false];
  /** The member names the patterns end in, quoted (Pattern.name): where a body's text is read for their numbers. */
  readonly names = new Set<string>();
  /**
   * By name, the text searched for it: the end of the shortest name it ends with (`"pending_balance"`
   * and `"balance"` are both found by `balance"`), so one search serves them all.
   */
  readonly tails = new Map<string, string>();
  private readonly byText = new Map<string, Place>();
  /** By its segments (as JSON), each plain pattern's or prefix's slot. */
  private readonly bySegments = new Map<string, number>([['[]', 0]]);

  constructor(patterns: Iterable<string>) {
    for (const text of patterns) {
      if (this.byText.has(text)) continue;
      const pattern = compilePattern(text);
      this.byText.set(text, { pattern, slot: pattern.starred ? -1 : this.slotOf(pattern.segments) });
      if (pattern.name !== null) this.names.add(pattern.name);
      this.patterns.push(text);
    }
    for (const name of this.names) {
      let tail = name.slice(1);
      for (const other of this.names) if (other.length - 1 < tail.length && name.endsWith(other.slice(1))) tail = other.slice(1);
      this.tails.set(name, tail);
    }
  }

  /** The slot of a plain pattern's segments, made with its prefixes' where new. */
  private slotOf(segments: readonly string[]): number {
    let slot = 0;
    for (let end = 1; end <= segments.length; end++) {
      const prefix = segments.slice(0, end);
      const known = this.bySegments.get(JSON.stringify(prefix));
      if (known !== undefined) {
        slot = known;
        continue;
      }
      const key = prefix[end - 1]!;
      this.parents.push(slot);
      this.keys.push(key);
      this.inheritable.push(key in Object.prototype || key in Array.prototype);
      slot = this.slots.push(compilePattern(prefix.map((segment) => `/${escapeSegment(segment)}`).join(''))) - 1;
      this.bySegments.set(JSON.stringify(prefix), slot);
    }
    return slot;
  }

  /** A pattern's place: only a pattern the table was made with has one (a body's slots are counted then). */
  place(text: string): Place {
    const place = this.byText.get(text);
    if (place === undefined) throw new Error(`no place for ${text}: the table was made without it`);
    return place;
  }
}

/**
 * `make` worked out once per rules (plain data that live as long as their target). Responses of one operation come one after another: the last rules' plan is kept, as a
 * WeakMap lookup per check and response cost more than using the plan.
 */
export function perRules<Plan>(make: (rules: OperationRules) => Plan): (rules: OperationRules) => Plan {
  const plans = new WeakMap<OperationRules, Plan>();
  let last: { rules: OperationRules; plan: Plan } | undefined;
  return (rules) => {
    if (last?.rules === rules) return last.plan;
    let plan = plans.get(rules);
    if (plan === undefined) plans.set(rules, (plan = make(rules)));
    last = { rules, plan };
    return plan;
  };
}

/** The table of every pattern an operation's rules read: amounts, currencies, invariants, presence, echoes, timestamps. */
export const placesOf: (rules: OperationRules) => Places = perRules((rules) => new Places(patternsOf(rules)));

function* patternsOf(rules: OperationRules): Iterable<string> {
  const read = (expression: Expression | null) => (expression === null ? [] : pointersOf(expression));
  for (const { at, currency } of rules.amounts) yield* 'pointer' in currency ? [at, currency.pointer] : [at];
  for (const { check, when } of rules.invariants) yield* [...read(check), ...read(when)];
  for (const { at, when } of rules.presence) yield* [at, ...read(when)];
  for (const { at } of rules.echoes) yield at;
  for (const { created, updated, deleted } of rules.timestamps) yield* [created, updated, deleted].filter((text) => text !== null);
}

