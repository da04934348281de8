import { excerpt } from '../../findings/finding.ts';
import { isObject } from '../walk.ts';
import { schemaAt, type SiteRule } from './context.ts';

/** spec-schema-invalid: a value where a schema belongs (Midaz's `status: a8fde640-…`). Patterns: see patterns.ts. */
export const schemaInvalid: SiteRule = (site, context) => {
  const schema = schemaAt(site);
  if (typeof schema === 'boolean' || isObject(schema)) return;
  context.report('spec-schema-invalid', site.pointer, { expected: 'a schema object', observed: excerpt(schema) });
  (site.holder as Record<string | number, unknown>)[site.key] = {};
};
