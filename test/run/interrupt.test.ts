import { mkdtemp, readdir, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.ts';
import { heldFront } from '../support/held-vendor.ts';
import { LIVE, liveWhop, whopLiveEnv } from '../support/live-vendors.ts';

/** Every file under a folder with its bytes, and every link with its target (reports/latest is one), by relative path. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files[path.slice(dir.length)] = (await readFile(path)).toString('base64');
    if (entry.isSymbolicLink()) files[path.slice(dir.length)] = `-> ${await readlink(path)}`;
  }
  return files;
}

describe('Ctrl-C during conform run', () => {
  it('prints what finished, exits 130, and leaves the previous reports, baselines and contracts as they were', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'conform-interrupt-'));
    const outputs = { CONFORM_VENDORS: 'whop', CONFORM_REPORTS_DIR: join(scratch, 'reports'), CONFORM_BASELINES_DIR: join(scratch, 'baselines'), CONFORM_CONTRACTS_DIR: join(scratch, 'contracts') };
    const previous = await runCli(['run'], outputs);
    expect(previous.code).toBe(0);
    const before = await snapshot(scratch);
    expect(JSON.parse(await readFile(join(scratch, 'reports', 'latest', 'whop.json'), 'utf8'))).toMatchObject({ vendor: 'whop', mode: 'sandbox' });

    // The company's account is never answered; a timeout far beyond the test's shows the interrupt does not wait for it.
    const whop = await heldFront(await liveWhop(), (url) => (url.endsWith(LIVE.whopCompany) ? new Promise(() => undefined) : Promise.resolve()));
    try {
      const run = startCli(['run'], {
        ...outputs,
        CONFORM_TIMEOUT_MS: '600000',
        ...whopLiveEnv(whop.url),
      });
      await run.stdoutMatches(/(^ok {3}whop .*\n(?:.*\n)*){7}/m);
      run.child.kill('SIGINT');
      const { code, stdout, stderr } = await run.exited;
      expect(stderr).toBe('');
      expect(code).toBe(130);
      expect(stdout).not.toMatch(/by company id/);
      expect(stdout.trimEnd().split('\n').at(-1)).toBe(`interrupted: 7 of 8 cases finished; ${join(scratch, 'reports', 'latest')}/ left as it was`);
      expect(stdout).not.toMatch(/^reports: /m);
      expect(await snapshot(scratch)).toEqual(before);
    } finally {
      await whop.close();
    }
  });
});
