import type { CaseResult } from '../results/index.ts';
import { decodeLayer, mayHoldEscapes, type DecodedView } from './decoded-view.ts';

/**
 * The one redaction step: any configured secret, in any form it could take on the wire, is replaced
 * before a byte reaches a report, a contract or a log. Case results are redacted once, as data, before any reporter, recorder or
 * log line sees them (personal data was masked earlier, in the worker: src/privacy), and before evidence is
 * cut for display (a cut would hide part of a secret from the search); every writer also passes its
 * text through redactText.
 *
 * Forms: the secret itself; base64 and base64url of it at each of the three byte alignments (so it is
 * found inside `user:secret` Basic credentials and longer blobs); and every one of those however the
 * text escapes it (\u, backslash, percent-encoded in any case or over-encoded, HTML references), found
 * by searching the decoded text. Secrets shorter than 4 characters are not redacted: they would match
 * ordinary text everywhere, and no real credential is that short.
 */
export const REDACTED = '[redacted]';

const SHORTEST_SECRET = 4;
/** Layers of escaping undone (e.g. a percent-encoded \u escape): more is not a real encoding. */
const DECODE_LAYERS = 3;

export function secretForms(secrets: readonly (string | null | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < SHORTEST_SECRET) continue;
    forms.add(secret);
    // application/x-www-form-urlencoded writes a space as "+".
    if (secret.includes(' ')) forms.add(secret.replaceAll(' ', '+'));
    for (const offset of [0, 1, 2]) {
      const middle = base64Middle(Buffer.from(secret, 'utf8'), offset);
      if (middle.length < SHORTEST_SECRET) continue;
      forms.add(middle);
      forms.add(middle.replaceAll('+', '-').replaceAll('/', '_'));
    }
  }
  // Longest first, so a secret is never half-replaced by one of its own shorter forms.
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * The base64 characters that encode only the secret's own bits when it starts `offset` bytes into
 * the encoded data: the characters at either edge also carry neighbouring bytes, so they differ from
 * one blob to another and are left out.
 */
function base64Middle(secret: Buffer, offset: number): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), secret]).toString('base64');
  const firstBit = 8 * offset;
  const endBit = firstBit + 8 * secret.length;
  return encoded.slice(Math.ceil(firstBit / 6), Math.floor(endBit / 6));
}

/** The text with every secret form replaced, as written or behind up to three layers of escapes. Linear in the text. */
export function redactText(text: string, forms: readonly string[]): string {
  if (forms.length === 0 || text.length === 0) return text;
  const spans: Array<[number, number]> = [];
  let view: DecodedView = { text, sources: null };
  collectSpans(view, forms, spans);
  for (let layer = 0; layer < DECODE_LAYERS && mayHoldEscapes(view.text); layer++) {
    const decoded = decodeLayer(view);
    if (decoded.text === view.text) break;
    collectSpans(decoded, forms, spans);
    view = decoded;
  }
  return spans.length === 0 ? text : replaceSpans(text, spans);
}

function collectSpans({ text, sources }: DecodedView, forms: readonly string[], spans: Array<[number, number]>): void {
  for (const form of forms) {
    // Overlapping matches too (from i + 1): "abab" twice in "ababab" leaves nothing of either.
    for (let i = text.indexOf(form); i !== -1; i = text.indexOf(form, i + 1)) {
      spans.push(sources ? [sources[i]!, sources[i + form.length]!] : [i, i + form.length]);
    }
  }
}

function replaceSpans(text: string, spans: Array<[number, number]>): string {
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let end = 0;
  for (const [index, [start, stop]] of spans.entries()) {
    if (index > 0 && start <= end) {
      end = Math.max(end, stop);
      continue;
    }
    if (index > 0) parts.push(REDACTED);
    parts.push(text.slice(end, start));
    end = stop;
  }
  parts.push(REDACTED, text.slice(end));
  return parts.join('');
}

/** Case results with every secret form replaced, in every string they hold, keys included. */
export function redactCaseResults(results: readonly CaseResult[], forms: readonly string[]): CaseResult[] {
  return results.map((result) => redactStrings(result, forms));
}

export function redactStrings<T>(value: T, forms: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, forms) as T;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, forms)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactText(key, forms), redactStrings(item, forms)])) as T;
}
