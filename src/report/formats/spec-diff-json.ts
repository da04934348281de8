import type { SpecDiff } from '../../spec/index.ts';

/** `conform specs diff --format json`: exactly `{"breaking": bool, "changes": [...]}`, the public shape. */
export function renderSpecDiffJson(diff: SpecDiff): string {
  return `${JSON.stringify({ breaking: diff.breaking, changes: diff.changes }, null, 2)}\n`;
}
