/** Where a write can be cut short by CONFORM_TEST_KILL_AT. */
export type KillPoint = 'between-renames' | `staged:${string}`;

/**
 * TEST HOOK, used only by the safe-write tests: CONFORM_TEST_KILL_AT=<point> makes the process SIGKILL
 * itself at that point of a write, as a kill from outside would at the worst moment.
 * - `between-renames`: a report set is complete in reports/runs/ and staged, reports/latest not yet switched to it.
 * - `staged:NAME`: the file NAME (a contract, a baseline, a report file…) is written whole to its temporary
 *   sibling, not yet renamed into place.
 */
export function testKillPoint(point: KillPoint): void {
  if (process.env.CONFORM_TEST_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}
