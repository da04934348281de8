export { gradeWithWire } from './grade.ts';
export { wirePointers, type WirePointer } from './where.ts';
