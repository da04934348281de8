/** RFC 6901 JSON Pointer helpers: small enough to own, used by every stage that locates things. */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((s) => `/${escapeSegment(s)}`).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? decodeFragment(pointer.slice(1)) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A URI fragment's percent-escapes decoded. A document's `$ref` is vendor text: a broken escape
 * (`%E0%A4%A`) is left as written, so the reference resolves to nothing and is reported as such,
 * instead of throwing a URIError out of whatever reads it.
 */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** The value at `pointer` in `root`, or undefined when any segment is missing. */
export function getAtPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const segment of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** A pointer as a URI fragment, the form ajv resolves in `$ref`. */
export function pointerToFragment(pointer: string): string {
  return `#${parsePointer(pointer)
    .map((s) => `/${encodeURIComponent(escapeSegment(s))}`)
    .join('')}`;
}
