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
  /**
   * Its last segment as a body's text writes that member's name (`"balance"`), quotes included; null
   * where the text may write it otherwise or it may name no member: a `*`, an index, a name JSON escapes.
   */
  name: string | null;
}

const NO_BINDINGS: readonly string[] = Object.freeze([]);
// Patterns come from rules (a vendor file, the document's recognised shapes): few, and fixed for a run.
const compiled = new Map<string, Pattern>();

export function compilePattern(text: string): Pattern {
  let found = compiled.get(text);
  if (!found) {
    const segments = parsePointer(text);
    compiled.set(text, (found = { text, segments, starred: segments.includes('*'), name: nameOf(segments[segments.length - 1]) }));
  }
  return found;
}

function nameOf(segment: string | undefined): string | null {
  if (segment === undefined || segment === '*' || /^[0-9]+$/.test(segment)) return null;
  const quoted = JSON.stringify(segment);
  return quoted.length === segment.length + 2 ? quoted : null;
}

const compile = (pattern: string | Pattern) => (typeof pattern === 'string' ? compilePattern(pattern) : pattern);

/**
 * What a pattern's walk calls for each place it reaches: `bindings` is the walk's own array, read (or
 * copied) during the call, not kept; `entry` is what the pattern's last `*` bound (the root without one),
 * where a sibling figure is read without walking from the root again.
 */
export type Visit = (value: unknown, bindings: readonly string[], entry: unknown) => void;

/**
 * Calls `visit` for every place in `root` the pattern reaches, in document order. At each `*` at most
 * MAX_MATCHES places are taken, the first in that order, however many entries a hostile body has. No
 * pointer is built (bindPattern makes one from the bindings, where a finding needs it), and a pattern
 * without `*` allocates nothing. Its recursion is as deep as the pattern, never the body.
 */
export function visitPattern(root: unknown, pattern: string | Pattern, visit: Visit): void {
  const { segments, starred } = compile(pattern);
  if (!starred) {
    const value = valueAtSegments(root, segments, NO_BINDINGS);
    if (value !== undefined) visit(value, NO_BINDINGS, root);
    return;
  }
  // Places taken so far at each `*`, across the whole walk.
  const taken = new Array<number>(segments.length).fill(0);
  const last = segments.lastIndexOf('*');
  const bindings: string[] = [];
  let entry: unknown;
  const walk = (value: unknown, at: number): void => {
    if (at === segments.length) return visit(value, bindings, entry);
    if (value === null || typeof value !== 'object') return;
    const segment = segments[at]!;
    if (segment !== '*') {
      const child = member(value, segment);
      if (child !== undefined) walk(child, at + 1);
      return;
    }
    const array = Array.isArray(value);
    const keys = array ? null : Object.keys(value);
    const count = array ? value.length : keys!.length;
    for (let i = 0; i < count && taken[at]! < MAX_MATCHES; i++) {
      taken[at]!++;
      const key = array ? String(i) : keys![i]!;
      bindings.push(key);
      const child: unknown = array ? value[i] : (value as Record<string, unknown>)[key];
      if (at === last) entry = child;
      walk(child, at + 1);
      bindings.pop();
    }
  };
  walk(root, 0);
}

/** Every place in `root` the pattern reaches, with its pointer and bindings (see visitPattern). */
export function matchPattern(root: unknown, pattern: string | Pattern): Match[] {
  const compiled = compile(pattern);
  const matches: Match[] = [];
  visitPattern(root, compiled, (value, bindings) => matches.push({ pointer: bindPattern(compiled, bindings)!, value, bindings: bindings.slice() }));
  return matches;
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
