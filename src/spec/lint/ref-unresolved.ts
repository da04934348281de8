import { getAtPointer } from '../../json/index.ts';
import { isObject } from '../walk.ts';
import { NO_DEFECTS, schemaAt, type SiteRule } from './context.ts';

/**
 * spec-ref-unresolved: a $ref to nothing (after bundling, every resolvable ref is internal), or a
 * chain of $refs that only leads back to itself (A -> B -> A), which no value can ever satisfy. A $ref
 * that is not a string is an invalid schema (schema-invalid.ts).
 */
export const refUnresolved: SiteRule = {
  ids: ['spec-ref-unresolved'],
  check: ({ site, lint }) => {
    const schema = schemaAt(site);
    if (!isObject(schema) || typeof schema.$ref !== 'string') return NO_DEFECTS;
    const problem = refProblem(lint.document, schema.$ref);
    if (problem === null) return NO_DEFECTS;
    const refusal = lint.refusalOf(schema.$ref);
    delete schema.$ref;
    return [{ id: 'spec-ref-unresolved', pointer: `${site.pointer}/$ref`, observed: refusal ? `${problem} (${refusal.message})` : problem }];
  },
};

function refProblem(document: Record<string, unknown>, ref: unknown): string | null {
  const chain: string[] = [];
  let next = ref;
  while (typeof next === 'string') {
    if (!next.startsWith('#') || getAtPointer(document, next) === undefined) return chain.length ? `${String(ref)} (via ${next})` : String(next);
    if (chain.includes(next)) return `${String(ref)} (a $ref cycle through ${next})`;
    chain.push(next);
    const target = getAtPointer(document, next);
    next = isObject(target) ? target.$ref : undefined;
  }
  return null;
}
