import { parsePointer } from './pointer.ts';

/**
 * The exact source text of the value at `pointer` in a JSON text, or null. Reports show it as
 * evidence where JSON.parse would lose something: 12345678901234567890.12 stays that, not 1.2345e19.
 * Only called for values that have a finding, so a plain scan is fine.
 */
export function rawValueAt(text: string, pointer: string): string | null {
  let at = skipSpace(text, 0);
  for (const segment of parsePointer(pointer)) {
    const found = text[at] === '{' ? memberOf(text, at, segment) : text[at] === '[' ? elementOf(text, at, Number(segment)) : -1;
    if (found < 0) return null;
    at = found;
  }
  return text.slice(at, valueEnd(text, at));
}

function memberOf(text: string, open: number, wanted: string): number {
  let at = skipSpace(text, open + 1);
  while (text[at] === '"') {
    const keyEnd = valueEnd(text, at);
    const key = JSON.parse(text.slice(at, keyEnd)) as string;
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (key === wanted) return value;
    at = skipSpace(text, valueEnd(text, value));
    if (text[at] !== ',') return -1;
    at = skipSpace(text, at + 1);
  }
  return -1;
}

function elementOf(text: string, open: number, wanted: number): number {
  let at = skipSpace(text, open + 1);
  for (let index = 0; text[at] !== ']' && at < text.length; index++) {
    if (index === wanted) return at;
    at = skipSpace(text, valueEnd(text, at));
    if (text[at] !== ',') return -1;
    at = skipSpace(text, at + 1);
  }
  return -1;
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
