export { gradeWithWire } from './grade.ts';
export { readWireBaseline } from './read.ts';
export { wirePointers, type WirePointer } from './where.ts';
