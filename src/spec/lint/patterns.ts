import { joinPointer } from '../../json/pointer.ts';
import { excerpt } from '../../findings/finding.ts';
import { linearRegExpProblem } from '../../schema/regexp.ts';
import { isObject } from '../walk.ts';
import { schemaAt, type SiteRule } from './context.ts';

/**
 * A schema's regular expressions (`pattern`, `patternProperties` names), which run on RE2 (linear
 * time, see schema/regexp.ts). One that is no ECMA-262 regex is spec-schema-invalid; a valid one RE2
 * cannot run (lookaround, backreference) is spec-keyword-unsupported: the document is not wrong, conform
 * will not honour it. Either way that pattern is dropped and the rest of the schema still checks.
 */
export const patterns: SiteRule = (site, context) => {
  const schema = schemaAt(site);
  if (!isObject(schema)) return;
  const refuse = (pattern: unknown, pointer: string): boolean => {
    if (!isEcmaRegExp(pattern)) {
      context.report('spec-schema-invalid', pointer, { expected: 'an ECMA-262 regular expression', observed: excerpt(pattern) });
      return true;
    }
    const problem = linearRegExpProblem(pattern);
    if (problem !== null) context.report('spec-keyword-unsupported', pointer, { observed: `pattern ${excerpt(pattern)} (${problem}): vendor patterns run on a linear-time engine` });
    return problem !== null;
  };
  if ('pattern' in schema && refuse(schema.pattern, joinPointer(site.pointer, 'pattern'))) delete schema.pattern;
  if (isObject(schema.patternProperties)) {
    for (const name of Object.keys(schema.patternProperties)) {
      if (refuse(name, joinPointer(site.pointer, 'patternProperties', name))) delete schema.patternProperties[name];
    }
  }
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
