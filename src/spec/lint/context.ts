import type { FindingId } from '../../findings/registry.ts';
import type { Bundled } from '../bundle.ts';
import type { SchemaSite } from '../walk.ts';

/** What a lint rule gets: the whole document (to resolve refs) and a way to report a located defect. */
export interface LintContext {
  document: Record<string, unknown>;
  knownFormats: ReadonlySet<string>;
  report(id: FindingId, pointer: string, details: { expected?: string; observed?: string }): void;
  /** Why the file behind an unresolved external $ref was not read, when it was refused. */
  refusalOf: Bundled['refusalOf'];
}

/**
 * A rule looks at one schema site. When the site is broken it reports it and repairs the document
 * copy in place so that the broken part is unconstrained and the rest of the document still checks.
 */
export type SiteRule = (site: SchemaSite, context: LintContext) => void;

export function schemaAt(site: SchemaSite): unknown {
  return (site.holder as Record<string | number, unknown>)[site.key];
}
