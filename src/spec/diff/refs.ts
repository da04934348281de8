import { getAtPointer, parsePointer } from '../../json/index.ts';
import { isObject } from '../walk.ts';

type Json = Record<string, unknown>;

/** A schema with its internal $ref chain followed. */
export interface Resolved {
  schema: Json | null;
  /** The component name the first $ref names ("#/components/schemas/User" -> "User"), else null. */
  name: string | null;
  /** The pointer the chain ended at, null for an inline schema: identifies a schema across recursion. */
  target: string | null;
}

const MAX_REF_CHAIN = 64;

/**
 * Follows internal $refs (the loader keeps them: bundling only pulls external files in). A ref that
 * does not resolve, loops, or is not a well-formed fragment resolves to nothing: never a throw.
 */
export function resolveRef(document: Json, value: unknown): Resolved {
  let name: string | null = null;
  let target: string | null = null;
  for (let hops = 0; isObject(value) && typeof value.$ref === 'string'; hops++) {
    const ref = value.$ref;
    if (hops === MAX_REF_CHAIN || !ref.startsWith('#/')) return { schema: null, name, target };
    const segments = parsePointer(ref);
    if (name === null && segments.length === 3 && segments[0] === 'components' && segments[1] === 'schemas') name = segments[2]!;
    target = ref;
    value = getAtPointer(document, ref);
  }
  return { schema: isObject(value) ? value : null, name, target };
}
