import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from './types.ts';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901: "~" and "/" inside a key must be escaped, or "/v1/accounts" would read as three segments. */
export function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The deepest pointer under `pointer` where the two values stop agreeing, so a conflict names the exact field. */
export function firstDifference(a: unknown, b: unknown, pointer: string): string {
  const bothContainers =
    typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b);
  if (!bothContainers) return pointer;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  const differing = keys.find((key) => !isDeepStrictEqual(left[key], right[key]));
  return differing === undefined ? pointer : firstDifference(left[differing], right[differing], `${pointer}/${pointerSegment(differing)}`);
}
