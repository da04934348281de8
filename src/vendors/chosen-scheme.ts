import { authSchemeOf } from '../http/index.ts';
import type { AuthScheme } from './types.ts';

/**
 * The scheme a credential given on the command line goes by: the one named, else the documents' only
 * one; or why there is none (a sentence naming the schemes the documents declare).
 */
export function chosenScheme(schemes: ReadonlyMap<string, Record<string, unknown>>, named: string | null): { scheme: AuthScheme } | { problem: string } {
  const known = [...schemes.keys()];
  const declared = known.length ? known.join(', ') : 'they declare none';
  const name = named ?? (known.length === 1 ? known[0]! : null);
  if (name === null) return { problem: `the documents declare ${known.length ? `several securitySchemes (${declared})` : 'no securitySchemes'}: name one with --auth SCHEME=VALUE` };
  const raw = schemes.get(name);
  if (!raw) return { problem: `--auth ${name}: not in the documents' securitySchemes (${declared})` };
  const read = authSchemeOf(raw);
  return 'problem' in read ? { problem: `--auth ${name}: ${read.problem}` } : { scheme: { name, ...read.scheme } };
}
