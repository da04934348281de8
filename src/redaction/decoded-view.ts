/**
 * Text with its escapes decoded, for finding a secret however it was written: JSON `\u0041` and
 * backslash escapes (JSON, Markdown), percent-encoding in either hex case and over-encoded (`%5F` for
 * `_`), and HTML/XML character references. `sources[i]` is where decoded unit i starts in the original
 * text (`sources[text.length]` is its end), so a match in the view is a span of the original. One pass,
 * linear; tolerant: anything that is not a well-formed escape stays as written.
 */
export interface DecodedView {
  text: string;
  /** null: the text as written (unit i is at i), so an undecoded text needs no table. */
  sources: Int32Array | null;
}

/** Worth decoding at all: only these characters begin an escape. */
export function mayHoldEscapes(text: string): boolean {
  return /[\\%&]/.test(text);
}

/** Decodes one layer of escapes of `view` (pass the result again for a doubly encoded text). */
export function decodeLayer(view: DecodedView): DecodedView {
  const { text } = view;
  const parts: string[] = [];
  const sources = new Int32Array(text.length + 1);
  let length = 0;
  let plainFrom = 0;
  const sourceOf = (at: number) => (view.sources ? view.sources[at]! : at);
  const flushPlain = (to: number) => {
    if (to <= plainFrom) return;
    parts.push(text.slice(plainFrom, to));
    for (let i = plainFrom; i < to; i++) sources[length++] = sourceOf(i);
  };
  for (let at = 0; at < text.length; ) {
    const escape = escapeAt(text, at);
    if (!escape) {
      at++;
      continue;
    }
    flushPlain(at);
    parts.push(escape.decoded);
    for (let unit = 0; unit < escape.decoded.length; unit++) sources[length++] = sourceOf(at);
    at += escape.length;
    plainFrom = at;
  }
  flushPlain(text.length);
  sources[length] = sourceOf(text.length);
  return { text: parts.join(''), sources: sources.subarray(0, length + 1) };
}

interface Escape {
  decoded: string;
  length: number;
}

const BACKSLASH_LETTERS: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NAMED_REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function escapeAt(text: string, at: number): Escape | null {
  const char = text[at];
  if (char === '\\') return backslashEscape(text, at);
  if (char === '%') return percentEscape(text, at);
  if (char === '&') return characterReference(text, at);
  return null;
}

function backslashEscape(text: string, at: number): Escape | null {
  const next = text[at + 1];
  if (next === undefined) return null;
  if (next === 'u' || next === 'U') {
    const hex = text.slice(at + 2, at + 6);
    return /^[0-9a-fA-F]{4}$/.test(hex) ? { decoded: String.fromCharCode(parseInt(hex, 16)), length: 6 } : null;
  }
  if (BACKSLASH_LETTERS[next]) return { decoded: BACKSLASH_LETTERS[next], length: 2 };
  // JSON's \" \\ \/ and Markdown's \_ \* ...: a backslash before ASCII punctuation stands for it.
  return /[!-/:-@[-`{-~]/.test(next) ? { decoded: next, length: 2 } : null;
}

/** %XX, or a run of them that spells one UTF-8 encoded character. */
function percentEscape(text: string, at: number): Escape | null {
  const first = percentByte(text, at);
  if (first === null) return null;
  if (first < 0x80) return { decoded: String.fromCharCode(first), length: 3 };
  const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 0;
  if (size === 0) return null;
  const bytes = [first];
  for (let i = 1; i < size; i++) {
    const byte = percentByte(text, at + 3 * i);
    if (byte === null || byte < 0x80 || byte > 0xbf) return null;
    bytes.push(byte);
  }
  const decoded = Buffer.from(bytes).toString('utf8');
  return decoded.includes('\ufffd') ? null : { decoded, length: 3 * size };
}

function percentByte(text: string, at: number): number | null {
  if (text[at] !== '%') return null;
  const hex = text.slice(at + 1, at + 3);
  return /^[0-9a-fA-F]{2}$/.test(hex) ? parseInt(hex, 16) : null;
}

/** &#65; &#x41; &amp; ...: how HTML and XML reports write characters. */
function characterReference(text: string, at: number): Escape | null {
  const match = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/.exec(text.slice(at, at + 12));
  if (!match) return null;
  if (match[3]) return { decoded: NAMED_REFERENCES[match[3]]!, length: match[0].length };
  const codePoint = match[1] ? parseInt(match[1], 16) : Number(match[2]);
  return codePoint <= 0x10ffff ? { decoded: String.fromCodePoint(codePoint), length: match[0].length } : null;
}
