import { excerpt } from '../../findings/index.ts';
import { joinPointer } from '../../json/index.ts';
import { isObject } from '../walk.ts';
import { NO_DEFECTS, schemaAt, type LintFacts, type SiteRule } from './context.ts';

/**
 * spec-schema-invalid: a value where a schema belongs (Midaz's `status: a8fde640-…`) is replaced by an
 * unconstrained schema; a $ref that is not a string (`$ref: [1, 2]`, which ajv would refuse with the
 * whole schema it sits in) and a pattern that is no ECMA-262 regex are dropped. Runs before the other
 * site rules, so they see only what a schema may hold.
 */
export const schemaInvalid: SiteRule = {
  ids: ['spec-schema-invalid'],
  check: ({ site }) => {
    const schema = schemaAt(site);
    if (typeof schema === 'boolean') return NO_DEFECTS;
    if (!isObject(schema)) {
      (site.holder as Record<string | number, unknown>)[site.key] = {};
      return [{ id: 'spec-schema-invalid', pointer: site.pointer, expected: 'a schema object', observed: excerpt(schema) }];
    }
    const defects: LintFacts[] = [];
    if ('$ref' in schema && typeof schema.$ref !== 'string') {
      defects.push({ id: 'spec-schema-invalid', pointer: `${site.pointer}/$ref`, expected: 'a $ref string', observed: excerpt(schema.$ref) });
      delete schema.$ref;
    }
    const invalidPattern = (pattern: unknown, pointer: string): boolean => {
      if (isEcmaRegExp(pattern)) return false;
      defects.push({ id: 'spec-schema-invalid', pointer, expected: 'an ECMA-262 regular expression', observed: excerpt(pattern) });
      return true;
    };
    if ('pattern' in schema && invalidPattern(schema.pattern, joinPointer(site.pointer, 'pattern'))) delete schema.pattern;
    if (isObject(schema.patternProperties)) {
      for (const name of Object.keys(schema.patternProperties)) {
        if (invalidPattern(name, joinPointer(site.pointer, 'patternProperties', name))) delete schema.patternProperties[name];
      }
    }
    return defects;
  },
};

function isEcmaRegExp(pattern: unknown): pattern is string {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern, 'u'); // compiled only, never run: compiling is linear in the pattern
    return true;
  } catch {
    return false;
  }
}
