/**
 * A URL as conform prints it: without user name and password, even when the text does not parse as
 * an http(s) URL (then everything between the scheme and the last "@" is hidden, whatever it holds:
 * `user:pass@host` without a scheme parses as a "user:" URL with no user name at all). Every URL in a
 * message, a log line or a report goes through this.
 */
export function displayUrl(text: string): string {
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
    if (!url.username && !url.password) return text;
    url.username = '';
    url.password = '';
    return url.href.replace('://', `://${HIDDEN}@`);
  }
  const at = text.lastIndexOf('@');
  if (at === -1) return text;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text)?.[0] ?? '';
  return `${scheme}${HIDDEN}${text.slice(at)}`;
}

const HIDDEN = '***';
