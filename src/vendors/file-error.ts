import { ConfigError } from './config-error.ts';

/** A mistake in a vendor file, located: `vendors/acme.yaml:12: unknown key "hedaers"`. Exit 2, before any request. */
export class VendorFileError extends ConfigError {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}`, message);
    this.file = file;
    this.line = line;
  }
}
