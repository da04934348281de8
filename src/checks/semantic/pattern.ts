import { escapeSegment, parsePointer } from '../../json/index.ts';

/** One place a pointer pattern matched in a body: the segments its `*`s stood for, in order, and the value there. */
export interface PatternMatch {
  bound: string[];
  pointer: string;
  value: unknown;
}

// A pattern names a place a reader of the API names: no rule goes this deep, and a hostile body must not cost the stack.
const MAX_PATTERN_SEGMENTS = 64;

/**
 * Every place in `root` a pointer pattern (rules.ts: `*` stands for any one segment) matches. Walks
 * only the containers the pattern leads through, so the cost is the number of places it could match.
 */
export function matchPattern(root: unknown, pattern: string): PatternMatch[] {
  const segments = parsePointer(pattern);
  if (segments.length > MAX_PATTERN_SEGMENTS) return [];
  let matches: PatternMatch[] = [{ bound: [], pointer: '', value: root }];
  for (const segment of segments) {
    const next: PatternMatch[] = [];
    for (const match of matches) {
      const { value } = match;
      if (value === null || typeof value !== 'object') continue;
      const keys = segment === '*' ? Object.keys(value) : Object.hasOwn(value, segment) ? [segment] : [];
      for (const key of keys) {
        next.push({ bound: segment === '*' ? [...match.bound, key] : match.bound, pointer: `${match.pointer}/${escapeSegment(key)}`, value: (value as Record<string, unknown>)[key] });
      }
    }
    matches = next;
  }
  return matches;
}

/** A pattern with its `*`s replaced, in order, by segments another pattern of the same rule bound; null when it has more `*`s than were bound. */
export function bindPattern(pattern: string, bound: readonly string[]): string | null {
  let index = 0;
  const segments = parsePointer(pattern).map((segment) => (segment === '*' ? bound[index++] : segment));
  if (segments.some((segment) => segment === undefined)) return null;
  return segments.map((segment) => `/${escapeSegment(segment!)}`).join('');
}
