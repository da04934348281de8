type RawNumbers = ReadonlyMap<object, ReadonlyMap<string, string>> | null;

/**
 * JSON text of a value; values nested deeper than JSON.stringify's recursion can go (a hostile body)
 * are written iteratively, as are bodies with numbers to be written as the vendor wrote them.
 */
export function serializeJson(value: unknown, rawNumbers: RawNumbers = null): string {
  if (rawNumbers) return serializeIteratively(value, rawNumbers);
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return serializeIteratively(value, null);
  }
}

class Literal {
  constructor(readonly text: string) {}
}

const COMMA = new Literal(',');
const CLOSE_ARRAY = new Literal(']');
const CLOSE_OBJECT = new Literal('}');

function serializeIteratively(root: unknown, rawNumbers: RawNumbers): string {
  const parts: string[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item instanceof Literal) parts.push(item.text);
    else if (item !== null && typeof item === 'object') {
      const raws = rawNumbers?.get(item);
      const member = (key: string, value: unknown) => (raws?.has(key) ? new Literal(raws.get(key)!) : value);
      const array = Array.isArray(item);
      parts.push(array ? '[' : '{');
      pending.push(array ? CLOSE_ARRAY : CLOSE_OBJECT);
      const entries = array ? item.map((value, index) => [String(index), value] as const) : Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, value] = entries[i]!;
        pending.push(member(key, value), ...(array ? [] : [new Literal(`${JSON.stringify(key)}:`)]), ...(i > 0 ? [COMMA] : []));
      }
    } else parts.push(JSON.stringify(item) ?? 'null');
  }
  return parts.join('');
}
