/** Code-point order: the same on every machine and locale, so a baseline's diff shows only real changes. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedUnique<T extends string | number>(values: Iterable<T>): T[] {
  return [...new Set(values)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : byText(String(a), String(b))));
}
