import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/paths.ts';

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string;
  if?: string;
  env?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix: { shard: number[] } };
  steps: Step[];
}

const text = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'nightly-sharded.yml'), 'utf8');
const workflow = parse(text) as { env: Record<string, string>; jobs: { shard: Job; merge: Job } };
const { shard, merge } = workflow.jobs;
const runs = (job: Job, command: string) => job.steps.find((step) => step.run?.includes(command));

describe('the sharded nightly workflow', () => {
  it('runs shards 1..N, each with --shard I/N, whichever fails', () => {
    const shards = shard.strategy!.matrix.shard;
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    expect(runs(shard, 'conform run')!.run).toBe(`npx conform run --shard \${{ matrix.shard }}/${shards.length}`);
    expect(shard.strategy!['fail-fast']).toBe(false);
  });

  it("hands each shard's output to the merge, which runs after every shard, failed or not", () => {
    const dir = runs(shard, 'conform run')!.env!.CONFORM_REPORTS_DIR;
    const upload = shard.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with).toMatchObject({ name: 'conformance-shard-${{ matrix.shard }}', path: `${dir}/shard.json` });
    const download = merge.steps.find((step) => step.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toEqual({ pattern: 'conformance-shard-*', path: 'shards' });
    expect(runs(merge, 'conform merge')!.run).toContain('npx conform merge shards/conformance-shard-*');
    expect([merge.needs, merge.if]).toEqual(['shard', 'always()']);
  });

  it('gives the shards and the merge one configuration, as the merge requires', () => {
    expect(Object.keys(workflow.env).length).toBeGreaterThan(10);
    for (const job of [shard, merge]) expect(job.env).toBeUndefined();
    expect(Object.keys(runs(shard, 'conform run')!.env!)).toEqual(['CONFORM_REPORTS_DIR']);
  });

  it('pins every action by its full commit, the tag in a comment', () => {
    const pinned = [...text.matchAll(/^\s+(?:- )?uses: (\S+)(.*)$/gm)];
    expect(pinned.length).toBeGreaterThanOrEqual(8);
    for (const [, action, comment] of pinned) {
      expect(action).toMatch(/^[\w-]+\/[\w/-]+@[0-9a-f]{40}$/);
      expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });
});
