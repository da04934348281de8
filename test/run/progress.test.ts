import { describe, expect, it } from 'vitest';
import { LiveStatus, progressStatus } from '../../src/run/index.ts';
import { runCliInTerminal } from '../support/cli.ts';

const COUNTS = [
  { vendor: 'whop', done: 3, total: 8 },
  { vendor: 'midaz', done: 5, total: 12 },
  { vendor: 'xendit', done: 1, total: 6 },
];

describe('the live status line of a run in a terminal', () => {
  it('shows done/total per vendor, in run order', () => {
    expect(progressStatus(COUNTS, 80)).toBe('whop 3/8  midaz 5/12  xendit 1/6');
  });

  it('is cut to the terminal width, so rewriting it in place never leaves a wrapped line behind', () => {
    const status = progressStatus(COUNTS, 20);
    expect(status).toBe('whop 3/8  midaz 5/…');
    expect(status.length).toBeLessThan(20);
  });

  it('prints case lines above the status line, rewrites it in place, and clears it at the end', () => {
    let screen = '';
    const live = new LiveStatus((text) => (screen += text), 80);
    live.line('whop    live at http://127.0.0.1:1');
    live.update([{ vendor: 'whop', done: 0, total: 2 }]);
    live.line('ok   whop    by id');
    live.update([{ vendor: 'whop', done: 1, total: 2 }]);
    live.end();
    expect(screen).toBe(
      '\r\x1b[2Kwhop    live at http://127.0.0.1:1\n' +
        '\r\x1b[2Kwhop 0/2' +
        '\r\x1b[2Kok   whop    by id\nwhop 0/2' +
        '\r\x1b[2Kwhop 1/2' +
        '\r\x1b[2K',
    );
  });
});

describe('conform run in a terminal', () => {
  it('shows each vendor done/total on one status line rewritten in place, then the summary', async () => {
    const run = await runCliInTerminal(['run'], { CONFORM_VENDORS: 'whop,xendit' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\r\x1b[2Kwhop 0/8  xendit 0/5');
    expect(run.stdout).toContain('\r\x1b[2Kwhop 8/8  xendit 5/5');
    // The status line is cleared: it becomes the blank line before the summary.
    expect(run.stdout).toMatch(/whop 8\/8 {2}xendit 5\/5(\x1b\[\?25h)?\r\x1b\[2K\r\nwhop {4}pass/);
  });

  it('prints the case lines alone under CI, as in a log', async () => {
    const run = await runCliInTerminal(['run'], { CONFORM_VENDORS: 'whop', CI: 'true' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok {3}whop {4}by company id/m);
    expect(run.stdout).not.toContain('8/8');
  });
});
