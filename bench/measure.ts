/**
 * Timing for ratio benchmarks: both sides of a ratio are measured in the same process, interleaved
 * round by round, and the median round is taken, so machine noise moves both sides alike.
 */
export function nsPerOp(operation: () => unknown, { rounds = 9, minRoundMs = 60 } = {}): number {
  calibrate(operation, 5);
  const perRound = Math.max(1, Math.ceil((minRoundMs * 1e6) / Math.max(1, calibrate(operation, 20))));
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) operation();
    samples.push(Number(process.hrtime.bigint() - start) / perRound);
  }
  return median(samples);
}

/** Ratio of two operations' costs, measured in alternating rounds. */
export function costRatio(subject: () => unknown, baseline: () => unknown, rounds = 9): { subjectNs: number; baselineNs: number; ratio: number } {
  const ratios: number[] = [];
  let subjectNs = 0;
  let baselineNs = 0;
  for (let round = 0; round < rounds; round++) {
    subjectNs = nsPerOp(subject, { rounds: 1 });
    baselineNs = nsPerOp(baseline, { rounds: 1 });
    ratios.push(subjectNs / baselineNs);
  }
  return { subjectNs, baselineNs, ratio: median(ratios) };
}

function calibrate(operation: () => unknown, times: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < times; i++) operation();
  return Number(process.hrtime.bigint() - start) / times;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
