/** One figure of `npm run bench`: what was measured, against which target, and whether it is met. */
export interface BenchRow {
  group: string;
  name: string;
  value: number;
  unit: string;
  target: string;
  /** null when the figure is informative only. */
  met: boolean | null;
}

export interface Bench {
  group: string;
  run(): Promise<BenchRow[]>;
}
