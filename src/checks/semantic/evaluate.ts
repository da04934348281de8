import { escapeSegment, parsePointer, rawValuesAt } from '../../json/index.ts';
import { mayHoldInexact } from '../context.ts';
import { addDecimals, compareDecimals, decimalOf, subtractDecimals, type ExactDecimal } from './decimal.ts';
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

/**
 * One parsed body, as the rules read it. The source texts of its numbers are looked up once, on
 * first need, for every number any of `patterns` reaches (one pass over the text, whatever their count).
 */
export class RuleBody {
  /** null: not looked at yet; undefined: the text holds no number a double could not keep, so none is needed. */
  private sources: Map<string, string> | undefined | null = null;

  readonly value: unknown;

  /** `json`: the parsed body and its text, as the checks' context holds them. */
  constructor(
    private readonly json: { value: unknown; text: string },
    private readonly patterns: readonly string[],
  ) {
    this.value = json.value;
  }

  /** The value at a pointer pattern's segments, its `*` segments taken from `binding`; undefined when absent. */
  figure(segments: readonly string[], binding: Binding): unknown {
    let node = this.value;
    let star = 0;
    for (let i = 0; i < segments.length; i++) {
      if (node === null || typeof node !== 'object') return undefined;
      const segment = segments[i] === WILDCARD ? binding[star++] : segments[i];
      // An array's own `length` is no member of the JSON it came from.
      if (segment === undefined || !Object.hasOwn(node, segment) || (segment === 'length' && Array.isArray(node))) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
    return node;
  }

  /**
   * figure() for a pattern with no `*` and no key a prototype has (see `isPlain`): a key missing from
   * the body reads as undefined, so no own-property test is needed on the hot path.
   */
  private plainFigure(segments: readonly string[]): unknown {
    let node = this.value;
    for (let i = 0; i < segments.length; i++) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[segments[i]!];
    }
    return node;
  }

  /** A figure as the rules see it: a decimal, a boolean, or null (inapplicable). */
  read(segments: readonly string[], binding: Binding, plain = false): RuleValue {
    const value = plain ? this.plainFigure(segments) : this.figure(segments, binding);
    if (typeof value === 'string') return decimalOf(value);
    if (typeof value === 'boolean') return value;
    if (typeof value !== 'number') return null;
    // Where the text may hold a number a double cannot keep, every number is read as sent: 1000.000000000000001 parses to the integer 1000.
    const source = this.sourceOf(segments, binding);
    if (source !== undefined) return decimalOf(source, true);
    return Number.isSafeInteger(value) ? { units: value, scale: 0, big: null } : decimalOf(String(value), true);
  }

  /** A figure as the vendor sent it, in JSON: `"1000.50"`, `1000.50`, `true`; `absent` when it is not there. */
  sent(segments: readonly string[], binding: Binding): string {
    const value = this.figure(segments, binding);
    if (value === undefined) return 'absent';
    if (typeof value === 'number') return this.sourceOf(segments, binding) ?? String(value);
    return JSON.stringify(value);
  }

  /** A number's source text; undefined where the text holds no number a double could not keep (its shortest text is then its value). */
  private sourceOf(segments: readonly string[], binding: Binding): string | undefined {
    if (this.sources === null) this.sources = mayHoldInexact(this.json) ? this.numberSources() : undefined;
    return this.sources?.get(concretePointer(segments, binding));
  }

  /** The source text of every number the rules' patterns reach, in one pass over the text. */
  private numberSources(): Map<string, string> {
    const numbers: string[] = [];
    for (const pattern of this.patterns) {
      const segments = segmentsOf(pattern);
      forEachBinding(segments, this, (binding) => {
        if (typeof this.figure(segments, binding) === 'number') numbers.push(concretePointer(segments, binding));
      });
    }
    return rawValuesAt(this.json.text, numbers);
  }
}

const WILDCARD = '*';
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertyNames(Array.prototype)]);

/** Whether a pattern can be read with plainFigure: no `*`, and no segment a body's prototypes answer for. */
const isPlain = (segments: readonly string[]) => segments.every((segment) => segment !== WILDCARD && !INHERITED.has(segment));

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
export function forEachBinding(segments: readonly string[], body: RuleBody, visit: (binding: Binding) => void): void {
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
  walk(body.value, 0);
}

/** An expression made ready for evaluation: a function of a body and a binding, its pointers split and literals read once. */
export type CompiledExpression = (body: RuleBody, binding: Binding) => RuleValue;

// Rules are plain data that live as long as their target: each expression is compiled once.
const COMPILED = new WeakMap<Expression, CompiledExpression>();

/** The value of an expression in a body under a binding. */
export function evaluate(expression: Expression, body: RuleBody, binding: Binding): RuleValue {
  return compile(expression)(body, binding);
}

export function compile(expression: Expression): CompiledExpression {
  let compiled = COMPILED.get(expression);
  if (compiled === undefined) COMPILED.set(expression, (compiled = compileNode(expression)));
  return compiled;
}

function compileNode(expression: Expression): CompiledExpression {
  switch (expression.kind) {
    case 'pointer': {
      const segments = segmentsOf(expression.pointer);
      const plain = isPlain(segments);
      return (body, binding) => body.read(segments, binding, plain);
    }
    case 'decimal': {
      const value = decimalOf(expression.text);
      return () => value;
    }
    case 'boolean': {
      const { value } = expression;
      return () => value;
    }
    case 'arithmetic': {
      const [left, right] = [compile(expression.left), compile(expression.right)];
      const combine = expression.operator === '+' ? addDecimals : subtractDecimals;
      return (body, binding) => {
        const a = left(body, binding);
        if (a === null || typeof a === 'boolean') return null;
        const b = right(body, binding);
        return b === null || typeof b === 'boolean' ? null : combine(a, b);
      };
    }
    case 'compare': {
      const [left, right, { operator }] = [compile(expression.left), compile(expression.right), expression];
      return (body, binding) => compared(operator, left(body, binding), right(body, binding));
    }
    case 'not': {
      const operand = compile(expression.operand);
      return (body, binding) => {
        const value = operand(body, binding);
        return typeof value === 'boolean' ? !value : null;
      };
    }
    case 'logical': {
      const [left, right] = [compile(expression.left), compile(expression.right)];
      // Three-valued: false decides an `and` (true an `or`) even beside an inapplicable side.
      const decisive = expression.operator === 'or';
      return (body, binding) => {
        const a = left(body, binding);
        if (a === decisive) return decisive;
        const b = right(body, binding);
        if (b === decisive) return decisive;
        return typeof a === 'boolean' && typeof b === 'boolean' ? !decisive : null;
      };
    }
  }
}

function compared(operator: '==' | '!=' | '<' | '<=' | '>' | '>=', left: RuleValue, right: RuleValue): boolean | null {
  if (left === null || right === null) return null;
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    if (typeof left !== typeof right || (operator !== '==' && operator !== '!=')) return null;
    return (left === right) === (operator === '==');
  }
  const order = compareDecimals(left, right);
  switch (operator) {
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}
