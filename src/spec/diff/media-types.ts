/** Structured-syntax families whose generic member is application/<suffix>: application/json and any +json. */
const FAMILIES = ['json', 'xml'];

/**
 * How a media type that disappeared relates to one that appeared for the same status: "specialized"
 * (application/json -> application/problem+json), "generalized" (the reverse), or null when they are
 * not the generic and a specific member of one family.
 */
export function renameKind(removed: string, added: string): 'specialized' | 'generalized' | null {
  for (const suffix of FAMILIES) {
    const generic = `application/${suffix}`;
    const specific = (mediaType: string) => mediaType.endsWith(`+${suffix}`);
    if (removed === generic && specific(added)) return 'specialized';
    if (specific(removed) && added === generic) return 'generalized';
  }
  return null;
}
