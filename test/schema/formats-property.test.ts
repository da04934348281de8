import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { date, dateTime, uuid } from '../../src/schema/formats.ts';
import { mulberry32 } from '../support/seeded-random.ts';

// conform's format functions against ajv-formats' full mode on many generated strings, valid and not:
// structured near-misses (each field just in and just out of range, every separator and offset form)
// and the same strings with a character replaced, inserted or dropped.
const reference = (name: 'date-time' | 'date' | 'uuid') => {
  const format = addFormats.default.get(name, 'full') as RegExp | { validate: RegExp | ((value: string) => boolean) };
  const check = format instanceof RegExp ? format : format.validate;
  return (value: string) => (check instanceof RegExp ? check.test(value) : check(value));
};
const ours = (format: unknown) => format as (value: string) => boolean;

const random = mulberry32(0x16);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (below: number) => Math.floor(random() * below);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// Characters a mutation writes: the fields' own, neighbours of them, case twins and look-alikes.
const NOISE = ['0', '9', '5', 'a', 'F', 'g', 'G', '-', ':', '.', '+', 'T', 't', 'Z', 'z', ' ', '\t', '\u00a0', '\u2028', '\u0130', '\u017f', '\u212a', '\uff11', '٣'];

function mutated(text: string): string {
  if (random() < 0.5) return text;
  const at = int(text.length + 1);
  const kind = int(3);
  if (kind === 0) return text.slice(0, at) + pick(NOISE) + text.slice(at + 1);
  if (kind === 1) return text.slice(0, at) + pick(NOISE) + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1);
}

const YEARS = [0, 1, 1900, 1999, 2000, 2023, 2024, 2026, 2100, 2400, 9999];

function generatedDate(): string {
  const year = random() < 0.7 ? pick(YEARS) : int(10_000);
  const month = random() < 0.85 ? 1 + int(12) : pick([0, 13, 19, 99]);
  const day = random() < 0.3 ? pick([28, 29, 30, 31]) : random() < 0.9 ? 1 + int(31) : pick([0, 32, 39]);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const OFFSET_FORMS = ['Z', 'z', '+hh:mm', '-hh:mm', '+hhmm', '-hhmm', '+hh', '-hh', '', '+h:mm', 'Z+01:00'];

function generatedDateTime(): string {
  const offsetHours = random() < 0.9 ? int(24) : pick([24, 25, 99]);
  const offsetMinutes = random() < 0.9 ? int(60) : pick([60, 61, 99]);
  const form = pick(OFFSET_FORMS);
  const sign = form.startsWith('-') ? -1 : 1;
  const offset = form.includes('Z') || form.includes('z') || form === '' ? 0 : sign * (offsetHours * 60 + (form.includes('m') ? offsetMinutes : 0));
  let hour: number;
  let minute: number;
  if (random() < 0.3) {
    // A leap second's neighbourhood: local time at (or a minute off) 23:59 UTC, through the offset.
    const local = (((23 * 60 + 59 + offset + pick([0, 0, 0, 1, -1, 60])) % 1440) + 1440) % 1440;
    [hour, minute] = [Math.floor(local / 60), local % 60];
  } else [hour, minute] = [random() < 0.9 ? int(24) : pick([24, 25, 99]), random() < 0.9 ? int(60) : pick([60, 61, 99])];
  const second = random() < 0.3 ? pick([59, 60, 61]) : int(60);
  const fraction = pick(['', '', '.5', '.197596', '.', '.0000000001']);
  const zone = form
    .replace('hh', pad(offsetHours))
    .replace('mm', pad(offsetMinutes))
    .replace('h:', String(offsetHours % 10) + ':');
  const separator = pick(['T', 'T', 't', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000', '_', 'x', '', 'TT']);
  return `${generatedDate()}${separator}${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${zone}`;
}

const HEX_DIGITS = '0123456789abcdef';

function generatedUuid(): string {
  const hex = (count: number) => Array.from({ length: count }, () => (random() < 0.5 ? pick([...HEX_DIGITS]) : pick([...HEX_DIGITS]).toUpperCase())).join('');
  // Any version digit (0-f) and variant nibble: ajv-formats checks neither, and neither does conform.
  const groups = [hex(8), hex(4), hex(4), hex(4), hex(12)];
  if (random() < 0.1) groups[int(5)] = hex(int(14));
  const prefix = pick(['', '', '', 'urn:uuid:', 'URN:UUID:', 'Urn:Uuid:', 'urn:uuid', 'urn:uid:', 'urn:uuıd:', 'uuid:']);
  return prefix + groups.join(random() < 0.95 ? '-' : pick(['', '_', '--']));
}

/** Runs one format on `count` generated strings; returns how many of each verdict, failing on the first disagreement. */
function agreement(name: 'date-time' | 'date' | 'uuid', format: unknown, generate: () => string, count: number, excused = (_value: string) => false) {
  const theirs = reference(name);
  const mine = ours(format);
  const verdicts = { valid: 0, invalid: 0, excused: 0 };
  for (let i = 0; i < count; i++) {
    const value = mutated(generate());
    const expected = theirs(value);
    const actual = mine(value);
    if (expected && !actual && excused(value)) {
      verdicts.excused++;
      continue;
    }
    if (actual !== expected) expect(actual, JSON.stringify(value)).toBe(expected);
    verdicts[expected ? 'valid' : 'invalid']++;
  }
  return verdicts;
}

// ajv-formats' leap-second arithmetic lets an out-of-range hour or minute through when the offset lands
// it on 23:59 UTC; conform rejects them (see formats.ts). Only those strings may differ, and only that way.
const OUT_OF_RANGE_CLOCK = /^\d{4}-\d\d-\d\d[^]((?:2[4-9]|[3-9]\d):\d\d|\d\d:(?:[6-9]\d)):(?:60|[0-5]\d)(?:\.\d+)?[+-]\d\d(?::?\d\d)?$/;

describe('format functions agree with ajv-formats (full mode) on generated strings', () => {
  it('date-time, 60,000 strings: calendar, leap years and seconds, offsets, separators, case', () => {
    const verdicts = agreement('date-time', dateTime, generatedDateTime, 60_000, (value) => OUT_OF_RANGE_CLOCK.test(value));
    expect(verdicts.valid).toBeGreaterThan(5_000);
    expect(verdicts.invalid).toBeGreaterThan(10_000);
  });

  it('date, 30,000 strings', () => {
    const verdicts = agreement('date', date, generatedDate, 30_000);
    expect(verdicts.valid).toBeGreaterThan(5_000);
    expect(verdicts.invalid).toBeGreaterThan(5_000);
  });

  it('uuid, 30,000 strings: versions, variants, case, the urn prefix', () => {
    const verdicts = agreement('uuid', uuid, generatedUuid, 30_000);
    expect(verdicts.valid).toBeGreaterThan(5_000);
    expect(verdicts.invalid).toBeGreaterThan(5_000);
  });

  it('the one difference: an hour or minute out of range that ajv-formats passes at a leap second, conform fails', () => {
    for (const value of ['2016-12-31T24:59:60+01:00', '2016-12-31T24:59:00+01:00', '2016-12-31T23:60:00+00:01']) {
      expect(reference('date-time')(value), value).toBe(true);
      expect(ours(dateTime)(value), value).toBe(false);
    }
  });
});
