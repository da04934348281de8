import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { date, dateTime, uuid } from '../../src/schema/formats.ts';

// conform's own format checks must give ajv-formats' (full mode) verdicts, only faster.
const reference = (name: 'date-time' | 'date' | 'uuid') => {
  const format = addFormats.default.get(name, 'full');
  return (value: string) => (typeof format === 'function' ? format(value) : format instanceof RegExp ? format.test(value) : (format as { validate: (v: string) => boolean }).validate(value));
};
const ours = (format: unknown) => (value: string) => (format instanceof RegExp ? format.test(value) : (format as (v: string) => boolean)(value));

const DATE_TIMES = [
  '2026-02-25T21:06:37.197596Z', '2021-01-01T10:00:00Z', '2021-01-01t10:00:00z', '2021-01-01 10:00:00Z', '2021-01-01T10:00:00+05:30',
  '2021-01-01T10:00:00-00:00', '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z',
  '2026-04-31T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2016-12-31T23:59:60Z',
  '2016-12-31T15:59:60-08:00', '2016-12-31T22:59:60Z', '2026-01-01T10:00:00', '2026-01-01T10:00:00.Z', '2026-01-01T10:00:00+0530',
  '2026-01-01T10:00:00+24:00', '2026-01-01T10:00:00+05', '2026-01-01T10:00:00+5:30', 'yesterday', '', '2026-01-01', '20260101T100000Z', '2026-01-01T10:00Z', '1900-02-29T00:00:00Z', '2000-02-29T00:00:00Z',
];
const DATES = ['2026-01-01', '2024-02-29', '2023-02-29', '2026-04-31', '2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', 'today'];
const UUIDS = ['019c96a0-0c0d-7915-84b9-e497bfee9916', '3C90C3CC-0D44-4B50-8888-8DD25736052A', 'urn:uuid:019c96a0-0c0d-7915-84b9-e497bfee9916', '019c96a0-0c0d-7915-84b9-e497bfee991', '019c96a00c0d791584b9e497bfee9916', 'not-a-uuid'];

describe('format checks agree with ajv-formats', () => {
  it.each(DATE_TIMES)('date-time %j', (value) => expect(ours(dateTime)(value)).toBe(reference('date-time')(value)));
  it.each(DATES)('date %j', (value) => expect(ours(date)(value)).toBe(reference('date')(value)));
  it.each(UUIDS)('uuid %j', (value) => expect(ours(uuid)(value)).toBe(reference('uuid')(value)));

  it('reject what a money API must never pass as a timestamp', () => {
    for (const value of ['yesterday', '2026-02-30T00:00:00Z', '2026-01-01T10:00:00']) expect(ours(dateTime)(value), value).toBe(false);
  });
});
