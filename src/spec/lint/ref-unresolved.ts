import { excerpt } from '../../findings/finding.ts';
import { getAtPointer } from '../../json/pointer.ts';
import { isObject } from '../walk.ts';
import { schemaAt, type SiteRule } from './context.ts';

/**
 * spec-ref-unresolved: a $ref to nothing (after bundling, every resolvable ref is internal), or a
 * chain of $refs that only leads back to itself (A -> B -> A), which no value can ever satisfy. A $ref
 * that is not a string is an invalid schema (spec-schema-invalid).
 */
export const refUnresolved: SiteRule = (site, context) => {
  const schema = schemaAt(site);
  if (!isObject(schema) || !('$ref' in schema)) return;
  if (typeof schema.$ref !== 'string') {
    // Not a reference at all (`$ref: [1, 2]`): ajv would refuse the whole schema it sits in.
    context.report('spec-schema-invalid', `${site.pointer}/$ref`, { expected: 'a $ref string', observed: excerpt(schema.$ref) });
    delete schema.$ref;
    return;
  }
  const problem = refProblem(context.document, schema.$ref);
  if (problem === null) return;
  const refusal = typeof schema.$ref === 'string' ? context.refusalOf(schema.$ref) : undefined;
  context.report('spec-ref-unresolved', `${site.pointer}/$ref`, { observed: refusal ? `${problem} (${refusal.message})` : problem });
  delete schema.$ref;
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
