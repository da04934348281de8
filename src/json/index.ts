export { duplicateKeys } from './duplicate-keys.ts';
export { decodeFragment, escapeSegment, getAtPointer, joinPointer, parsePointer, pointerToFragment } from './pointer.ts';
export { jsonPrefix } from './prefix.ts';
export { mayHoldInexactNumbers, rawValueAt, rawValuesAt } from './raw-value.ts';
