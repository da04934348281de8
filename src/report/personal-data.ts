import { createHash } from 'node:crypto';
import type { CaseResult } from '../run/result.ts';

/**
 * Personal data in vendors' bodies (Whop's payout_account_details carries a representative's name,
 * birth date, phone, email and street address) never reaches a report or a contract. Values are
 * found by the key that holds them and replaced everywhere with placeholders that keep their type
 * and shape (an email stays an email) and are stable (the same value always gets the same one), so
 * contracts still match and two runs still compare.
 */
const PERSONAL_KEYS: Record<string, (value: string) => string> = {
  email: (v) => `person-${digest(v)}@example.invalid`,
  phone: (v) => `+1555${digits(v, 7)}`,
  phone_number: (v) => `+1555${digits(v, 7)}`,
  date_of_birth: () => '1970-01-01',
  birth_date: () => '1970-01-01',
  dob: () => '1970-01-01',
  name: (v) => `name-${digest(v)}`,
  full_name: (v) => `name-${digest(v)}`,
  first_name: (v) => `first-${digest(v)}`,
  middle_name: (v) => `middle-${digest(v)}`,
  last_name: (v) => `last-${digest(v)}`,
  username: (v) => `user-${digest(v)}`,
  line1: (v) => `street-${digest(v)}`,
  line2: (v) => `street-${digest(v)}`,
  street: (v) => `street-${digest(v)}`,
  city: (v) => `city-${digest(v)}`,
  postal_code: (v) => digits(v, Math.max(4, Math.min(v.length, 10))),
  zip: (v) => digits(v, 5),
};

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
  if (replacements.size === 0) return [...results];
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

/** Replaces each value where it stands as a JSON string token ("Ada Ng"), wherever that text is. */
export function maskText(text: string, replacements: ReadonlyMap<string, string>): string {
  let masked = text;
  for (const [value, placeholder] of replacements) {
    const token = JSON.stringify(value);
    if (masked.includes(token)) masked = masked.split(token).join(JSON.stringify(placeholder));
  }
  return masked;
}

function collect(value: unknown, found: Map<string, string>): void {
  // Iterative: a hostile body may nest deeper than the call stack.
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      const placeholder = Array.isArray(node) ? undefined : PERSONAL_KEYS[key.toLowerCase()];
      if (placeholder && typeof child === 'string' && child !== '' && !found.has(child)) found.set(child, placeholder(child));
      else stack.push(child);
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
