/**
 * Every way a vendor (or a broker) can echo a secret back, and a leak search that undoes them all:
 * the two sides of the secret canary tests. The search is written independently of src/redaction/redact.ts
 * (regex replaces, decodeURIComponent, Buffer's base64), so a redaction bug is not mirrored here.
 */

/** `\uXXXX` for every character: how a JSON writer may escape a whole string. */
export const unicodeEscaped = (text: string) => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** Every other character \u-escaped, in upper-case hex. */
export const halfUnicodeEscaped = (text: string) => [...text].map((c, i) => (i % 2 ? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : c)).join('');
/** Every byte percent-encoded, unreserved characters too (`%5F` for `_`, `%2E` for `.`). */
export const overPercentEncoded = (text: string, hexCase: 'lower' | 'upper') =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${hexCase === 'lower' ? b.toString(16).padStart(2, '0') : b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
export const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
export const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** The secret written every way this suite knows, each with a name for the failure message. */
export function encodings(secret: string): Record<string, string> {
  return {
    raw: secret,
    unicodeEscaped: unicodeEscaped(secret),
    halfUnicodeEscaped: halfUnicodeEscaped(secret),
    percentEncoded: encodeURIComponent(secret),
    overPercentLower: overPercentEncoded(secret, 'lower'),
    overPercentUpper: overPercentEncoded(secret, 'upper'),
    doublePercent: encodeURIComponent(overPercentEncoded(secret, 'upper')),
    base64Offset0: base64(secret),
    base64Offset1: base64(`x${secret}yz`),
    base64Offset2: base64(`xy${secret}z`),
    base64urlOffset0: base64url(secret),
    base64urlOffset1: base64url(`~${secret}`),
    base64urlOffset2: base64url(`~~${secret}~`),
    basicKeyColon: `Basic ${base64(`${secret}:`)}`,
    basicUserKey: `Basic ${base64(`ci-user:${secret}`)}`,
  };
}

/** A piece of the secret this long, found anywhere, is a leak: a cut that shows 12 characters of a key leaks it. */
const WINDOW = 12;

/**
 * Where `text` leaks `secret` (or a WINDOW-long piece of it): in the text as written, after undoing
 * \u and backslash escapes, percent-encoding (up to three layers) and HTML references, and inside any
 * base64 or base64url run, decoded at each of the four character alignments. A piece that is also part
 * of a `known` public value (a vendor's key prefix) reveals nothing and is not searched for.
 */
export function leaksOf(text: string, secret: string, known: readonly string[] = []): string[] {
  const pieces = new Set(windows(secret).filter((piece) => !known.some((value) => value.includes(piece))));
  const found: string[] = [];
  let layer = text;
  for (let depth = 0; depth < 4; depth++) {
    for (const at of piecesIn(layer, pieces)) found.push(`decoded ${depth}x: ...${layer.slice(Math.max(0, at - 30), at + WINDOW + 30)}...`);
    for (const run of layer.match(/[A-Za-z0-9+/_-]{16,}/g) ?? []) {
      for (let shift = 0; shift < 4; shift++) {
        const decoded = Buffer.from(run.slice(shift).replaceAll('-', '+').replaceAll('_', '/'), 'base64').toString('utf8');
        if (piecesIn(decoded, pieces).length > 0) found.push(`base64 run ${run}`);
      }
    }
    layer = decodeOnce(layer);
  }
  return [...new Set(found)];
}

function windows(secret: string): string[] {
  if (secret.length <= WINDOW) return [secret];
  return Array.from({ length: secret.length - WINDOW + 1 }, (_, i) => secret.slice(i, i + WINDOW));
}

/** Where any piece (all WINDOW long, or one shorter secret) starts in the text: a set lookup per position. */
function piecesIn(text: string, pieces: ReadonlySet<string>): number[] {
  const sizes = new Set([...pieces].map((piece) => piece.length));
  const starts: number[] = [];
  for (const size of sizes) for (let i = 0; i + size <= text.length; i++) if (pieces.has(text.slice(i, i + size))) starts.push(i);
  return starts;
}

function decodeOnce(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\([^u])/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
}
