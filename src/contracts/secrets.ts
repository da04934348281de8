import { secretForms } from '../redaction/index.ts';
import type { VendorTarget } from '../vendors/index.ts';

/** Every credential the targets could send, in every wire form: what no contract or report may contain. */
export function targetSecretForms(targets: readonly VendorTarget[]): string[] {
  return secretForms(targets.flatMap((t) => [t.credentials.valid, t.credentials.limited, t.invalidCredential]));
}
