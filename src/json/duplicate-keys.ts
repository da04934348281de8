import { escapeSegment } from './pointer.ts';

/** A key an object repeats: where, and the value JSON.parse kept (the last one). */
export interface DuplicateKey {
  pointer: string;
  kept: unknown;
}

/**
 * The keys a JSON text repeats within one object (`{"a":1,"a":2}` -> /a). JSON.parse silently keeps
 * the last value, other parsers the first: for a money API that ambiguity is a finding. A single pass
 * over the text that jumps from quote to quote; assumes the text already parsed as JSON into `root`.
 * Each open container learns its pointer and parsed value only when a duplicate is found inside it,
 * from its parent's: a duplicate costs one step however deep it sits, and a clean body nothing more.
 * Past `limit.keys` duplicates, or once their pointers add up to `limit.pointerChars`, the rest are
 * only counted.
 */
export function duplicateKeys(text: string, root: unknown, limit = { keys: Infinity, pointerChars: Infinity }): { found: readonly DuplicateKey[]; count: number } {
  if (repeatsNoKey(text, root)) return NONE;
  const found: DuplicateKey[] = [];
  let count = 0;
  let pointerChars = 0;
  const frames: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = closingQuote(text, i);
      const frame = frames[frames.length - 1];
      if (frame?.keys && frame.expectingKey) {
        const key = decodeKey(text.slice(i + 1, end));
        if (frame.keys.has(key) && count++ < limit.keys && pointerChars < limit.pointerChars) {
          locate(frames, root);
          const pointer = `${frame.pointer!}/${escapeSegment(key)}`;
          pointerChars += pointer.length;
          found.push({ pointer, kept: memberOf(frame.value, key) });
        }
        frame.keys.add(key);
        frame.current = key;
      }
      i = end + 1;
      continue;
    }
    if (code === OPEN_BRACE) frames.push({ keys: new Set(), expectingKey: true, current: '', index: 0 });
    else if (code === OPEN_BRACKET) frames.push({ keys: null, expectingKey: false, current: '', index: 0 });
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) frames.pop();
    else if (code === COLON) frames[frames.length - 1]!.expectingKey = false;
    else if (code === COMMA) {
      const frame = frames[frames.length - 1]!;
      if (frame.keys) frame.expectingKey = true;
      else frame.index++;
    }
    i++;
  }
  return { found, count };
}

const NONE = Object.freeze({ found: Object.freeze([]), count: 0 });

/**
 * Whether a text that parsed into `root` certainly repeats no key, from counts alone: no key is read,
 * and the text is searched only for colons (a native search, not a walk of its characters). A member
 * of the text has its colon right after its key's closing quote (whitespace between), so the colons
 * that follow a quote number at least the members sent, which are at least the members kept: equal to
 * the members kept only when every member sent was kept, that is when no key repeats (JSON.parse keeps
 * the last of a repeated key's members). A colon in a string can only add to the count. False means
 * "not proved": the full scan decides.
 */
function repeatsNoKey(text: string, root: unknown): boolean {
  const members = membersIn(root, 0);
  if (members < 0) return false;
  let afterQuote = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    while (isSpace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) === QUOTE && ++afterQuote > members) return false;
  }
  return afterQuote === members;
}

/** Recursion is the quick walk; a body nested deeper than this is left to the full scan (which loops). */
const MAX_COUNTED_DEPTH = 256;

/** The members of every object in a parsed value; -1 when it nests past MAX_COUNTED_DEPTH. */
function membersIn(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (depth === MAX_COUNTED_DEPTH) return -1;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const within = membersIn(item, depth + 1);
      if (within < 0) return -1;
      count += within;
    }
    return count;
  }
  // for-in, not Object.keys: no array per object. A parsed object's only enumerable keys are its own.
  for (const key in value) {
    const within = membersIn((value as Record<string, unknown>)[key], depth + 1);
    if (within < 0) return -1;
    count += 1 + within;
  }
  return count;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

interface Frame {
  keys: Set<string> | null;
  expectingKey: boolean;
  current: string;
  index: number;
  /** Set by locate(): where this container is, and its value in the parsed body (undefined if shadowed). */
  pointer?: string;
  value?: unknown;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const COMMA = 44;

function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end > 0) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return text.length;
}

/** Keys compare by meaning: "\u0061" and "a" are the same key. */
function decodeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** Fills in pointer and value for the open containers that lack them, each from its parent's. */
function locate(frames: Frame[], root: unknown): void {
  let known = frames.length - 1;
  while (known >= 0 && frames[known]!.pointer === undefined) known--;
  for (let f = known + 1; f < frames.length; f++) {
    const frame = frames[f]!;
    if (f === 0) {
      frame.pointer = '';
      frame.value = root;
      continue;
    }
    const parent = frames[f - 1]!;
    const segment = parent.keys ? parent.current : String(parent.index);
    // Ropes: each pointer extends its parent's without copying it, so deep nesting stays linear.
    frame.pointer = `${parent.pointer!}/${escapeSegment(segment)}`;
    frame.value = memberOf(parent.value, segment);
  }
}

/** As getAtPointer steps: own members only; anything else is absent. */
function memberOf(value: unknown, segment: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
}
