/** Stable codes: callers and tests branch on these, never on message text. */
export const SPEC_IMPORT_ERROR_CODES = [
  'SPEC_IMPORT_NO_BLOCK',
  'SPEC_IMPORT_UNCLOSED_FENCE',
  'SPEC_IMPORT_YAML',
  'SPEC_IMPORT_NOT_OPENAPI',
  'SPEC_IMPORT_OPERATION_MISSING',
  'SPEC_IMPORT_CONFLICT',
  'SPEC_IMPORT_BAD_NAME',
  'SPEC_IMPORT_BAD_DATE',
] as const;

export type SpecImportErrorCode = (typeof SPEC_IMPORT_ERROR_CODES)[number];

/** Where the problem is: a page position, a JSON pointer in the merged document, or both pages of a conflict. */
export interface SpecImportLocation {
  page?: string;
  line?: number;
  column?: number;
  pointer?: string;
  pages?: [string, string];
}

export class SpecImportError extends Error {
  override readonly name = 'SpecImportError';

  constructor(
    readonly code: SpecImportErrorCode,
    message: string,
    readonly location: SpecImportLocation = {},
  ) {
    super(message);
  }
}

/** "page:line:column" — the prefix editors and terminals turn into a link. */
export function pagePosition(page: string, line?: number, column?: number): string {
  if (line === undefined) return page;
  return column === undefined ? `${page}:${line}` : `${page}:${line}:${column}`;
}
