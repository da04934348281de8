export { SpecLoadError } from './errors.ts';
export { FileRefusal, formatSize, MAX_DOCUMENT_BYTES, readBoundedFile } from './files.ts';
export { SERIALISED_EDIT, SpecImportError, importSpecPages, specYaml, withProvenance, type Provenance } from './import/index.ts';
export { exampleDefects, loadSpec } from './load.ts';
export { parsedDocuments, parseText, readDocument, rememberParsed, type ParsedDocument } from './parse.ts';
export { essence, findMediaType, findResponse, isJsonMediaType } from './lookup.ts';
export type { LoadedSpec, MediaTypeEntry, Operation, ResponseEntry } from './types.ts';
export { securitySchemesOf } from './security-schemes.ts';
export { CHANGE_IDS, CHANGE_KINDS, diffSpecs, type ChangeId, type ChangeKind, type ChangeLevel, type SpecChange, type SpecDiff, type WireGrade } from './diff/index.ts';
