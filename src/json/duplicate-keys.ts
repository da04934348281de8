import { escapeSegment } from './pointer.ts';

/**
 * Pointers of the keys a JSON text repeats within one object (`{"a":1,"a":2}` -> ["/a"]). JSON.parse
 * silently keeps the last value, other parsers the first: for a money API that ambiguity is a finding.
 * A single pass over the text that jumps from quote to quote; assumes the text already parsed as JSON.
 */
export function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const frames: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = closingQuote(text, i);
      const frame = frames[frames.length - 1];
      if (frame?.keys && frame.expectingKey) {
        const key = decodeKey(text.slice(i + 1, end));
        if (frame.keys.has(key)) found.push(pointerOf(frames, key));
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
  return found;
}

interface Frame {
  keys: Set<string> | null;
  expectingKey: boolean;
  current: string;
  index: number;
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

function pointerOf(frames: Frame[], key: string): string {
  const parts: string[] = [];
  for (let f = 0; f < frames.length - 1; f++) {
    const frame = frames[f]!;
    parts.push(escapeSegment(frame.keys ? frame.current : frame.index));
  }
  parts.push(escapeSegment(key));
  return `/${parts.join('/')}`;
}
