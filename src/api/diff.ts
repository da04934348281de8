import { diffSpecs as diffDocuments, type SpecDiff } from '../spec/index.ts';
import { loadedOf, type Spec } from './spec.ts';

/**
 * Every difference between two versions of a vendor's document, each graded for a consumer of the
 * API (breaking, warning, info), as `conform specs diff BASE REVISION --baseline none` prints them.
 */
export function diffSpecs(base: Spec, revision: Spec): SpecDiff {
  return diffDocuments(loadedOf(base), loadedOf(revision));
}
