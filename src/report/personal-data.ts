import { createHash } from 'node:crypto';
import type { CaseResult } from '../run/result.ts';

/**
 * Personal data in vendors' bodies (Whop's payout_account_details carries a representative's name,
 * birth date, phone, email and street address) never reaches a report or a contract. Values are
 * found by the key that holds them and replaced everywhere with placeholders that keep their type
 * and shape (an email stays an email) and are stable (the same value always gets the same one), so
 * contracts still match and two runs still compare.
 */
const EMAIL = (v: string) => `person-${digest(v)}@example.invalid`;
const PHONE = (v: string) => `+1555${digits(v, 7)}`;

/** By the key that holds a value: the first rule whose pattern matches the key decides the placeholder. */
const PERSONAL_KEYS: Array<[RegExp, (value: string) => string]> = [
  [/e-?mail/i, EMAIL],
  [/phone|mobile/i, PHONE],
  [/birth|^dob$/i, () => '1970-01-01'],
  [/^(first|middle|last|full|given|family|sur)_?name$|^name$|^user_?name$/i, (v) => `name-${digest(v)}`],
  [/^(address_?)?line_?[123]$|street|^city$|^town$/i, (v) => `place-${digest(v)}`],
  [/postal|^zip|postcode/i, (v) => digits(v, Math.max(4, Math.min(v.length, 10)))],
];

/** An email is personal wherever it stands, whatever its key. */
const LOOKS_LIKE_EMAIL = /^[^@\s"]+@[^@\s"]+\.[A-Za-z]{2,}$/;

function placeholderFor(key: string | null, value: string): string | undefined {
  if (LOOKS_LIKE_EMAIL.test(value)) return EMAIL(value);
  if (key === null) return undefined;
  return PERSONAL_KEYS.find(([pattern]) => pattern.test(key))?.[1](value);
}

/** A replacement for each personal value found in the results' JSON bodies. */
export function personalDataIn(results: readonly CaseResult[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const result of results) {
    const body = result.response?.body;
    if (!body) continue;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      continue;
    }
    collect(value, found);
  }
  return found;
}

/** The results with every personal value replaced in bodies and in findings' evidence. */
export function maskPersonalData(results: readonly CaseResult[]): CaseResult[] {
  const replacements = personalDataIn(results);
  const mask = (text: string) => maskText(text, replacements);
  return results.map((result) => ({
    ...result,
    response: result.response && { ...result.response, body: mask(result.response.body) },
    findings: result.findings.map((finding) => ({
      ...finding,
      expected: finding.expected === null ? null : mask(finding.expected),
      observed: finding.observed === null ? null : mask(finding.observed),
      message: mask(finding.message),
    })),
  }));
}

/**
 * Replaces each value wherever it stands in a text (as JSON writes it, so a quote inside a name still
 * matches), and any email address at all, even inside a sentence of an error message.
 */
export function maskText(text: string, replacements: ReadonlyMap<string, string>): string {
  let masked = text;
  for (const [value, placeholder] of replacements) {
    const short = value.length < MIN_MASKED_LENGTH;
    const [found, replacement] = short ? [JSON.stringify(value), JSON.stringify(placeholder)] : [JSON.stringify(value).slice(1, -1), JSON.stringify(placeholder).slice(1, -1)];
    if (masked.includes(found)) masked = masked.split(found).join(replacement);
  }
  if (!masked.includes('@')) return masked;
  return masked.replace(EMAIL_IN_TEXT, (email) => (email.endsWith('@example.invalid') ? email : EMAIL(email)));
}

// Shorter values ("Ng", "IL") would be masked inside unrelated words: they are masked as whole values only.
const MIN_MASKED_LENGTH = 4;
// Bounded repetitions (RFC 5321's limits) keep the scan linear on hostile bodies (a megabyte of "x").
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;

function collect(value: unknown, found: Map<string, string>): void {
  // Iterative: a hostile body may nest deeper than the call stack.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      if (typeof child !== 'string') {
        stack.push(child);
        continue;
      }
      const placeholder = child === '' || found.has(child) ? undefined : placeholderFor(Array.isArray(node) ? null : key, child);
      if (placeholder) found.set(child, placeholder);
    }
  }
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}

function digits(value: string, count: number): string {
  const hex = createHash('sha256').update(value).digest('hex');
  return [...hex].map((c) => parseInt(c, 16) % 10).join('').slice(0, count);
}
