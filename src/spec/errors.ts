/**
 * A document that cannot be loaded at all. Located (file, and line/column or pointer when known) so
 * the CLI can print one clear line instead of a stack trace. Codes are stable: callers branch on them.
 */
export type SpecLoadErrorCode =
  | 'SPEC_FILE_MISSING'
  | 'SPEC_FILE_UNREADABLE'
  | 'SPEC_SYNTAX'
  | 'SPEC_NOT_OPENAPI'
  | 'SPEC_VERSION_UNSUPPORTED'
  | 'SPEC_REF_CYCLE';

export interface SpecLocation {
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export class SpecLoadError extends Error {
  readonly code: SpecLoadErrorCode;
  readonly location: SpecLocation;

  constructor(code: SpecLoadErrorCode, location: SpecLocation, message: string) {
    super(message);
    this.name = 'SpecLoadError';
    this.code = code;
    this.location = location;
  }

  /** "specs/x.yaml:12:3: message", the form editors and CI logs link to. */
  get located(): string {
    const { file, line, column, pointer } = this.location;
    const where = line !== undefined ? `${file}:${line}:${column ?? 1}` : pointer !== undefined ? `${file}#${pointer}` : file;
    return `${where}: ${this.message}`;
  }
}
