import type { LoadedSpec } from '../types.ts';
import { ChangeList } from './change.ts';
import { diffComponents, diffServers } from './document.ts';
import { diffEndpoints } from './endpoints.ts';
import { diffParameters } from './parameters.ts';
import { diffRequestBody } from './request-body.ts';
import { diffResponses } from './responses.ts';
import { diffGlobalSecurity, diffSecurity } from './security.ts';
import { SameSchema } from './same-schema.ts';
import type { SpecDiff } from './types.ts';

/** Schema nodes compared for identity per diff at most; past it pairs are walked (and bounded there). */
const MAX_SAME_NODES = 1_000_000;

export { CHANGE_IDS, CHANGE_KINDS, type ChangeId, type ChangeKind } from './registry.ts';
export type { ChangeLevel, SpecChange, SpecDiff, WireGrade } from './types.ts';

/**
 * Every difference between two versions of a vendor document that matters to a consumer, graded
 * (src/spec/diff/registry.ts) and in a fixed order. Pure: reads only the two loaded documents.
 * Descriptions, summaries and examples are never compared.
 */
export function diffSpecs(base: LoadedSpec, revision: LoadedSpec): SpecDiff {
  const changes = new ChangeList();
  const same = new SameSchema(base.document, revision.document, MAX_SAME_NODES);
  const body = { base: base.document, revision: revision.document, changes, bounds: { visits: 0, cut: false }, same };
  for (const [before, after] of diffEndpoints(changes, base, revision)) {
    diffParameters(changes, body, before, after);
    diffRequestBody(body, before, after);
    diffSecurity(changes, before, after);
    diffResponses(body, before, after);
  }
  diffGlobalSecurity(changes, base, revision);
  diffServers(changes, base, revision);
  diffComponents(changes, base, revision);
  const sorted = changes.sorted();
  return { breaking: sorted.some((change) => change.severity === 'breaking'), changes: sorted };
}
