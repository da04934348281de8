/** JSON text of a value; values nested deeper than JSON.stringify's recursion can go (a hostile body) are written iteratively. */
export function serializeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return serializeIteratively(value);
  }
}

class Literal {
  constructor(readonly text: string) {}
}

const COMMA = new Literal(',');
const CLOSE_ARRAY = new Literal(']');
const CLOSE_OBJECT = new Literal('}');

function serializeIteratively(root: unknown): string {
  const parts: string[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item instanceof Literal) parts.push(item.text);
    else if (Array.isArray(item)) {
      parts.push('[');
      pending.push(CLOSE_ARRAY);
      for (let i = item.length - 1; i >= 0; i--) pending.push(item[i], ...(i > 0 ? [COMMA] : []));
    } else if (item !== null && typeof item === 'object') {
      parts.push('{');
      pending.push(CLOSE_OBJECT);
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, member] = entries[i]!;
        pending.push(member, new Literal(`${JSON.stringify(key)}:`), ...(i > 0 ? [COMMA] : []));
      }
    } else parts.push(JSON.stringify(item) ?? 'null');
  }
  return parts.join('');
}
