import { excerpt } from '../../findings/finding.ts';
import { isObject } from '../walk.ts';
import { schemaAt, type SiteRule } from './context.ts';

/** spec-schema-invalid: a value where a schema belongs (Midaz's `status: a8fde640-…`), or a pattern that is no regex. */
export const schemaInvalid: SiteRule = (site, context) => {
  const schema = schemaAt(site);
  if (typeof schema === 'boolean') return;
  if (!isObject(schema)) {
    context.report('spec-schema-invalid', site.pointer, { expected: 'a schema object', observed: excerpt(schema) });
    (site.holder as Record<string | number, unknown>)[site.key] = {};
    return;
  }
  if ('pattern' in schema && !isRegex(schema.pattern)) {
    context.report('spec-schema-invalid', `${site.pointer}/pattern`, { expected: 'an ECMA-262 regular expression', observed: excerpt(schema.pattern) });
    delete schema.pattern;
  }
};

function isRegex(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
