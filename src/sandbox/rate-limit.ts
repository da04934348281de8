/** Admits at most `limitPerSecond` requests per key within any sliding one-second window. */
export interface RateLimiter {
  admit(key: string): boolean;
}

const RATE_WINDOW_MILLIS = 1000;

export function createRateLimiter(limitPerSecond: number, now: () => number = Date.now): RateLimiter {
  const admittedAt = new Map<string, number[]>();
  return {
    admit(key) {
      const at = now();
      const recent = (admittedAt.get(key) ?? []).filter((time) => time > at - RATE_WINDOW_MILLIS);
      const admitted = recent.length < limitPerSecond;
      if (admitted) recent.push(at);
      admittedAt.set(key, recent);
      return admitted;
    },
  };
}
