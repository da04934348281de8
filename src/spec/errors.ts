/**
 * A document that cannot be loaded at all. Located (file, and line/column or pointer when known) so
 * the CLI can print one clear line instead of a stack trace. Codes are stable: callers branch on them.
 */
export type SpecLoadErrorCode =
  | 'SPEC_FILE_MISSING'
  | 'SPEC_FILE_UNREADABLE'
  | 'SPEC_TOO_LARGE'
  | 'SPEC_TOO_DEEP'
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
  /** The problem alone, without its location. */
  readonly problem: string;

  constructor(code: SpecLoadErrorCode, location: SpecLocation, problem: string) {
    // The message carries the location: it survives being passed between processes as text.
    super(`${where(location)}: ${problem}`);
    this.name = 'SpecLoadError';
    this.code = code;
    this.location = location;
    this.problem = problem;
  }

  /** "specs/x.yaml:12:3: message", the form editors and CI logs link to. */
  get located(): string {
    return this.message;
  }
}

function where({ file, line, column, pointer }: SpecLocation): string {
  return line !== undefined ? `${file}:${line}:${column ?? 1}` : pointer !== undefined ? `${file}#${pointer}` : file;
}
