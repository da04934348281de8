import type { ChangeId } from './registry.ts';

/** An integer is a number: integer -> number widens, number -> integer narrows. */
const covers = (types: string[], type: string) => types.includes(type) || (type === 'integer' && types.includes('number'));

/**
 * How the declared types (null left out, sorted) of a response property changed, or null when they
 * did not or one version does not say. More types is a list widened, a containing type generalized.
 */
export function compareTypes(base: string[], revision: string[]): ChangeId | null {
  if (base.length === 0 || revision.length === 0 || base.join() === revision.join()) return null;
  const widened = base.every((type) => covers(revision, type));
  const narrowed = revision.every((type) => covers(base, type));
  if (widened && (!narrowed || revision.length > base.length)) {
    return revision.length > base.length ? 'response-property-list-of-types-widened' : 'response-property-type-generalized';
  }
  if (narrowed) return base.length > revision.length ? 'response-property-list-of-types-narrowed' : 'response-property-type-specialized';
  return 'response-property-type-changed';
}
