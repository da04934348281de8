import { readWireBaseline, type Baseline } from '../../judge/index.ts';

/**
 * The baseline each vendor's upstream changes are graded with, as `conform specs diff` grades by
 * default: the vendor's live one when it exists (the sandbox's answers are made from documents, not
 * the vendor). A live target's baseline is the one the run already read (checked as specs diff
 * checks it); a vendor run against its sandbox has its live baseline read here.
 */
export async function wireBaselines(targets: ReadonlyArray<{ vendor: string; mode: string; baseline: Baseline | null }>, dir: string): Promise<Map<string, Baseline | null>> {
  const wire = new Map<string, Baseline | null>();
  for (const target of targets) wire.set(target.vendor, target.mode === 'live' ? target.baseline : await readWireBaseline(dir, target.vendor, 'live'));
  return wire;
}
