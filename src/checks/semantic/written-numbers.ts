/**
 * Whether every number a JSON text writes as the value of a member whose name ends in `tail`
 * (`balance"`, closing quote included) and is one of `names` (quoted: `"balance"`,
 * `"pending_balance"`) is written exactly as the double JSON.parse made of it prints: then each such
 * member's number as sent is String(value), and no source text need be read for it. One indexOf
 * search (no regex) answers for every name ending in the tail; a name is read only before a number not written so.
 *
 * For a text without a backslash only (the caller knows, once per text): without one, every `"` in
 * valid JSON opens or closes a string, so every member of such a name is found, its name is the
 * string the tail ends, and a string is a name only when a colon follows (a name written with
 * escapes, or a string holding quotes, would need one).
 */
export function membersWrittenAsParsed(text: string, tail: string, names: ReadonlySet<string>): boolean {
  for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + tail.length)) {
    const end = at + tail.length;
    const colon = skipSpace(text, end);
    if (text.charCodeAt(colon) !== COLON || writtenAsParsed(text, skipSpace(text, colon + 1))) continue;
    if (names.has(text.slice(text.lastIndexOf('"', at - 1), end))) return false;
  }
  return true;
}

/**
 * Whether the value starting at `at` is anything but a number (a string, object, literal), or a
 * number String() writes that way: at most 15 significant digits (a double holds every such decimal),
 * no exponent, no zero ending its fraction (`1.50` prints 1.5), not `-0`, and not below 1e-6
 * (`0.0000001` prints 1e-7). Zeros after the first significant digit count (1000 has 4).
 */
export function writtenAsParsed(text: string, at: number): boolean {
  let i = at;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i++;
  let code = text.charCodeAt(i);
  if (!isDigit(code)) return !negative;
  let significant = 0;
  for (; isDigit(code); code = text.charCodeAt(++i)) if (code !== ZERO || significant > 0) significant++;
  if (code === POINT) {
    let leadingZeros = 0;
    let last = code;
    for (code = text.charCodeAt(++i); isDigit(code); code = text.charCodeAt(++i)) {
      if (code !== ZERO || significant > 0) significant++;
      else leadingZeros++;
      last = code;
    }
    if (last === ZERO || leadingZeros >= 6) return false;
  } else if (negative && significant === 0) return false;
  return code !== LOWER_E && code !== UPPER_E && significant <= 15;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const [MINUS, POINT, ZERO, COLON, LOWER_E, UPPER_E] = ['-', '.', '0', ':', 'e', 'E'].map((c) => c.charCodeAt(0));

/** Past the end, charCodeAt is NaN: no digit. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
