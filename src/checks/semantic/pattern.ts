import { escapeSegment, parsePointer } from '../../json/index.ts';

/**
 * Pointer patterns (rules.ts): a `*` segment stands for any one segment. Within one rule every `*`
 * binds to the same segments, in order, so a pattern's matches carry what their `*`s bound.
 */
export interface Match {
  pointer: string;
  value: unknown;
  /** The segments the pattern's `*`s matched, in order, unescaped. */
  bindings: readonly string[];
}

/** The most matches one pattern yields in one body: a hostile body's million items cost no more than this. */
export const MAX_MATCHES = 10_000;

// Patterns come from rules (a vendor file, the document's recognised shapes): few, and fixed for a run.
const compiled = new Map<string, readonly string[]>();

function segmentsOf(pattern: string): readonly string[] {
  let segments = compiled.get(pattern);
  if (!segments) compiled.set(pattern, (segments = parsePointer(pattern)));
  return segments;
}

/** Every place in `root` the pattern reaches, breadth first and iterative (no body is too deep), at most MAX_MATCHES. */
export function matchPattern(root: unknown, pattern: string): Match[] {
  let frontier: Match[] = [{ pointer: '', value: root, bindings: [] }];
  for (const segment of segmentsOf(pattern)) {
    const next: Match[] = [];
    for (const { pointer, value, bindings } of frontier) {
      if (value === null || typeof value !== 'object') continue;
      if (segment === '*') {
        for (const key of Object.keys(value)) {
          if (next.length === MAX_MATCHES) break;
          next.push({ pointer: `${pointer}/${escapeSegment(key)}`, value: (value as Record<string, unknown>)[key], bindings: [...bindings, key] });
        }
      } else if (Array.isArray(value) ? isIndex(segment, value.length) : Object.hasOwn(value, segment)) {
        next.push({ pointer: `${pointer}/${escapeSegment(segment)}`, value: (value as Record<string, unknown>)[segment], bindings });
      }
    }
    if (next.length === 0) return next;
    frontier = next;
  }
  return frontier;
}

/**
 * The concrete pointer of `pattern` with its `*`s bound, in order, to `bindings` (what a match of
 * another pattern of the same rule bound); null when the pattern has more `*`s than there are bindings.
 */
export function bindPattern(pattern: string, bindings: readonly string[]): string | null {
  let used = 0;
  let pointer = '';
  for (const segment of segmentsOf(pattern)) {
    if (segment !== '*') pointer += `/${escapeSegment(segment)}`;
    else if (used < bindings.length) pointer += `/${escapeSegment(bindings[used++]!)}`;
    else return null;
  }
  return pointer;
}

function isIndex(segment: string, length: number): boolean {
  if (segment.length === 0 || (segment.length > 1 && segment[0] === '0')) return false;
  for (const c of segment) if (c < '0' || c > '9') return false;
  return Number(segment) < length;
}
