import type { Baseline, BaselineMode } from './baseline/index.ts';

/**
 * reports/seen/VENDOR.json (live) or VENDOR.sandbox.json: when runs of one vendor in one mode first saw
 * each fingerprint. It keeps the ordinal of that first run, not a counter per finding, so a run adds
 * one line per fingerprint it is the first to see and rewrites one line, `lastRun`.
 */
export interface SeenLedger {
  version: 1;
  vendor: string;
  mode: BaselineMode;
  /** The last run counted. Judging that run again (`conform verify`) counts no further run. */
  lastRun: { ordinal: number; startedAt: string };
  /** By fingerprint: the first run that saw it. */
  fingerprints: Record<string, FirstSighting>;
}

export interface FirstSighting {
  /** That run's start, ISO 8601. */
  firstSeen: string;
  /** That run's ordinal (see `lastRun`). */
  run: number;
}

export interface Sighting {
  firstSeen: string;
  /** Runs of the vendor in this mode since the first sighting, this one included. */
  seenRuns: number;
  /** First seen in this run. */
  isNew: boolean;
}

/**
 * The ledger with this run counted and its fingerprints recorded. A fingerprint the ledger does not
 * have takes the baseline's `firstSeen` when the baseline accepted it (a fresh checkout without the
 * reports folder), counting its runs from this one; else this run is its first. Pure: the pipeline
 * reads and writes the ledger.
 */
export function recordSightings(
  ledger: SeenLedger | null,
  baseline: Baseline | null,
  fingerprints: Iterable<string>,
  run: { vendor: string; mode: BaselineMode; startedAt: string },
): SeenLedger {
  const counted = ledger?.lastRun.startedAt === run.startedAt;
  const ordinal = counted ? ledger!.lastRun.ordinal : (ledger?.lastRun.ordinal ?? 0) + 1;
  const accepted = new Map((baseline?.findings ?? []).map((f) => [f.fingerprint, f.firstSeen]));
  const recorded = { ...ledger?.fingerprints };
  for (const fingerprint of fingerprints) {
    recorded[fingerprint] ??= { firstSeen: accepted.get(fingerprint) ?? run.startedAt, run: ordinal };
  }
  const sorted = Object.fromEntries(Object.keys(recorded).sort().map((key) => [key, recorded[key]!]));
  return { version: 1, vendor: run.vendor, mode: run.mode, lastRun: { ordinal, startedAt: run.startedAt }, fingerprints: sorted };
}

/** How a fingerprint of the ledger's last run stands: since when, for how many runs, whether that run was its first. */
export function sightingOf(ledger: SeenLedger, fingerprint: string): Sighting | null {
  const first = ledger.fingerprints[fingerprint];
  if (!first) return null;
  return { firstSeen: first.firstSeen, seenRuns: ledger.lastRun.ordinal - first.run + 1, isNew: first.firstSeen === ledger.lastRun.startedAt };
}

/** By fingerprint, when it was first seen: what a baseline made or accepted now records. */
export function firstSeenOf(ledger: SeenLedger | null): Map<string, string> {
  return new Map(Object.entries(ledger?.fingerprints ?? {}).map(([fingerprint, first]) => [fingerprint, first.firstSeen]));
}
