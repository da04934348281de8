import { parsePointer } from './pointer.ts';

// A number of 16 or more significant digits has a run of at least 8 digits on one side of its point,
// and a number with an exponent has a digit before its `e`: plain scans find each candidate (one pattern
// each: an alternation scans several times slower). The run is spelled out: V8's engine skips ahead
// eight characters at a time on it, where on `\d{8}` it tries every position (6x slower on a body of
// uuids). Digits in strings (a phone number, a hex id) are candidates too, so each is confirmed to sit
// in a number token.
const CANDIDATES = [/\d\d\d\d\d\d\d\d/g, /\d[eE][+-]?\d/g];

/**
 * Whether a JSON text may hold a number JSON.parse cannot keep exactly (it may say yes for one it can:
 * a string holding `: 12345678`). Where this is false every number holds at most 14 digits and no
 * exponent, so the parsed numbers are the numbers sent and no source text need be read. Linear: after
 * a candidate, a scan resumes past its token, so no character is walked more than a few times.
 */
export function mayHoldInexactNumbers(text: string): boolean {
  for (const candidate of CANDIDATES) {
    candidate.lastIndex = 0;
    // test(), not exec(): no match object per candidate. A match is number characters only, so the
    // run of them that holds it, found back from where the match ends, is its token.
    while (candidate.test(text)) {
      let start = candidate.lastIndex;
      while (start > 0 && isNumberCharacter(text.charCodeAt(start - 1))) start--;
      if (startsValue(text, start)) return true;
      let end = candidate.lastIndex;
      while (end < text.length && isNumberCharacter(text.charCodeAt(end))) end++;
      candidate.lastIndex = end;
    }
  }
  return false;
}

/** A character of a JSON number token: a digit, `.`, `-`, `+`, `e` or `E`. */
function isNumberCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46 || code === 45 || code === 43 || code === 101 || code === 69;
}

/** Whether a token starting at `start` is a JSON value: first in the text, or after `:`, `,` or `[` (whitespace between). */
function startsValue(text: string, start: number): boolean {
  let at = start - 1;
  while (at >= 0 && ' \t\r\n'.includes(text[at]!)) at--;
  return at < 0 || text[at] === ':' || text[at] === ',' || text[at] === '[';
}

/**
 * The exact source text of the value at `pointer` in a JSON text, or null. Reports show it as
 * evidence where JSON.parse would lose something: 12345678901234567890.12 stays that, not 1.2345e19.
 */
export function rawValueAt(text: string, pointer: string): string | null {
  return rawValuesAt(text, [pointer]).get(pointer) ?? null;
}

/**
 * The source text of each pointer's value found in a JSON text (one that already parsed), in one pass:
 * containers on the way to a wanted value are read member by member, everything else is skipped whole,
 * so the cost is the text's length whatever the number or depth of the pointers. A repeated key counts
 * as JSON.parse counts it: the last one wins.
 */
export function rawValuesAt(text: string, pointers: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const open: Container[] = [];
  let trail: Trail | undefined = trailsOf(pointers);
  let at = skipSpace(text, 0);
  while (at < text.length) {
    // `at` starts a value; `trail` holds the wanted pointers at or under it (none: skip it whole).
    const opener = text[at];
    if (trail && trail.next.size > 0 && (opener === '{' || opener === '[')) {
      open.push({ trail, start: at, object: opener === '{', index: 0 });
      at = skipSpace(text, at + 1);
    } else {
      const end = valueEnd(text, at);
      if (trail?.pointer !== undefined) found.set(trail.pointer, text.slice(at, end));
      at = skipSpace(text, end);
      if (open.length === 0) break;
      if (text[at] === ',') at = skipSpace(text, at + 1);
    }
    // Close every container that ends here, then step into the next member or item.
    let container = open[open.length - 1];
    while (container && (text[at] === '}' || text[at] === ']')) {
      open.pop();
      if (container.trail.pointer !== undefined) found.set(container.trail.pointer, text.slice(container.start, at + 1));
      at = skipSpace(text, at + 1);
      if (text[at] === ',') at = skipSpace(text, at + 1);
      container = open[open.length - 1];
    }
    if (!container) break;
    if (container.object) {
      const keyEnd = valueEnd(text, at);
      trail = container.trail.next.get(decodeKey(text.slice(at + 1, keyEnd - 1)));
      at = skipSpace(text, skipSpace(text, keyEnd) + 1);
    } else trail = container.trail.next.get(String(container.index++));
  }
  return found;
}

/** The wanted pointers as a tree of segments. */
interface Trail {
  pointer?: string;
  next: Map<string, Trail>;
}

interface Container {
  trail: Trail;
  start: number;
  object: boolean;
  index: number;
}

function trailsOf(pointers: readonly string[]): Trail {
  const root: Trail = { next: new Map() };
  for (const pointer of pointers) {
    let trail = root;
    for (const segment of parsePointer(pointer)) {
      let next = trail.next.get(segment);
      if (!next) trail.next.set(segment, (next = { next: new Map() }));
      trail = next;
    }
    trail.pointer = pointer;
  }
  return root;
}

function decodeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
}

/** Index just past the value starting at `start`: a string, a container (brackets balanced outside strings), or a literal. */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') {
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    return text.length;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c === '"') i = valueEnd(text, i) - 1;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
    }
    return text.length;
  }
  let i = start;
  while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
  return i;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
  return at;
}
