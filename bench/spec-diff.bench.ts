import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffSpecs, loadSpec } from '../src/spec/index.ts';
import { median } from './measure.ts';
import { diffBenchDocuments } from './support/diff-documents.ts';
import type { Bench } from './types.ts';

const ROUNDS = 5;
const KILOBYTES = 500;
const EDITS = 300;
const TARGET_MS = 2000;

/**
 * `conform specs diff` of two 500 KB documents (issue 14: under 2 s on this machine): both documents
 * loaded (read, bundled, normalised, linted) and diffed, and the diff alone on the loaded documents;
 * medians of alternating rounds. The documents come from a seeded generator, the revision with a few
 * hundred changes.
 */
export const specDiffBench: Bench = {
  group: 'spec diff',
  async run() {
    const work = await mkdtemp(join(tmpdir(), 'conform-bench-diff-'));
    try {
      const { base, revision } = diffBenchDocuments(KILOBYTES, EDITS);
      await writeFile(join(work, 'base.json'), base);
      await writeFile(join(work, 'revision.json'), revision);
      const withLoad: number[] = [];
      const diffOnly: number[] = [];
      let changes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        // A fresh vendor name per round: nothing loaded before is reused.
        const loaded = await Promise.all(['base.json', 'revision.json'].map((file) => loadSpec(file, { cwd: work, vendor: `bench-diff-${round}` })));
        const loadedAt = performance.now();
        changes = diffSpecs(loaded[0]!, loaded[1]!).changes.length;
        const done = performance.now();
        withLoad.push(done - started);
        diffOnly.push(done - loadedAt);
      }
      const sizes = `${Math.round(base.length / 1024)} KB and ${Math.round(revision.length / 1024)} KB documents, ${changes} changes`;
      return [
        { group: this.group, name: `diff of ${sizes}, both loaded, median`, value: median(withLoad), unit: 'ms', target: `< ${TARGET_MS} ms`, met: median(withLoad) < TARGET_MS },
        { group: this.group, name: 'the diff alone (documents already loaded), median', value: median(diffOnly), unit: 'ms', target: 'informative', met: null },
      ];
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
