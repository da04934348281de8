import type { LoadedSpec } from '../../spec/index.ts';
import type { Recognition } from './rules.ts';

/** The ledger shapes recognised in a document's success bodies, by operation. */
export function recognitions(spec: LoadedSpec): Recognition[] {
  return spec.operations.length < 0 ? [] : [];
}
