import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_SECRETS } from '../../src/files/index.ts';
import { firstSeenOf, readSeenLedger, recordSightings, seenLedgerFile, sightingOf, writeSeenLedger, type Baseline } from '../../src/judge/index.ts';
import { ConfigError } from '../../src/vendors/index.ts';

const NIGHT = ['2026-11-01T02:00:00.000Z', '2026-11-02T02:00:00.000Z', '2026-11-03T02:00:00.000Z'] as const;
const run = (startedAt: string) => ({ vendor: 'whop', mode: 'sandbox' as const, startedAt });
const accepted = (fingerprint: string, firstSeen: string): Baseline => ({
  version: 2, vendor: 'whop', mode: 'sandbox', updatedAt: NIGHT[0], operations: {},
  findings: [{ fingerprint, id: 'response-status-unexpected', operation: 'GET /x', case: 'c', pointer: null, firstSeen }],
});

describe('the ledger of first sightings', () => {
  it('counts runs and keeps the run that first saw each fingerprint: new in its first run, then known with the runs since', () => {
    const one = recordSightings(null, null, ['aaaaaaaaaaaa'], run(NIGHT[0]));
    expect(one).toEqual({ version: 1, vendor: 'whop', mode: 'sandbox', lastRun: { ordinal: 1, startedAt: NIGHT[0] }, fingerprints: { aaaaaaaaaaaa: { firstSeen: NIGHT[0], run: 1 } } });
    expect(sightingOf(one, 'aaaaaaaaaaaa')).toEqual({ firstSeen: NIGHT[0], seenRuns: 1, isNew: true });

    // A night without the finding still counts: seenRuns is runs since the first sighting.
    const two = recordSightings(one, null, [], run(NIGHT[1]));
    const three = recordSightings(two, null, ['bbbbbbbbbbbb', 'aaaaaaaaaaaa'], run(NIGHT[2]));
    expect(sightingOf(three, 'aaaaaaaaaaaa')).toEqual({ firstSeen: NIGHT[0], seenRuns: 3, isNew: false });
    expect(sightingOf(three, 'bbbbbbbbbbbb')).toEqual({ firstSeen: NIGHT[2], seenRuns: 1, isNew: true });
    expect(sightingOf(three, 'cccccccccccc')).toBeNull();
    expect(firstSeenOf(three)).toEqual(new Map([['aaaaaaaaaaaa', NIGHT[0]], ['bbbbbbbbbbbb', NIGHT[2]]]));
  });

  it('judging the same run again counts no further run and changes no state', () => {
    const once = recordSightings(recordSightings(null, null, ['aaaaaaaaaaaa'], run(NIGHT[0])), null, ['bbbbbbbbbbbb'], run(NIGHT[1]));
    const twice = recordSightings(once, null, ['bbbbbbbbbbbb'], run(NIGHT[1]));
    expect(twice).toEqual(once);
    expect(sightingOf(twice, 'bbbbbbbbbbbb')).toEqual({ firstSeen: NIGHT[1], seenRuns: 1, isNew: true });
  });

  it('without the ledger (a fresh checkout), a fingerprint the baseline accepted is known since the baseline says, counted from this run', () => {
    const ledger = recordSightings(null, accepted('aaaaaaaaaaaa', NIGHT[0]), ['aaaaaaaaaaaa', 'bbbbbbbbbbbb'], run(NIGHT[2]));
    expect(sightingOf(ledger, 'aaaaaaaaaaaa')).toEqual({ firstSeen: NIGHT[0], seenRuns: 1, isNew: false });
    expect(sightingOf(ledger, 'bbbbbbbbbbbb')).toEqual({ firstSeen: NIGHT[2], seenRuns: 1, isNew: true });
    // Only what the run saw is recorded: the ledger does not copy the baseline.
    expect(Object.keys(recordSightings(null, accepted('aaaaaaaaaaaa', NIGHT[0]), [], run(NIGHT[2])).fingerprints)).toEqual([]);
  });

  it('prefers its own sighting to the baseline\'s', () => {
    const ledger = recordSightings(recordSightings(null, null, ['aaaaaaaaaaaa'], run(NIGHT[1])), accepted('aaaaaaaaaaaa', NIGHT[0]), ['aaaaaaaaaaaa'], run(NIGHT[2]));
    expect(sightingOf(ledger, 'aaaaaaaaaaaa')).toEqual({ firstSeen: NIGHT[1], seenRuns: 2, isNew: false });
  });
});

describe('the ledger file', () => {
  it('lives in reports/seen/, live and sandbox apart, is read back as written, one line per fingerprint', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'conform-seen-'));
    expect(seenLedgerFile(reports, 'whop', 'live')).toBe(join(reports, 'seen', 'whop.json'));
    expect(seenLedgerFile(reports, 'whop', 'sandbox')).toBe(join(reports, 'seen', 'whop.sandbox.json'));
    expect(await readSeenLedger(reports, 'whop', 'sandbox')).toBeNull();
    const ledger = recordSightings(null, null, ['bbbbbbbbbbbb', 'aaaaaaaaaaaa'], run(NIGHT[0]));
    await writeSeenLedger(reports, ledger, NO_SECRETS);
    expect(await readSeenLedger(reports, 'whop', 'sandbox')).toEqual(ledger);
    expect(await readSeenLedger(reports, 'whop', 'live')).toBeNull();
    expect(await readFile(seenLedgerFile(reports, 'whop', 'sandbox'), 'utf8')).toBe(`{
  "version": 1,
  "vendor": "whop",
  "mode": "sandbox",
  "lastRun": { "ordinal": 1, "startedAt": "${NIGHT[0]}" },
  "fingerprints": {
    "aaaaaaaaaaaa": { "firstSeen": "${NIGHT[0]}", "run": 1 },
    "bbbbbbbbbbbb": { "firstSeen": "${NIGHT[0]}", "run": 1 }
  }
}
`);
  });

  it.each([
    ['{ not json'],
    ['{"version": 1, "vendor": "xendit", "mode": "sandbox", "lastRun": {"ordinal": 1, "startedAt": "x"}, "fingerprints": {}}'],
    ['{"version": 1, "vendor": "whop", "mode": "sandbox", "lastRun": {"ordinal": 1, "startedAt": "x"}, "fingerprints": {"a": {"firstSeen": "x", "run": 2}}}'],
    ['{"version": 1, "vendor": "whop", "mode": "sandbox", "fingerprints": {}}'],
  ])('a damaged or foreign ledger is a configuration error naming the file: %s', async (text) => {
    const reports = await mkdtemp(join(tmpdir(), 'conform-seen-'));
    await mkdir(join(reports, 'seen'));
    await writeFile(seenLedgerFile(reports, 'whop', 'sandbox'), text);
    const error = await readSeenLedger(reports, 'whop', 'sandbox').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`${seenLedgerFile(reports, 'whop', 'sandbox')}: is not the first-sightings ledger of whop (sandbox); delete it to count from the next run`);
  });
});
