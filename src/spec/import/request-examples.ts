import { RE2JS } from 're2js';

/** A request shown as a curl example on a rendered page. */
export interface RequestExample {
  method: string;
  url: string;
}

// A curl command with its backslash-continued lines.
const CURL_COMMAND = /\bcurl\b(?:[^\n]*\\\r?\n)*[^\n]*/g;
const METHOD_OPTION = /(?:--request|-X)\s+['"]?([A-Za-z]+)/;
const URL_OPTION = /(?:--url\s+)?['"]?(https?:\/\/[^\s'"]+)/;

export function findRequestExamples(text: string): RequestExample[] {
  return [...text.matchAll(CURL_COMMAND)].flatMap(([command]) => {
    const url = URL_OPTION.exec(command)?.[1];
    if (url === undefined) return [];
    return [{ method: (METHOD_OPTION.exec(command)?.[1] ?? 'GET').toUpperCase(), url }];
  });
}

/**
 * The server part of `url` if it is a request to `pathTemplate`: rendered pages show either the
 * template itself ("{account_id}") or a sample value, so each template segment matches any segment.
 * On RE2: both the template and the URL are the vendor's, and adjacent parameters ("/{a}{b}{c}{d}")
 * made V8 backtrack polynomially (16 s for a 400-character URL).
 */
export function serverOf(url: string, pathTemplate: string): string | null {
  const pattern = pathTemplate
    .split(/\{[^}]*\}/)
    .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  const matcher = RE2JS.compile(`^(https?://.+?)${pattern}(?:[?#].*)?$`).matcher(url);
  return matcher.matches() ? matcher.group(1) : null;
}
