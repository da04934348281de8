import { dateTime } from '../../schema/index.ts';

/** An RFC 3339 instant, exactly: whole seconds since the epoch and the fraction's digits (no trailing zeros). */
export interface Instant {
  seconds: number;
  fraction: string;
}

// Longer than any RFC 3339 date-time: a longer vendor string is not one, and is not read.
const MAX_LENGTH = 64;
const isDateTime = dateTime as (text: string) => boolean;

/** The instant a timestamp names, offset applied; null for text that is no RFC 3339 date-time (the format check's business). */
export function instantOf(text: string): Instant | null {
  if (text.length > MAX_LENGTH || !isDateTime(text)) return null;
  // The format check has held every field to its place: YYYY-MM-DDThh:mm:ss, a fraction, then Z, ±hh:mm, ±hhmm or ±hh.
  const field = (from: number, to: number) => Number(text.slice(from, to));
  let at = 19;
  let fraction = '';
  if (text[at] === '.') {
    const start = ++at;
    while (text[at]! >= '0' && text[at]! <= '9') at++;
    let end = at;
    while (end > start && text[end - 1] === '0') end--;
    fraction = text.slice(start, end);
  }
  const zone = text.slice(at);
  const offset = zone.length === 1 ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + (zone.length === 3 ? 0 : Number(zone.slice(-2))));
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const day = new Date(0).setUTCFullYear(field(0, 4), field(5, 7) - 1, field(8, 10)) / 1000;
  return { seconds: day + field(11, 13) * 3600 + field(14, 16) * 60 + field(17, 19) - offset * 60, fraction };
}

/** Whether `a` is after `b`. Same-length UTC texts compare as text (the fast path), others as instants; null (or false) when either is no instant. */
export function isAfter(a: string, b: string): boolean | null {
  if (a.length === b.length && a.length <= MAX_LENGTH && a[a.length - 1] === 'Z' && b[b.length - 1] === 'Z' && a[10] === 'T' && b[10] === 'T') {
    // Text order is the instants' order for two valid ones; validity is read only where it decides a finding.
    if (a <= b) return false;
    return isDateTime(a) && isDateTime(b) ? true : null;
  }
  const x = instantOf(a);
  const y = instantOf(b);
  if (!x || !y) return null;
  if (x.seconds !== y.seconds) return x.seconds > y.seconds;
  // Fraction digits compare padded to one width: "5" (0.5) is after "123" (0.123).
  const width = Math.max(x.fraction.length, y.fraction.length);
  return x.fraction.padEnd(width, '0') > y.fraction.padEnd(width, '0');
}
