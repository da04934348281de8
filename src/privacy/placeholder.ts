import { hash } from 'node:crypto';

/**
 * Stand-ins for values conform may not show. Each is derived from the value (the same value always
 * gets the same stand-in, so two runs compare and fingerprints hold) and keeps its JSON type and
 * shape (an email stays an email, a date a date, an integer an integer of as many digits), so a
 * contract recorded from a masked body still describes what the vendor sends.
 */
export function placeholderFor(value: unknown): unknown {
  if (typeof value === 'string') return stringPlaceholder(value);
  if (typeof value === 'number') return numberPlaceholder(value);
  // One bit cannot be disguised and still depend on the value: every boolean shows as false.
  if (typeof value === 'boolean') return false;
  return value;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
// RFC 5321's longest address: the email pattern backtracks quadratically, so it only sees what could be one.
const MAX_EMAIL_LENGTH = 254;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/;
// Beyond this a free text is shown by the shape of its start only.
const SHAPED_LENGTH = 64;

// Vendors repeat values from answer to answer: the last few thousand placeholders are remembered.
const remembered = new Map<string, string>();
const MAX_REMEMBERED = 4096;

export function stringPlaceholder(value: string): string {
  let placeholder = remembered.get(value);
  if (placeholder === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(value, (placeholder = shapedPlaceholder(value)));
  }
  return placeholder;
}

function shapedPlaceholder(value: string): string {
  const bytes = digestBytes(`string:${value}`);
  if (value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value)) return `person-${hex(bytes, 8)}@example.invalid`;
  if (ISO_DATE.test(value)) return derivedDate(bytes);
  if (ISO_DATE_TIME.test(value)) return `${derivedDate(bytes)}T00:00:00Z`;
  const shaped = shape(value.slice(0, SHAPED_LENGTH), bytes);
  return value.length > SHAPED_LENGTH ? `${shaped}…` : shaped;
}

/** A whole text (a text/plain body, a body cut at the cap): replaced by one line that names its size. */
export function textPlaceholder(text: string | Uint8Array): string {
  const length = typeof text === 'string' ? Buffer.byteLength(text) : text.length;
  return `[masked: ${length} bytes, ${hex(digestBytes(text), 12)}]`;
}

/** Same sign, same digits before and after the point, same exponent: a number of the same magnitude. */
function numberPlaceholder(value: number): number {
  if (!Number.isFinite(value)) return value;
  const bytes = digestBytes(`number:${value}`);
  const written = String(Math.abs(value));
  const [mantissa, exponent] = written.split('e');
  let index = 0;
  const digits = [...mantissa!].map((char, at) => {
    if (char < '0' || char > '9') return char;
    const digit = bytes[index++ % bytes.length]! % 10;
    // The leading digit stays zero or non-zero, so the magnitude stays.
    if (at === 0 && mantissa!.length > 1) return char === '0' ? '0' : String(1 + (digit % 9));
    return String(digit);
  });
  const masked = Number(`${digits.join('')}${exponent === undefined ? '' : `e${exponent}`}`);
  return value < 0 ? -masked : masked;
}

/** Letters stay letters of the same case, digits digits; spacing and punctuation stay; `_` becomes `-`. */
function shape(value: string, bytes: Uint8Array): string {
  let out = '';
  let index = 0;
  for (const char of value) {
    const byte = bytes[index++ % bytes.length]!;
    if (char >= 'a' && char <= 'z') out += LOWER[byte % 26];
    else if (char >= 'A' && char <= 'Z') out += UPPER[byte % 26];
    else if (char >= '0' && char <= '9') out += String(byte % 10);
    // A placeholder never looks like a prefixed id (ldgr_…): a contract must not pin the shape of a value it never saw.
    else if (char === '_') out += '-';
    else if (/\p{L}/u.test(char)) out += LOWER[byte % 26];
    else if (/\p{N}/u.test(char)) out += String(byte % 10);
    else out += char.charCodeAt(0) < 128 ? char : '-';
  }
  return out;
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

/** A real calendar date in 1970-2019 (day 1-28: valid in every month). */
function derivedDate(bytes: Uint8Array): string {
  const year = 1970 + (bytes[0]! % 50);
  const month = 1 + (bytes[1]! % 12);
  const day = 1 + (bytes[2]! % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// One-shot SHA-256: several times cheaper per short value than a Hash object, and as stable.
function digestBytes(value: string | Uint8Array): Uint8Array {
  return hash('sha256', value, 'buffer');
}

function hex(bytes: Uint8Array, length: number): string {
  return Buffer.from(bytes).toString('hex').slice(0, length);
}
