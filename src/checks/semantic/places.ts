import { pointersOf } from './expression.ts';
import { compilePattern, type Pattern } from './pattern.ts';
import type { Expression, OperationRules } from './rules.ts';

/** A pointer pattern of a rule, and its slot in its table when it has no `*` (-1 when it has). */
export interface Place {
  pattern: Pattern;
  slot: number;
}

/** The plain patterns as a tree of their segments: a body is read along it, each shared prefix once. */
export interface Branch {
  key: string;
  /** The slot of the pattern that ends here; -1 when none does. */
  slot: number;
  branches: Branch[];
}

/**
 * Every pointer pattern a set of rules reads, each once, and a numbered slot for each plain one (no
 * `*`): a body's value there is read once per body (rule-body.ts), however many rules read it.
 */
export class Places {
  /** Every pattern, plain or starred, in the order first read. */
  readonly patterns: string[] = [];
  /** The plain patterns, by slot. */
  readonly slots: Pattern[] = [];
  /** The member names the patterns end in, quoted (Pattern.name): where a body's text is read for their numbers. */
  readonly names = new Set<string>();
  /**
   * By name, the text searched for it: the end of the shortest name it ends with (`"pending_balance"`
   * and `"balance"` are both found by `balance"`), so one search serves them all.
   */
  readonly tails = new Map<string, string>();
  /** The plain patterns' tree, from the body's root. */
  readonly root: Branch = { key: '', slot: -1, branches: [] };
  private readonly byText = new Map<string, Place>();

  constructor(patterns: Iterable<string>) {
    for (const text of patterns) {
      if (this.byText.has(text)) continue;
      const pattern = compilePattern(text);
      this.byText.set(text, { pattern, slot: pattern.starred ? -1 : this.slots.length });
      if (!pattern.starred) this.grow(pattern.segments).slot = this.slots.push(pattern) - 1;
      if (pattern.name !== null) this.names.add(pattern.name);
      this.patterns.push(text);
    }
    for (const name of this.names) {
      let tail = name.slice(1);
      for (const other of this.names) if (other.length - 1 < tail.length && name.endsWith(other.slice(1))) tail = other.slice(1);
      this.tails.set(name, tail);
    }
  }

  private grow(segments: readonly string[]): Branch {
    let branch = this.root;
    for (const key of segments) {
      let next = branch.branches.find((child) => child.key === key);
      if (next === undefined) branch.branches.push((next = { key, slot: -1, branches: [] }));
      branch = next;
    }
    return branch;
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

