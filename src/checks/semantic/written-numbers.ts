/**
 * Whether every number a JSON text writes as the value of a member named in `names` (`"balance"`,
 * quotes included) is written exactly as the double JSON.parse made of it prints: then each such
 * member's number as sent is String(value), and no source text need be read for it. One pass from
 * colon to colon (indexOf, no regex); a member's name is read only for a number not written so.
 *
 * For a text without a backslash only (the caller knows, once per text): without one, every `"` in
 * valid JSON opens or closes a string, so a `"…"` before a colon is a member name, and a colon inside
 * a string has none before it (a name written with escapes, or a string holding quotes, would need one).
 */
export function membersWrittenAsParsed(text: string, names: ReadonlySet<string>): boolean {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    if (!writtenAsParsed(text, skipSpace(text, colon + 1)) && names.has(nameBefore(text, colon))) return false;
  }
  return true;
}

/** The quoted name before a member's colon; empty where the colon follows no string (it sits in one). */
function nameBefore(text: string, colon: number): string {
  let close = colon - 1;
  while (close >= 0 && isSpace(text.charCodeAt(close))) close--;
  if (text.charCodeAt(close) !== QUOTE) return '';
  return text.slice(text.lastIndexOf('"', close - 1), close + 1);
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

const [MINUS, POINT, ZERO, QUOTE, LOWER_E, UPPER_E] = ['-', '.', '0', '"', 'e', 'E'].map((c) => c.charCodeAt(0));

/** Past the end, charCodeAt is NaN: no digit. */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
