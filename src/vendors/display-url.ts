/**
 * A URL as conform prints it: without user name and password, even when the text does not parse as a
 * URL (then everything between the scheme and the last "@" is hidden, whatever it holds). Every URL
 * in a message, a log line or a report goes through this.
 */
export function displayUrl(text: string): string {
  if (URL.canParse(text)) {
    const url = new URL(text);
    if (!url.username && !url.password) return text;
    url.username = '';
    url.password = '';
    return url.href.replace(/^([a-z][a-z0-9+.-]*:\/\/)/i, `$1${HIDDEN}@`);
  }
  const at = text.lastIndexOf('@');
  if (at === -1) return text;
  const scheme = /^[a-z][a-z0-9+.-]*:\/*/i.exec(text)?.[0] ?? '';
  return `${scheme}${HIDDEN}${text.slice(at)}`;
}

const HIDDEN = '***';
