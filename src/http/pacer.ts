/** Starts requests no closer than 1/rate seconds apart, in the order they ask: a vendor's rate limit kept on our side. */
export interface Pacer {
  /** Resolves when the caller may start its request. */
  turn(): Promise<void>;
}

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: PacerClock = { now: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export function createPacer(perSecond: number, clock: PacerClock = REAL_CLOCK): Pacer {
  const interval = 1000 / perSecond;
  let next = -Infinity;
  return {
    async turn() {
      // The start is reserved before any wait, so callers keep their order however the waits end.
      const now = clock.now();
      const start = Math.max(now, next);
      next = start + interval;
      if (start > now) await clock.sleep(start - now);
    },
  };
}
