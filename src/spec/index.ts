export { SpecLoadError } from './errors.ts';
export { FileRefusal, formatSize, MAX_DOCUMENT_BYTES, readBoundedFile } from './files.ts';
export { SpecImportError, importSpecPages } from './import/index.ts';
export { loadSpec } from './load.ts';
export { essence, findMediaType, findResponse, isJsonMediaType } from './lookup.ts';
export type { LoadedSpec, MediaTypeEntry, Operation, ResponseEntry } from './types.ts';
export { securitySchemesOf } from './security-schemes.ts';
export type { ChangeLevel, SpecChange, SpecDiff } from './diff/types.ts';
