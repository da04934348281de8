/** One figure of `npm run bench`: what was measured, against which target, and whether it is met. */
export interface BenchRow {
  group: string;
  name: string;
  /** null when the figure could not be measured on this machine (see `note`). */
  value: number | null;
  unit: string;
  target: string;
  /** null when the figure is informative only, or not measured. */
  met: boolean | null;
  /** Why a figure was not measured (a peer that could not be installed, a run that failed). */
  note?: string;
}

export interface Bench {
  group: string;
  run(): Promise<BenchRow[]>;
}

/** The row of a figure this machine could not measure, with the reason, instead of a failed bench. */
export function notMeasured(group: string, name: string, target: string, reason: string): BenchRow {
  return { group, name, value: null, unit: '', target, met: null, note: reason };
}
