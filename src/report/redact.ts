/**
 * The one redaction step every writer goes through: any configured secret, in any form it could take
 * on the wire (raw, as a Bearer value, inside a Basic credential, URL-encoded), is replaced before a
 * byte reaches a report, a contract or a log.
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
