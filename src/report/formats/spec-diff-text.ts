import type { SpecChange, SpecDiff } from '../../spec/index.ts';
import { changeCounts, groupByOperation, type SpecDiffContext } from './spec-diff-groups.ts';

/**
 * `conform specs diff` for a terminal or a CI log: a summary line, then each operation's changes,
 * component-level changes under their own heading. One change a line (its reason on the next, then
 * what the wire showed when the grade came from it): severity, id, oasdiff's level, status, where, value.
 */
export function renderSpecDiffText(diff: SpecDiff, context: SpecDiffContext): string {
  const vendor = context.vendor === null ? '' : `${terminalSafe(context.vendor)}: `;
  const head = `${vendor}${terminalSafe(context.base)} -> ${terminalSafe(context.revision)}: ${changeCounts(diff)}\n`;
  if (diff.changes.length === 0) return `${head}no changes\n`;
  const sections = groupByOperation(diff.changes).map(({ operation, changes }) => {
    const title = operation === null ? 'component-level changes' : terminalSafe(operation);
    return `\n${title}\n${changes.map(changeLines).join('')}`;
  });
  return head + sections.join('');
}

function changeLines(change: SpecChange): string {
  const parts = [change.severity.padEnd(8), change.id, `level ${change.level}`];
  if (change.status !== null) parts.push(`status ${terminalSafe(change.status)}`);
  parts.push(change.where === null ? 'whole endpoint' : `where ${terminalSafe(change.where)}`);
  // JSON quoting shows a value's bounds and escapes every control character in it.
  if (change.value !== undefined) parts.push(`value ${JSON.stringify(change.value)}`);
  const reason = change.reason === null ? '' : `      reason: ${terminalSafe(change.reason)}\n`;
  return `  ${parts.join('  ')}\n${reason}${wireLine(change)}`;
}

/** Which grade came from the wire: what the baseline showed, and where. */
function wireLine(change: SpecChange): string {
  if (change.wire === undefined) return '';
  const { baseline, pointer, observed } = change.wire;
  return `      graded by the wire: ${terminalSafe(observed)} (${baseline} baseline, ${terminalSafe(pointer)})\n`;
}

/**
 * Vendor text (paths, property names) as inert terminal text: control characters (an escape sequence
 * could rewrite the screen), line breaks and bidirectional overrides shown as \u escapes.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
