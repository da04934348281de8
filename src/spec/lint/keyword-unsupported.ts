import { excerpt } from '../../findings/index.ts';
import { getAtPointer, joinPointer } from '../../json/index.ts';
import { linearRegExpProblem } from '../../schema/index.ts';
import type { SchemaRegistry } from '../../schema/index.ts';
import { forEachSchemaSite, isObject } from '../walk.ts';
import { NO_DEFECTS, schemaAt, type LintFacts, type LintRule, type SiteRule } from './context.ts';

type Json = Record<string, unknown>;

/**
 * spec-keyword-unsupported, for patterns: a valid regex that RE2 (linear time, see schema/regexp.ts)
 * cannot run (lookaround, backreference). The document is not wrong; conform will not honour the
 * pattern, so it is dropped and the rest of the schema still checks. Invalid patterns are
 * spec-schema-invalid (schema-invalid.ts, which runs first).
 */
export const patternsUnsupported: SiteRule = {
  ids: ['spec-keyword-unsupported'],
  check: ({ site }) => {
    const schema = schemaAt(site);
    if (!isObject(schema)) return NO_DEFECTS;
    const defects: LintFacts[] = [];
    const unsupported = (pattern: unknown, pointer: string): boolean => {
      const problem = typeof pattern === 'string' ? linearRegExpProblem(pattern) : null;
      if (problem !== null) defects.push({ id: 'spec-keyword-unsupported', pointer, observed: `pattern ${excerpt(pattern)} (${problem}): vendor patterns run on a linear-time engine` });
      return problem !== null;
    };
    if ('pattern' in schema && unsupported(schema.pattern, joinPointer(site.pointer, 'pattern'))) delete schema.pattern;
    if (isObject(schema.patternProperties)) {
      for (const name of Object.keys(schema.patternProperties)) {
        if (unsupported(name, joinPointer(site.pointer, 'patternProperties', name))) delete schema.patternProperties[name];
      }
    }
    return defects;
  },
};

export interface DiscriminatorProbe {
  document: Json;
  registry: SchemaRegistry;
  documentId: string;
  /** The schemas of the validation copy that hold a discriminator (discriminatorSites). */
  sites: ReadonlyArray<{ schema: Json; pointer: string }>;
}

/** Where the validation copy holds a discriminator: what discriminatorsUnsupported probes. */
export function discriminatorSites(validationCopy: Json): Array<{ schema: Json; pointer: string }> {
  const sites: Array<{ schema: Json; pointer: string }> = [];
  forEachSchemaSite(validationCopy, ({ holder, key, pointer }) => {
    const schema = (holder as Json)[key as string];
    if (isObject(schema) && 'discriminator' in schema) sites.push({ schema, pointer });
  });
  return sites;
}

/**
 * spec-keyword-unsupported, for discriminators: one ajv cannot honour as written (it rejects
 * `mapping`, and needs a const/enum tag in every branch). Asking ajv itself, rather than
 * re-implementing its rules, keeps the verdict exact; such a discriminator is dropped from the repaired
 * document. Every discriminator is then dropped from the validation copy (so it must be registered
 * again): ajv's discriminator does not pass the chosen branch's evaluated properties on to
 * `unevaluatedProperties`, which would report every property of a valid variant as undocumented.
 * Plain oneOf accepts exactly the same values (the tags are const).
 */
export const discriminatorsUnsupported: LintRule<DiscriminatorProbe> = {
  ids: ['spec-keyword-unsupported'],
  check: ({ document, registry, documentId, sites }) => {
    const defects: LintFacts[] = [];
    for (const { schema, pointer } of sites) {
      try {
        registry.validator(documentId, pointer);
      } catch (error) {
        const message = (error as Error).message;
        if (message.startsWith('discriminator')) {
          defects.push({ id: 'spec-keyword-unsupported', pointer: `${pointer}/discriminator`, observed: message });
          const original = getAtPointer(document, pointer);
          if (isObject(original)) delete original.discriminator;
        }
      }
      delete schema.discriminator;
    }
    return defects;
  },
};
