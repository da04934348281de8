/** JSON.stringify recurses: a prefix this deep serialises on any stack, and shows more levels than anyone reads. */
const MAX_DEPTH = 1024;

/**
 * A copy of a parsed JSON value whose JSON text begins as the value's does: its first `chars`
 * characters are the value's own (it is cut after about twice that, and below MAX_DEPTH levels). An
 * excerpt of it reads as an excerpt of the whole value, at a cost bounded by what is shown, not by the
 * value: findings on nested objects would otherwise serialise the same subtree once per level. Strings
 * are kept whole, so a redactor still sees every secret entire before anything is cut.
 */
export function jsonPrefix(value: unknown, chars: number): unknown {
  // Twice the window: the brackets that close a cut prefix then fall after the part an excerpt keeps.
  return prefixOf(value, { left: 2 * chars }, MAX_DEPTH);
}

function prefixOf(value: unknown, budget: { left: number }, depth: number): unknown {
  if (value === null || typeof value !== 'object') {
    budget.left -= typeof value === 'string' ? value.length + 2 : String(value).length;
    return value;
  }
  budget.left -= 2;
  if (depth === 0) return Array.isArray(value) ? [] : {};
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      if (budget.left <= 0) break;
      items.push(prefixOf(item, budget, depth - 1));
      budget.left -= 1;
    }
    return items;
  }
  // No prototype: a member named "__proto__" stays a member, as JSON.parse made it.
  const members = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (budget.left <= 0) break;
    budget.left -= key.length + 4; // two quotes, a colon, a comma
    members[key] = prefixOf((value as Record<string, unknown>)[key], budget, depth - 1);
  }
  return members;
}
