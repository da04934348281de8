import type { Format } from 'ajv';
import { RE2JS } from 're2js';

/**
 * Hand-written checks for the formats money APIs put on every other field. ajv-formats' full
 * date-time check dominated the cost of checking a Midaz body; these are as strict (RFC 3339 with
 * real calendar dates and a time zone; "yesterday" and "2026-02-30T00:00:00Z" fail) and several
 * times faster. test/schema/formats.test.ts holds them to ajv-formats' verdicts.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS[month - 1]!);
}

/** The number written by `count` ASCII digits at `at`, or -1. Char codes, not a regex: no allocation. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const isChar = (text: string, at: number, char: string) => text.charCodeAt(at) === char.charCodeAt(0);

/** ECMA-262's white space and line terminators (RegExp `\s`): ajv-formats splits a date-time on t or any of them. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * RFC 3339 date-time: YYYY-MM-DD, T (or t, or white space), hh:mm:ss, optional fraction, Z or a +hh:mm
 * offset. Stricter than ajv-formats in one place: its leap-second arithmetic lets an hour of 24-99 or a
 * minute of 60-99 through when the offset brings it to 23:59 UTC ("24:59:00+01:00"); here they fail.
 */
export function dateTime(value: string): boolean {
  if (value.length < 20 || !isChar(value, 4, '-') || !isChar(value, 7, '-') || !isChar(value, 13, ':') || !isChar(value, 16, ':')) return false;
  const separator = value.charCodeAt(10);
  if (separator !== 84 && separator !== 116 && !isSpace(separator)) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 0 || !validDate(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  let at = 19;
  if (isChar(value, at, '.')) {
    const start = ++at;
    while (at < value.length && digits(value, at, 1) >= 0) at++;
    if (at === start) return false;
  }
  let offset = 0;
  if ((isChar(value, at, 'Z') || isChar(value, at, 'z')) && at + 1 === value.length) offset = 0;
  else if (isChar(value, at, '+') || isChar(value, at, '-')) {
    // +hh:mm, and like ajv-formats also +hhmm and +hh.
    const rest = value.length - at - 1;
    const colon = rest === 5 && isChar(value, at + 3, ':');
    if (rest !== 2 && rest !== 4 && !colon) return false;
    const hours = digits(value, at + 1, 2);
    const minutes = rest === 2 ? 0 : digits(value, at + (colon ? 4 : 3), 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
    offset = (isChar(value, at, '+') ? 1 : -1) * (hours * 60 + minutes);
  } else return false;
  if (second < 60) return true;
  // A leap second is only ever the last second of a UTC day.
  return (((hour * 60 + minute - offset) % 1440) + 1440) % 1440 === 1439;
}

export function date(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && validDate(+m[1]!, +m[2]!, +m[3]!);
}

// 1 for the code units 0-9, a-f and A-F: one load per character, whatever the character.
const HEX = new Uint8Array(0x10000);
for (const char of '0123456789abcdefABCDEF') HEX[char.charCodeAt(0)] = 1;

function hexDigits(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (HEX[text.charCodeAt(at)] === 0) return false;
  return true;
}

/**
 * 8-4-4-4-12 hex digits in either case, optionally after "urn:uuid:" (also in either case), as
 * ajv-formats accepts: any version and variant. By char codes: a fifth cheaper than its regex.
 */
export function uuid(value: string): boolean {
  let at = 0;
  if (value.length !== 36) {
    if (value.length !== 45 || value.slice(0, 9).toLowerCase() !== 'urn:uuid:') return false;
    at = 9;
  }
  const dash = 45;
  return (
    value.charCodeAt(at + 8) === dash && value.charCodeAt(at + 13) === dash && value.charCodeAt(at + 18) === dash && value.charCodeAt(at + 23) === dash &&
    hexDigits(value, at, at + 8) && hexDigits(value, at + 9, at + 13) && hexDigits(value, at + 14, at + 18) && hexDigits(value, at + 19, at + 23) && hexDigits(value, at + 24, at + 36)
  );
}

/**
 * ajv-formats' `url`, on RE2: its regex is quadratic in V8 ("http://" and 20,000 "a:" took 0.2 s, a
 * megabyte minutes), and RE2 has no lookahead, so its three "not a private IPv4" lookaheads become a
 * second pattern that must not match. `\s` is spelled out as ECMA-262 defines it (RE2's is ASCII only).
 */
const NOT_SPACE = '[^\\t\\n\\v\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]';
const URL_START = `(?i)^(?:https?|ftp)://(?:${NOT_SPACE}+(?::${NOT_SPACE}*)?@)?`;
const IPV4 = '(?:[1-9]\\d?|1\\d\\d|2[01]\\d|22[0-3])(?:\\.(?:1?\\d{1,2}|2[0-4]\\d|25[0-5])){2}(?:\\.(?:[1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-4]))';
const LABEL = '(?:[a-z0-9\\x{a1}-\\x{ffff}]+-)*[a-z0-9\\x{a1}-\\x{ffff}]+';
const HOST_NAME = `${LABEL}(?:\\.${LABEL})*\\.[a-z\\x{a1}-\\x{ffff}]{2,}`;
const URL_END = `(?::\\d{2,5})?(?:/${NOT_SPACE}*)?$`;
const PRIVATE_IPV4 = '(?:(?:10|127)(?:\\.\\d{1,3}){3}|(?:169\\.254|192\\.168)(?:\\.\\d{1,3}){2}|172\\.(?:1[6-9]|2\\d|3[0-1])(?:\\.\\d{1,3}){2})';
const URL_BY_NAME = RE2JS.compile(`${URL_START}${HOST_NAME}${URL_END}`);
const URL_BY_ADDRESS = RE2JS.compile(`${URL_START}${IPV4}${URL_END}`);
const URL_PRIVATE = RE2JS.compile(`${URL_START}${PRIVATE_IPV4}`);

export const url: Format = (value: string) => URL_BY_NAME.test(value) || (URL_BY_ADDRESS.test(value) && !URL_PRIVATE.test(value));
