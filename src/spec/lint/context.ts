import type { Check } from '../../findings/index.ts';
import type { FindingId } from '../../findings/index.ts';
import type { Bundled } from '../bundle.ts';
import type { SchemaSite } from '../walk.ts';

/** What every lint rule may read: the whole document (to resolve refs) and what the bundler refused. */
export interface LintContext {
  document: Record<string, unknown>;
  knownFormats: ReadonlySet<string>;
  /** Why the file behind an unresolved external $ref was not read, when it was refused. */
  refusalOf: Bundled['refusalOf'];
}

/** A located defect of the document: `pointer` is where in the document it sits (the finding's location). */
export interface LintFacts {
  id: FindingId;
  pointer: string;
  expected?: string;
  observed?: string;
}

export type LintRule<Input> = Check<Input, LintFacts>;

/**
 * A rule that looks at one schema site. When the site is broken it reports it and repairs the document
 * copy in place so that the broken part is unconstrained and the rest of the document still checks.
 */
export type SiteRule = LintRule<{ site: SchemaSite; lint: LintContext }>;

/** What a rule returns when the site is fine: shared, so nothing is allocated. */
export const NO_DEFECTS: readonly LintFacts[] = Object.freeze([]);

export function schemaAt(site: SchemaSite): unknown {
  return (site.holder as Record<string | number, unknown>)[site.key];
}
