/**
 * Vendor text in GitHub-flavoured markdown. Bodies are hostile, and GitHub renders inline HTML, math
 * ($...$) and emphasis, so every character markdown or HTML could act on is backslash-escaped and line
 * breaks become spaces (one value never leaves its table cell or line).
 */
export function mdText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~&#$]/g, '\\$&');
}

/**
 * A value as an inline code span in a table cell: HTML and emphasis are inert inside it; a fence
 * longer than any backtick run inside keeps it closed, and "|" is escaped because GFM splits table
 * cells before it reads code spans. Null (no value) renders as a dash.
 */
export function mdCode(value: string | null): string {
  if (value === null) return '—';
  const text = oneLine(value).replace(/\|/g, '\\|');
  if (text.trim() === '') return `\`"${text}"\``;
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
