/** JSON with one line per leaf record (a property, a case, a finding), so a review diff shows one line per change. */
export function reviewableJson(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object' || isLeaf(value)) return inline(value);
  const inner = '  '.repeat(depth + 1);
  const lines = Array.isArray(value)
    ? value.map((item) => inner + reviewableJson(item, depth + 1))
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${reviewableJson(item, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join(',\n')}\n${'  '.repeat(depth)}${close}`;
}

function isLeaf(value: object): boolean {
  const isPrimitive = (item: unknown) => item === null || typeof item !== 'object';
  const items: unknown[] = Object.values(value);
  if (items.length === 0) return true;
  return Array.isArray(value) ? items.every(isPrimitive) : items.every((item) => isPrimitive(item) || (Array.isArray(item) && item.every(isPrimitive)));
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}
