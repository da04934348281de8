/** Enough JSON text for any excerpt (80 characters), with room for a redactor to shorten what it hides. */
const PREFIX_CHARS = 1024;
/** An 80-character excerpt shows at most 80 levels of nesting. */
const PREFIX_DEPTH = 100;

/**
 * A copy of a parsed JSON value whose JSON text begins as the value's does, cut after the first
 * member or item that reaches PREFIX_CHARS. An excerpt of it reads as an excerpt of the whole value,
 * at a cost bounded by what is shown, not by the value: findings on nested objects would otherwise
 * serialise the same subtree once per level. Strings are kept whole, so a redactor still sees every
 * secret entire before anything is cut.
 */
export function jsonPrefix(value: unknown): unknown {
  return prefixOf(value, { left: PREFIX_CHARS }, PREFIX_DEPTH);
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
    budget.left -= key.length + 3;
    members[key] = prefixOf((value as Record<string, unknown>)[key], budget, depth - 1);
  }
  return members;
}
