import { parsePointer, escapeSegment } from '../json/index.ts';
import { stringPlaceholder } from './placeholder.ts';

/** Per object of a parsed body, the keys masked there and their placeholders. */
export type RenamedKeys = WeakMap<object, ReadonlyMap<string, string>>;

/** For a body that was not masked by position (not parsed): no key renamed. */
export const NOTHING_RENAMED: RenamedKeys = new WeakMap();

/**
 * The placeholders of an object's keys that are data, not names (a map keyed by emails, an
 * undocumented property): null when every key is shown. A placeholder never takes the name of a
 * shown key or of another placeholder in the same object (a member would be lost): a collision gets
 * `~2`, `~3`..., counted per placeholder so a hostile body of colliding keys stays linear.
 */
export function maskKeys(names: readonly string[], shown: (name: string) => boolean): Map<string, string> | null {
  const masked = names.filter((name) => !shown(name));
  if (masked.length === 0) return null;
  const taken = new Set(names.filter(shown));
  const nextSuffix = new Map<string, number>();
  const renamed = new Map<string, string>();
  for (const name of masked) {
    const base = stringPlaceholder(name);
    let slot = base;
    let suffix = nextSuffix.get(base) ?? 2;
    while (taken.has(slot)) slot = `${base}~${suffix++}`;
    nextSuffix.set(base, suffix);
    taken.add(slot);
    renamed.set(name, slot);
  }
  return renamed;
}

/**
 * Where the names of a finding's pointer come from beyond what the body holds: nowhere (`body`), the
 * document's name for its last segment (`last`: a missing required property), or a money rule checked
 * against the document for every segment the body lacks (`rule`: a figure a presence rule wants).
 */
export type PointerNames = 'body' | 'last' | 'rule';

/**
 * A pointer into the parsed body as it reads in the masked body: each segment that is a key masked
 * there becomes its placeholder. A segment the parsed body does not hold is masked too (a key JSON.parse
 * dropped with a duplicate is still the vendor's data), but where the document names it (`names`).
 * Without the body to follow (`original` undefined) no segment is known to be a name, so every one is masked.
 */
export function maskedPointer(pointer: string, original: unknown, renamed: RenamedKeys, names: PointerNames = 'body'): string {
  // Most pointers are plain (no escape, no fragment): split as they are, and returned as they are when no segment changes.
  const plain = pointer.startsWith('/') && !pointer.includes('~');
  const segments = plain ? pointer.slice(1).split('/') : parsePointer(pointer);
  if (segments.length === 0) return pointer;
  let node: unknown = original;
  let changed = !plain;
  const shown = segments.map((segment, index) => {
    let slot: string;
    if (original === undefined) slot = stringPlaceholder(segment);
    else if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) {
      node = undefined;
      slot = names === 'rule' || (names === 'last' && index === segments.length - 1) ? segment : stringPlaceholder(segment);
    } else {
      slot = renamed.get(node)?.get(segment) ?? segment;
      node = (node as Record<string, unknown>)[segment];
    }
    changed ||= slot !== segment;
    return slot;
  });
  return changed ? `/${shown.map(escapeSegment).join('/')}` : pointer;
}
