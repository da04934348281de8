/** Characters XML 1.0 forbids anywhere (C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF). */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML or XML, in element content or a quoted attribute: vendor bodies are hostile, so
 * nothing they send can open a tag, close an attribute or start an entity. Characters XML cannot
 * carry at all (an excerpt cut inside a surrogate pair, a raw control byte) become U+FFFD.
 */
export function escapeMarkup(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITY[c]!);
}
