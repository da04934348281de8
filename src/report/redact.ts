import type { CaseResult } from '../run/result.ts';

/**
 * The one redaction step: any configured secret, in any form it could take on the wire (raw, as a
 * Bearer value, inside a Basic credential, URL-encoded), is replaced before a byte reaches a report,
 * a contract or a log. Case results are redacted once, as data, before any
 * reporter, recorder or log line sees them; every writer also passes its text through redactText.
 */
export const REDACTED = '[redacted]';

export function secretForms(secrets: readonly (string | null | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(Buffer.from(`${secret}:`).toString('base64').replace(/=+$/, ''));
    forms.add(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
  }
  // Longest first, so a secret is never half-replaced by one of its own shorter forms.
  return [...forms].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, forms: readonly string[]): string {
  let result = text;
  for (const form of forms) if (result.includes(form)) result = result.split(form).join(REDACTED);
  return result;
}

/** Case results with every secret form replaced, in every string they hold (personal data was masked in the worker: src/privacy). */
export function redactCaseResults(results: readonly CaseResult[], forms: readonly string[]): CaseResult[] {
  return results.map((result) => redactStrings(result, forms));
}

function redactStrings<T>(value: T, forms: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, forms) as T;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, forms)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, forms)])) as T;
}
