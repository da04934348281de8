import { joinPointer } from '../../json/index.ts';
import type { LintContext, LintFacts, LintRule } from './context.ts';

/**
 * spec-ref-outside: a $ref to a file the document may not read (outside its folder, or the specs/ tree
 * for a checked-in document; through a symbolic link; /dev, /proc; a non-file URL). The file was never
 * opened, so only the ref as written is reported; the $ref is dropped and what held it is unconstrained.
 * Any $ref in the document, not only in schemas: a refused response or parameter is reported too.
 */
export const refsOutside: LintRule<LintContext> = {
  ids: ['spec-ref-outside'],
  check: ({ document, refusalOf }) => {
    const defects: LintFacts[] = [];
    const stack: Array<{ node: unknown; pointer: string }> = [{ node: document, pointer: '' }];
    const seen = new Set<unknown>();
    while (stack.length > 0) {
      const { node, pointer } = stack.pop()!;
      if (node === null || typeof node !== 'object' || seen.has(node)) continue;
      seen.add(node);
      const holder = node as Record<string, unknown>;
      const ref = holder.$ref;
      const refusal = typeof ref === 'string' && !ref.startsWith('#') ? refusalOf(ref) : undefined;
      if (refusal?.reason === 'outside') {
        defects.push({ id: 'spec-ref-outside', pointer: joinPointer(pointer, '$ref'), observed: `${ref} (${refusal.message})` });
        delete holder.$ref;
      }
      // Children pushed in reverse so they are visited, and reported, in document order.
      for (const [key, value] of Object.entries(holder).reverse()) if (typeof value === 'object') stack.push({ node: value, pointer: joinPointer(pointer, key) });
    }
    return defects;
  },
};
