import { escapeSegment, parsePointer } from '../../json/index.ts';
import { addDecimals, compareDecimals, decimalOf, subtractDecimals, TEN, type ExactDecimal } from './decimal.ts';
import type { Places } from './places.ts';
import type { RuleBody } from './rule-body.ts';
import type { Expression } from './rules.ts';

/**
 * Evaluating the rule language (expression.ts) against one parsed body, with exact decimals.
 *
 * A figure that is missing, null, or neither a decimal nor a boolean makes what reads it
 * INAPPLICABLE (null): a rule over it is skipped, not broken. A JSON number is its value (1000.50 is
 * 1000.5), read by its source text wherever the body may hold one a double cannot keep:
 * 9007199254740993 keeps its last digit, 1000.000000000000001 its fraction.
 */
export type RuleValue = ExactDecimal | boolean | null;

/** The values of a rule's `*` segments, in order; empty for a rule without wildcards. */
export type Binding = readonly string[];

/** At most this many bindings of one rule are evaluated per body: a hostile list costs bounded time. */
export const MAX_BINDINGS = 10_000;

const WILDCARD = '*';

/** A pointer pattern's segments (`*` stays `*`): split once per rule by its callers, which keep them. */
export function segmentsOf(pattern: string): readonly string[] {
  return Object.freeze(parsePointer(pattern));
}

/** The pointer a pattern names under a binding: `/volumes/*\/balance` with ["2"] is `/volumes/2/balance`. */
export function concretePointer(segments: readonly string[], binding: Binding): string {
  let pointer = '';
  let star = 0;
  for (const segment of segments) pointer += `/${escapeSegment(segment === WILDCARD ? (binding[star++] ?? WILDCARD) : segment)}`;
  return pointer;
}

/** How many `*` segments a pattern has. */
export function wildcardsOf(segments: readonly string[]): number {
  let count = 0;
  for (const segment of segments) if (segment === WILDCARD) count++;
  return count;
}

const NO_BINDING: Binding = Object.freeze([]);

/**
 * Calls `visit` with every binding of a pattern's `*` segments to keys or indices of the body, up
 * to MAX_BINDINGS: the entries the pattern's last `*` reaches, whatever they hold (so a rule about a
 * figure sees the entries that lack it). A pattern without `*` has one, empty, binding.
 */
export function forEachBinding(segments: readonly string[], root: unknown, visit: (binding: Binding) => void): void {
  const last = segments.lastIndexOf(WILDCARD);
  if (last < 0) {
    visit(NO_BINDING);
    return;
  }
  let visited = 0;
  const bound: string[] = [];
  const walk = (node: unknown, at: number): void => {
    for (let i = at; i < last; i++) {
      if (node === null || typeof node !== 'object') return;
      if (segments[i] === WILDCARD) {
        for (const key of Object.keys(node)) {
          if (visited >= MAX_BINDINGS) return;
          bound.push(key);
          walk((node as Record<string, unknown>)[key], i + 1);
          bound.pop();
        }
        return;
      }
      if (!Object.hasOwn(node, segments[i]!)) return;
      node = (node as Record<string, unknown>)[segments[i]!];
    }
    if (node === null || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      if (visited++ >= MAX_BINDINGS) return;
      bound.push(key);
      visit(bound.slice());
      bound.pop();
    }
  };
  walk(root, 0);
}

/** An expression made ready for evaluation: a function of a body and a binding, its pointers placed and literals read once. */
export type CompiledExpression = (body: RuleBody, binding: Binding) => RuleValue;

// Rules are plain data that live as long as their target: each expression is compiled once per table of places.
const COMPILED = new WeakMap<Places, WeakMap<Expression, CompiledExpression>>();

/** The value of an expression in a body under a binding. */
export function evaluate(expression: Expression, body: RuleBody, binding: Binding): RuleValue {
  return compile(expression, body.places)(body, binding);
}

/** An expression compiled against a table of places: its plain pointers read their body's slots (see rule-body.ts). */
export function compile(expression: Expression, places: Places): CompiledExpression {
  let byExpression = COMPILED.get(places);
  if (byExpression === undefined) COMPILED.set(places, (byExpression = new WeakMap()));
  let compiled = byExpression.get(expression);
  if (compiled === undefined) byExpression.set(expression, (compiled = compileNode(expression, places)));
  return compiled;
}

function compileNode(expression: Expression, places: Places): CompiledExpression {
  switch (expression.kind) {
    case 'pointer': {
      const { pattern, slot } = places.place(expression.pointer);
      if (slot >= 0) return (body) => body.readSlot(slot);
      return (body, binding) => body.read(pattern, binding);
    }
    case 'decimal':
    case 'boolean': {
      const value = constantOf(expression);
      return () => value;
    }
    case 'arithmetic': {
      const [left, right] = [operandOf(expression.left, places), operandOf(expression.right, places)];
      const combine = expression.operator === '+' ? addDecimals : subtractDecimals;
      return (body, binding) => {
        const a = valueOf(left, body, binding);
        if (a === null || typeof a === 'boolean') return null;
        const b = valueOf(right, body, binding);
        return b === null || typeof b === 'boolean' ? null : combine(a, b);
      };
    }
    case 'compare': {
      const accepted = ACCEPTED[expression.operator];
      const left = operandOf(expression.left, places);
      if (expression.right.kind === 'arithmetic') return compareWithSum(accepted, left, expression.right, places);
      const right = operandOf(expression.right, places);
      return (body, binding) => compared(accepted, valueOf(left, body, binding), valueOf(right, body, binding));
    }
    case 'not': {
      const operand = operandOf(expression.operand, places);
      return (body, binding) => {
        const value = valueOf(operand, body, binding);
        return typeof value === 'boolean' ? !value : null;
      };
    }
    case 'logical': {
      const [left, right] = [operandOf(expression.left, places), operandOf(expression.right, places)];
      // Three-valued: false decides an `and` (true an `or`) even beside an inapplicable side.
      const decisive = expression.operator === 'or';
      return (body, binding) => {
        const a = valueOf(left, body, binding);
        if (a === decisive) return decisive;
        const b = valueOf(right, body, binding);
        if (b === decisive) return decisive;
        return typeof a === 'boolean' && typeof b === 'boolean' ? !decisive : null;
      };
    }
  }
}

/**
 * What an expression reads from: a plain pointer's slot, read in place, or a literal's value (the
 * common rules compare two or three figures, and a call per figure cost more than the comparison);
 * else the compiled expression.
 */
type Operand = number | RuleValue | CompiledExpression;

function operandOf(expression: Expression, places: Places): Operand {
  if (expression.kind === 'decimal' || expression.kind === 'boolean') return constantOf(expression);
  if (expression.kind === 'pointer') {
    const { slot } = places.place(expression.pointer);
    if (slot >= 0) return slot;
  }
  return compile(expression, places);
}

function valueOf(operand: Operand, body: RuleBody, binding: Binding): RuleValue {
  return typeof operand === 'number' ? body.readSlot(operand) : typeof operand === 'function' ? operand(body, binding) : operand;
}

function constantOf(expression: Extract<Expression, { kind: 'decimal' | 'boolean' }>): RuleValue {
  return expression.kind === 'decimal' ? decimalOf(expression.text) : expression.value;
}

/**
 * A figure compared with a sum or difference (`/position/available == /available - /overdraftUsed`,
 * the common invariant): where the three are short decimals, in units at one scale, with no
 * decimal made for the right-hand side; otherwise as any comparison.
 */
function compareWithSum(accepted: Accepted, left: Operand, sum: Extract<Expression, { kind: 'arithmetic' }>, places: Places): CompiledExpression {
  const [first, second] = [operandOf(sum.left, places), operandOf(sum.right, places)];
  const sign = sum.operator === '+' ? 1 : -1;
  return (body, binding) => {
    const a = valueOf(left, body, binding);
    const b = valueOf(first, body, binding);
    const c = valueOf(second, body, binding);
    if (a === null || typeof a === 'boolean' || b === null || typeof b === 'boolean' || c === null || typeof c === 'boolean') return null;
    if (a.big === null && b.big === null && c.big === null) {
      const scale = Math.max(a.scale, b.scale, c.scale);
      if (scale < TEN.length) {
        const observed = a.units * TEN[scale - a.scale]!;
        const term = b.units * TEN[scale - b.scale]!;
        const other = c.units * TEN[scale - c.scale]!;
        const expected = term + sign * other;
        // Every term and the sum safe integers: each step was exact (see decimal.ts), so the order is.
        if (Number.isSafeInteger(observed) && Number.isSafeInteger(term) && Number.isSafeInteger(other) && Number.isSafeInteger(expected))
          return holds(accepted, observed < expected ? -1 : observed > expected ? 1 : 0);
      }
    }
    return holds(accepted, compareDecimals(a, sign === 1 ? addDecimals(b, c) : subtractDecimals(b, c)));
  };
}

type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * The orders a comparison accepts, one bit each (below, equal, above), worked out when a rule is
 * compiled: the operator is text sliced from the rule, and matching it per evaluation cost more than the comparison.
 */
type Accepted = number;
const [BELOW, EQUAL, ABOVE] = [0b001, 0b010, 0b100];
const ACCEPTED: Record<Operator, Accepted> = { '==': EQUAL, '!=': BELOW | ABOVE, '<': BELOW, '<=': BELOW | EQUAL, '>': ABOVE, '>=': ABOVE | EQUAL };

function compared(accepted: Accepted, left: RuleValue, right: RuleValue): boolean | null {
  if (left === null || right === null) return null;
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    // Booleans are equal or not; they have no order.
    if (typeof left !== typeof right || (accepted !== EQUAL && accepted !== ACCEPTED['!='])) return null;
    return (left === right) === (accepted === EQUAL);
  }
  return holds(accepted, compareDecimals(left, right));
}

function holds(accepted: Accepted, order: -1 | 0 | 1): boolean {
  return (accepted & (order === 0 ? EQUAL : order < 0 ? BELOW : ABOVE)) !== 0;
}
