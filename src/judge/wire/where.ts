/** One baseline pointer a change's `where` may stand for. */
export interface WirePointer {
  /** As a baseline writes it: the body root "", array items as `*`. */
  pointer: string;
  /** Whether a `oneOf[…]` branch segment was dropped to get it: the wire does not say which branch a body met. */
  throughBranch: boolean;
}

/** More readings than this and a `where` is not mapped at all (a path of many `items` segments). */
const MAX_READINGS = 64;

/**
 * The baseline pointers a change's `where` (a path from the body root, docs/spec-diff.md) may stand
 * for. A `where` is not exact about two things, so every reading is returned and the baseline decides
 * which exist: an `items` segment is an array's items (`*`) or a property named "items", and a
 * `oneOf[Label]` segment is a branch (dropped: a branch is no place in a body) or a property of that
 * name. Segments stay escaped (~0, ~1) as both sides write them. Null for a path with more readings
 * than MAX_READINGS or that is not a path.
 */
export function wirePointers(where: string): WirePointer[] | null {
  if (!where.startsWith('/')) return null;
  if (where === '/') return [{ pointer: '', throughBranch: false }];
  let readings: WirePointer[] = [{ pointer: '', throughBranch: false }];
  for (const segment of segmentsOf(where)) {
    const alternatives = alternativesOf(segment);
    readings = readings.flatMap((reading) =>
      alternatives.map((alternative) =>
        alternative === null ? { pointer: reading.pointer, throughBranch: true } : { pointer: `${reading.pointer}/${alternative}`, throughBranch: reading.throughBranch },
      ),
    );
    if (readings.length > MAX_READINGS) return null;
  }
  return readings;
}

/** A branch segment, `null` among the alternatives: dropped from the pointer. */
function alternativesOf(segment: string): Array<string | null> {
  if (segment === 'items') return ['*', 'items'];
  // As a property's name, a "/" in it is escaped like any other.
  if (isBranch(segment)) return [null, segment.replaceAll('/', '~1')];
  return [segment];
}

const isBranch = (segment: string) => segment.startsWith('oneOf[') && segment.endsWith(']');

/**
 * The path's segments. A branch label is a component name or a title written as is, so a title with
 * a "/" in it spans segments: `oneOf[` runs to the first segment that ends with `]`.
 */
function segmentsOf(where: string): string[] {
  const raw = where.slice(1).split('/');
  const segments: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let segment = raw[i]!;
    if (segment.startsWith('oneOf[')) {
      let end = i;
      while (!raw[end]!.endsWith(']') && end + 1 < raw.length) end++;
      if (raw[end]!.endsWith(']')) {
        segment = raw.slice(i, end + 1).join('/');
        i = end;
      }
    }
    segments.push(segment);
  }
  return segments;
}
