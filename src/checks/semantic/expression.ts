import type { Expression } from './rules.ts';

/**
 * The rule language of money rules: a tiny expression grammar over the figures of one body, parsed
 * here into plain data (rules.ts `Expression`) and never evaluated as code.
 *
 *   or         := and ('or' and)*
 *   and        := not ('and' not)*
 *   not        := 'not' not | comparison
 *   comparison := additive (('==' | '!=' | '<' | '<=' | '>' | '>=') additive)?    (one comparison, not a chain)
 *   additive   := primary (('+' | '-') primary)*
 *   primary    := pointer | decimal | '"' decimal '"' | 'true' | 'false' | '(' or ')'
 *
 * A pointer starts with `/`; its segments hold letters, digits, `_ - . ~0 ~1`, or are one `*` (any one
 * segment; see rules.ts). A decimal is `0`, `-1.5`, or quoted as vendors write them: `"5000.00"`.
 *
 *   /position/available == /available - /overdraftUsed
 *   /position/overdraftLimitAvailable == "0"
 *   /settings/allowOverdraft and not /settings/overdraftLimitEnabled
 *   /volumes/STAR/balance == /volumes/STAR/input - /volumes/STAR/output     (STAR being `*`)
 *
 * Bounded: at most MAX_LENGTH characters and MAX_DEPTH levels of nesting; beyond, a located error.
 * Columns count from 1.
 */
export type ParsedExpression = { ok: true; expression: Expression } | { ok: false; problem: string; column: number };

export const MAX_LENGTH = 500;
export const MAX_DEPTH = 32;

export function parseExpression(text: string): ParsedExpression {
  if (text.length > MAX_LENGTH) return { ok: false, problem: `a rule is at most ${MAX_LENGTH} characters, this one has ${text.length}`, column: MAX_LENGTH + 1 };
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { ok: false, ...tokens };
  try {
    const parser = new Parser(tokens, text.length);
    const expression = parser.or();
    parser.end();
    return { ok: true, expression };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { ok: false, problem: error.message, column: error.column };
    throw error;
  }
}

/** Every pointer an expression reads, in order of appearance, each once. */
export function pointersOf(expression: Expression): string[] {
  const found: string[] = [];
  const stack: Expression[] = [expression];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'pointer') {
      if (!found.includes(node.pointer)) found.push(node.pointer);
    } else if (node.kind === 'not') stack.push(node.operand);
    else if (node.kind === 'arithmetic' || node.kind === 'compare' || node.kind === 'logical') stack.push(node.right, node.left);
  }
  return found;
}

type TokenKind = 'pointer' | 'decimal' | 'word' | 'operator' | '(' | ')';

interface Token {
  kind: TokenKind;
  text: string;
  column: number;
}

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

function tokenize(text: string): Token[] | { problem: string; column: number } {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const c = text[at]!;
    const column = at + 1;
    if (c === ' ' || c === '\t') {
      at++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, text: c, column });
      at++;
    } else if (c === '/') {
      const end = pointerEnd(text, at);
      if (typeof end !== 'number') return end;
      tokens.push({ kind: 'pointer', text: text.slice(at, end), column });
      at = end;
    } else if (c === '"') {
      const close = text.indexOf('"', at + 1);
      if (close < 0) return { problem: `unclosed quote opened at column ${column}`, column: text.length + 1 };
      const inner = text.slice(at + 1, close);
      if (decimalEnd(inner, 0) !== inner.length || inner.length === 0) return { problem: `expected a decimal such as "5000.00" inside the quotes at column ${column}`, column: column + 1 };
      tokens.push({ kind: 'decimal', text: inner, column });
      at = close + 1;
    } else if (isDigit(c) || (c === '-' && isDigit(text[at + 1] ?? '') && startsOperand(tokens))) {
      const end = decimalEnd(text, at);
      if (end < 0 || isWordCharacter(text[end] ?? ' ')) return { problem: `expected a decimal such as 0 or -1.5 at column ${column}`, column };
      tokens.push({ kind: 'decimal', text: text.slice(at, end), column });
      at = end;
    } else if (isLetter(c)) {
      let end = at;
      while (end < text.length && isWordCharacter(text[end]!)) end++;
      const word = text.slice(at, end);
      if (!['and', 'or', 'not', 'true', 'false'].includes(word)) return { problem: `unknown word '${word}' at column ${column} (expected and, or, not, true, false, a pointer or a decimal)`, column };
      tokens.push({ kind: 'word', text: word, column });
      at = end;
    } else {
      const two = text.slice(at, at + 2);
      const operator = COMPARISONS.has(two) ? two : COMPARISONS.has(c) || c === '+' || c === '-' ? c : null;
      if (operator === null) return { problem: `unexpected '${c}' at column ${column}`, column };
      tokens.push({ kind: 'operator', text: operator, column });
      at += operator.length;
    }
  }
  return tokens;
}

/** A `-` before a digit is a negative literal only where an operand is due (not after an operand: `/a -1` is a subtraction). */
function startsOperand(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last === undefined || last.kind === 'operator' || last.kind === '(' || (last.kind === 'word' && ['and', 'or', 'not'].includes(last.text));
}

/** Index just past a pointer starting at `start` (a `/`), or a located problem with a segment. */
function pointerEnd(text: string, start: number): number | { problem: string; column: number } {
  let at = start;
  while (text[at] === '/') {
    const segment = at + 1;
    if (text[segment] === '*' && !isPointerCharacter(text[segment + 1] ?? ' ')) {
      at = segment + 1;
      continue;
    }
    at = segment;
    while (at < text.length && isPointerCharacter(text[at]!)) {
      if (text[at] === '~' && text[at + 1] !== '0' && text[at + 1] !== '1') return { problem: `expected ~0 or ~1 in the pointer at column ${at + 1}`, column: at + 1 };
      at += text[at] === '~' ? 2 : 1;
    }
    if (at === segment) return { problem: `expected a pointer segment after the '/' at column ${segment}`, column: segment };
  }
  const after = text[at];
  if (after === '*') return { problem: `a '*' is a whole pointer segment, at column ${at + 1}`, column: at + 1 };
  return at;
}

/** Index just past a decimal (`-`? digits (`.` digits)?) starting at `start`, or -1. */
function decimalEnd(text: string, start: number): number {
  let at = text[start] === '-' ? start + 1 : start;
  const digits = at;
  while (isDigit(text[at] ?? '')) at++;
  if (at === digits) return -1;
  if (text[at] === '.') {
    const fraction = ++at;
    while (isDigit(text[at] ?? '')) at++;
    if (at === fraction) return -1;
  }
  return at;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isWordCharacter = (c: string) => isLetter(c) || isDigit(c) || c === '_';
const isPointerCharacter = (c: string) => isWordCharacter(c) || c === '-' || c === '.' || c === '~';

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Recursive descent over the tokens; depth counts nested `not`s and parentheses. */
class Parser {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  or(): Expression {
    let left = this.and();
    while (this.takeWord('or')) left = { kind: 'logical', operator: 'or', left, right: this.and() };
    return left;
  }

  end(): void {
    const token = this.tokens[this.at];
    if (token) throw new SyntaxProblem(`expected an operator or the end of the rule, not '${token.text}' at column ${token.column}`, token.column);
  }

  private and(): Expression {
    let left = this.not();
    while (this.takeWord('and')) left = { kind: 'logical', operator: 'and', left, right: this.not() };
    return left;
  }

  private not(): Expression {
    const token = this.tokens[this.at];
    if (!this.takeWord('not')) return this.comparison();
    return this.nested(token!, () => ({ kind: 'not', operand: this.not() }));
  }

  private comparison(): Expression {
    const left = this.additive();
    const token = this.tokens[this.at];
    if (token?.kind !== 'operator' || !COMPARISONS.has(token.text)) return left;
    this.at++;
    const right = this.additive(token);
    const next = this.tokens[this.at];
    if (next?.kind === 'operator' && COMPARISONS.has(next.text)) {
      throw new SyntaxProblem(`comparisons do not chain: '${next.text}' at column ${next.column} (join two comparisons with 'and')`, next.column);
    }
    return { kind: 'compare', operator: token.text as '==', left, right };
  }

  private additive(after?: Token): Expression {
    let left = this.primary(after);
    for (let token = this.tokens[this.at]; token?.kind === 'operator' && (token.text === '+' || token.text === '-'); token = this.tokens[this.at]) {
      this.at++;
      left = { kind: 'arithmetic', operator: token.text, left, right: this.primary(token) };
    }
    return left;
  }

  /** One operand; `after` is the operator it follows, for the error that names it. */
  private primary(after?: Token): Expression {
    const token = this.tokens[this.at];
    if (!token || token.kind === ')' || token.kind === 'operator' || (token.kind === 'word' && token.text !== 'true' && token.text !== 'false')) {
      const column = token?.column ?? this.length + 1;
      const where = after ? ` after '${after.text}'` : '';
      throw new SyntaxProblem(`expected an operand${where} at column ${column}`, column);
    }
    this.at++;
    if (token.kind === 'pointer') return { kind: 'pointer', pointer: token.text };
    if (token.kind === 'decimal') return { kind: 'decimal', text: token.text };
    if (token.kind === 'word') return { kind: 'boolean', value: token.text === 'true' };
    return this.nested(token, () => {
      const inner = this.or();
      const close = this.tokens[this.at];
      if (close?.kind !== ')') {
        const column = close?.column ?? this.length + 1;
        throw new SyntaxProblem(`expected ')' to close the '(' at column ${token.column}, at column ${column}`, column);
      }
      this.at++;
      return inner;
    });
  }

  private nested(token: Token, parse: () => Expression): Expression {
    if (++this.depth > MAX_DEPTH) throw new SyntaxProblem(`a rule nests at most ${MAX_DEPTH} levels deep, at column ${token.column}`, token.column);
    const expression = parse();
    this.depth--;
    return expression;
  }

  private takeWord(word: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind !== 'word' || token.text !== word) return false;
    this.at++;
    return true;
  }
}
