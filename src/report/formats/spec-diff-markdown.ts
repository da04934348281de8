import type { SpecChange, SpecDiff } from '../../spec/index.ts';
import { mdCode, mdTable, mdText } from './markdown-escape.ts';
import { changeCounts, groupByOperation, type SpecDiffContext } from './spec-diff-groups.ts';

const HEADER = ['Severity', 'ID', 'oasdiff level', 'Status', 'Where', 'Value', 'Reason'];

/**
 * `conform specs diff --format md`, for a pull request or a job summary: a section per operation,
 * component-level changes last, a table row per change. Every value from the documents is escaped.
 */
export function renderSpecDiffMarkdown(diff: SpecDiff, context: SpecDiffContext): string {
  const vendor = context.vendor === null ? '' : `: ${mdText(context.vendor)}`;
  const verdict = diff.breaking ? '**Breaking.**' : 'Nothing breaking.';
  const head = `# Spec diff${vendor}\n\n${mdCode(context.base)} → ${mdCode(context.revision)}: ${changeCounts(diff)}. ${verdict}`;
  if (diff.changes.length === 0) return `${head}\n\nNo changes.\n`;
  // The Wire column only when a baseline graded something: a diff without one reads as before.
  const wire = diff.changes.some((change) => change.wire !== undefined);
  const sections = groupByOperation(diff.changes).map(({ operation, changes }) => {
    const title = operation === null ? 'Component-level changes' : mdText(operation);
    const rows = changes.map((change) => (wire ? [...row(change), wireCell(change)] : row(change)));
    return `## ${title}\n\n${mdTable(wire ? [...HEADER, 'Graded by the wire'] : HEADER, rows)}`;
  });
  return `${[head, ...sections].join('\n\n')}\n`;
}

function row(change: SpecChange): string[] {
  return [
    change.severity,
    mdCode(change.id),
    change.level,
    mdCode(change.status),
    change.where === null ? 'whole endpoint' : mdCode(change.where),
    change.value === undefined ? '—' : mdCode(change.value),
    change.reason === null ? '—' : mdText(change.reason),
  ];
}

function wireCell(change: SpecChange): string {
  if (change.wire === undefined) return '—';
  return `${mdText(change.wire.observed)} (${change.wire.baseline} baseline, ${mdCode(change.wire.pointer)})`;
}
