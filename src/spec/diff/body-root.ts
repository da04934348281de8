import type { ChangeId } from './registry.ts';

/** oasdiff names a change to the body itself apart from the same change to a property inside it. */
const BODY_ROOT_IDS: Partial<Record<ChangeId, ChangeId>> = {
  'response-property-type-changed': 'response-body-type-changed',
  'response-property-type-generalized': 'response-body-type-generalized',
  'response-property-type-specialized': 'response-body-type-specialized',
  'response-property-list-of-types-widened': 'response-body-list-of-types-widened',
  'response-property-list-of-types-narrowed': 'response-body-list-of-types-narrowed',
  'response-property-became-nullable': 'response-body-became-nullable',
  'response-property-became-not-nullable': 'response-body-became-not-nullable',
  'response-property-one-of-added': 'response-body-one-of-added',
  'response-property-one-of-removed': 'response-body-one-of-removed',
  'response-property-const-changed': 'response-body-const-changed',
};

export const atBodyRoot = (id: ChangeId): ChangeId => BODY_ROOT_IDS[id] ?? id;
