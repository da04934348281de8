import { escapeSegment, parsePointer } from '../../json/index.ts';

/**
 * Pointer patterns (rules.ts): a `*` segment stands for any one segment. Within one rule every `*`
 * binds to the same segments, in order, so a pattern's matches carry what their `*`s bound.
 * These run on every success body a rule reaches: no pointer text is parsed or built that a
 * pattern without `*` already is.
 */
export interface Match {
  pointer: string;
  value: unknown;
  /** The segments the pattern's `*`s matched, in order, unescaped. */
  bindings: readonly string[];
}

/** The most matches one pattern yields in one body: a hostile body's million items cost no more than this. */
export const MAX_MATCHES = 10_000;

/** A pattern read once: its segments, unescaped, and whether any is `*`. */
export interface Pattern {
  text: string;
  segments: readonly string[];
  starred: boolean;
}

const NO_BINDINGS: readonly string[] = Object.freeze([]);
// Patterns come from rules (a vendor file, the document's recognised shapes): few, and fixed for a run.
const compiled = new Map<string, Pattern>();

export function compilePattern(text: string): Pattern {
  let found = compiled.get(text);
  if (!found) {
    const segments = parsePointer(text);
    compiled.set(text, (found = { text, segments, starred: segments.includes('*') }));
  }
  return found;
}

const compile = (pattern: string | Pattern) => (typeof pattern === 'string' ? compilePattern(pattern) : pattern);

/**
 * Calls `visit` for every place in `root` the pattern reaches, breadth first and iterative (no body is
 * too deep), at most MAX_MATCHES times. A pattern without `*` allocates nothing.
 */
export function visitPattern(root: unknown, pattern: string | Pattern, visit: (pointer: string, value: unknown, bindings: readonly string[]) => void): void {
  const { text, segments, starred } = compile(pattern);
  if (!starred) {
    const value = valueAtSegments(root, segments, NO_BINDINGS);
    if (value !== undefined) visit(text, value, NO_BINDINGS);
    return;
  }
  for (const { pointer, value, bindings } of matchPattern(root, pattern)) visit(pointer, value, bindings);
}

/** Every place in `root` the pattern reaches, breadth first and iterative (no body is too deep), at most MAX_MATCHES. */
export function matchPattern(root: unknown, pattern: string | Pattern): Match[] {
  const { text, segments, starred } = compile(pattern);
  if (!starred) {
    const value = valueAtSegments(root, segments, NO_BINDINGS);
    return value === undefined ? [] : [{ pointer: text, value, bindings: NO_BINDINGS }];
  }
  let frontier: Match[] = [{ pointer: '', value: root, bindings: NO_BINDINGS }];
  for (const segment of segments) {
    const next: Match[] = [];
    for (const { pointer, value, bindings } of frontier) {
      if (value === null || typeof value !== 'object') continue;
      if (segment === '*') {
        const keys = Array.isArray(value) ? value.keys() : Object.keys(value);
        for (const key of keys) {
          if (next.length === MAX_MATCHES) break;
          const name = String(key);
          next.push({ pointer: `${pointer}/${escape(name)}`, value: (value as Record<string, unknown>)[name], bindings: [...bindings, name] });
        }
      } else {
        const child = member(value, segment);
        if (child !== undefined) next.push({ pointer: `${pointer}/${escape(segment)}`, value: child, bindings });
      }
    }
    if (next.length === 0) return next;
    frontier = next;
  }
  return frontier;
}

/** The value of `pattern` in `root` with its `*`s bound, in order, to `bindings` (what a match of another pattern of the rule bound); undefined when absent. */
export function valueAt(root: unknown, pattern: string | Pattern, bindings: readonly string[]): unknown {
  return valueAtSegments(root, compile(pattern).segments, bindings);
}

/** The concrete pointer of `pattern` with its `*`s bound to `bindings`; null when it has more `*`s than there are bindings. */
export function bindPattern(pattern: string | Pattern, bindings: readonly string[]): string | null {
  const { text, segments, starred } = compile(pattern);
  if (!starred) return text;
  let used = 0;
  let pointer = '';
  for (const segment of segments) {
    if (segment !== '*') pointer += `/${escape(segment)}`;
    else if (used < bindings.length) pointer += `/${escape(bindings[used++]!)}`;
    else return null;
  }
  return pointer;
}

/** valueAt for a pattern's segments, `*` as `*`. */
export function valueAtSegments(root: unknown, segments: readonly string[], bindings: readonly string[]): unknown {
  let value = root;
  let used = 0;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    const key = segment === '*' ? bindings[used++] : segment;
    if (key === undefined) return undefined;
    value = member(value, key);
  }
  return value;
}

/** A container's own member `key`: undefined for what it inherits, and for an array, for anything but an index it holds. */
export function member(container: object, key: string): unknown {
  if (Array.isArray(container)) return isIndex(key, container.length) ? container[Number(key)] : undefined;
  const value = (container as Record<string, unknown>)[key];
  // What a parsed body inherits is a method or, under `__proto__`, the prototype: never a member (Object.hasOwn on every step cost more).
  return typeof value === 'function' || (key === '__proto__' && !Object.hasOwn(container, key)) ? undefined : value;
}

function escape(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? escapeSegment(segment) : segment;
}

function isIndex(segment: string, length: number): boolean {
  if (segment.length === 0 || (segment.length > 1 && segment[0] === '0')) return false;
  for (const c of segment) if (c < '0' || c > '9') return false;
  return Number(segment) < length;
}
