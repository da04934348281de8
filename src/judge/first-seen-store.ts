import { join } from 'node:path';
import { readTextIfPresent, writeFileAtomically } from '../files/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { baselineFile, reviewableJson, type BaselineMode } from './baseline/index.ts';
import type { SeenLedger } from './first-seen.ts';

/** The ledgers live with the reports (CONFORM_REPORTS_DIR), which a nightly job restores between runs. */
export function seenLedgerFile(reportsDir: string, vendor: string, mode: BaselineMode): string {
  return baselineFile(join(reportsDir, 'seen'), vendor, mode);
}

/** The vendor's ledger in this mode, or null when there is none yet (a first run, a fresh checkout). */
export async function readSeenLedger(reportsDir: string, vendor: string, mode: BaselineMode): Promise<SeenLedger | null> {
  const file = seenLedgerFile(reportsDir, vendor, mode);
  const text = await readTextIfPresent(file);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  if (!isLedger(value, vendor, mode)) throw new ConfigError(file, `is not the first-sightings ledger of ${vendor} (${mode}); delete it to count from the next run`);
  return value;
}

/** Written whole or not at all, through redaction, by the one writer. */
export async function writeSeenLedger(reportsDir: string, ledger: SeenLedger, secretForms: readonly string[]): Promise<string> {
  return writeFileAtomically(seenLedgerFile(reportsDir, ledger.vendor, ledger.mode), `${reviewableJson(ledger, 0)}\n`, secretForms);
}

function isLedger(value: unknown, vendor: string, mode: BaselineMode): value is SeenLedger {
  const ledger = value as Partial<SeenLedger> | null;
  if (typeof ledger !== 'object' || ledger === null || ledger.version !== 1 || ledger.vendor !== vendor || ledger.mode !== mode) return false;
  const { lastRun, fingerprints } = ledger;
  if (!lastRun || !Number.isInteger(lastRun.ordinal) || lastRun.ordinal < 1 || typeof lastRun.startedAt !== 'string') return false;
  if (typeof fingerprints !== 'object' || fingerprints === null || Array.isArray(fingerprints)) return false;
  return Object.values(fingerprints).every((first) => typeof first?.firstSeen === 'string' && Number.isInteger(first.run) && first.run >= 1 && first.run <= lastRun.ordinal);
}
