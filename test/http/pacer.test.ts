import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/index.ts';
import { createPacer, type PacerClock } from '../../src/http/pacer.ts';

/** A clock that moves only when told to, recording every wait asked of it. */
function manualClock(): PacerClock & { waits: number[]; at: number } {
  const clock = {
    at: 0,
    waits: [] as number[],
    now: () => clock.at,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
    },
  };
  return clock;
}

describe('the pacer that keeps a vendor rate limit', () => {
  it('spaces starts 1/rate apart in the order they asked, and lets an idle gap pass without waiting', async () => {
    const clock = manualClock();
    const pacer = createPacer(4, clock);
    await Promise.all([pacer.turn(), pacer.turn(), pacer.turn()]);
    expect(clock.waits).toEqual([250, 500]);
    clock.at = 10_000;
    await pacer.turn();
    expect(clock.waits).toEqual([250, 500]);
    await pacer.turn();
    expect(clock.waits).toEqual([250, 500, 250]);
  });
});

describe('a rate limit given to the client', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('of %s is refused', (ratePerSecond) => {
    expect(() => createHttpClient({ ratePerSecond })).toThrow('HttpClientOptions.ratePerSecond must be a number > 0');
  });
});
