import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDACTED, secretForms } from '../../src/redaction/index.ts';
import { writeReportFile } from '../../src/report/write-file.ts';
import { withOwners } from '../support/owners.ts';

describe('writeReportFile', () => {
  it('replaces one file of an existing folder, leaving the other files and no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    await writeFile(join(dir, 'whop.json'), '{}');
    await writeFile(join(dir, 'whop.md'), 'old');
    await writeReportFile(dir, 'whop.md', 'new', []);
    expect((await readdir(dir)).sort()).toEqual(['whop.json', 'whop.md']);
    expect(await readFile(join(dir, 'whop.md'), 'utf8')).toBe('new');
  });

  it('redacts secrets on the way out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    await writeReportFile(dir, 'x.md', 'key apik_live_secret_1234 here', secretForms(['apik_live_secret_1234']));
    expect(await readFile(join(dir, 'x.md'), 'utf8')).toBe(`key ${REDACTED} here`);
  });

  it('refuses a name that would leave the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    await expect(writeReportFile(dir, '../escape.md', 'x', [])).rejects.toThrow('must not contain a path');
  });

  it("removes the temporary files of writers that are gone, and keeps a live writer's", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-write-'));
    await withOwners(async ({ gone, live }) => {
      // The last: our own pid, not made by us (a killed run's pid given to this one).
      const names = [`whop.md.tmp-${gone}-1-0`, `whop.md.tmp-${live}-1-0`, `whop.html.tmp-${process.pid}-1-0`];
      for (const name of names) await writeFile(join(dir, name), 'half');
      await writeReportFile(dir, 'whop.md', 'new', []);
      expect((await readdir(dir)).sort()).toEqual(['whop.md', `whop.md.tmp-${live}-1-0`]);
    });
  });
});
