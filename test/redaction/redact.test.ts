import { describe, expect, it } from 'vitest';
import { displayFinding, excerpt, makeFinding, messageOf } from '../../src/findings/finding.ts';
import { REDACTED, redactStrings, redactText, secretForms } from '../../src/redaction/index.ts';
import { encodings, leaksOf } from '../hostile/secret-encodings.ts';

// A bearer token longer than the display cut, with the characters encoders treat differently.
const SECRET = 'mdz_canary.Bearer_eyJhbGciOiJIUzI1NiJ9.Zm9vYmFy+/=0123456789_abcdefghijklmnopqrstuvwxyz.ABCDEFGH';
const forms = secretForms([SECRET]);

describe('redactText finds a secret in every form', () => {
  for (const [name, form] of Object.entries(encodings(SECRET))) {
    it(`${name}, alone and inside JSON and URL text`, () => {
      // The leak search proves it would see this form: a redaction that misses it fails below.
      expect(leaksOf(`x ${form} y`, SECRET), name).not.toEqual([]);
      for (const text of [form, `{"echo":"${form}","n":1}`, `https://cb.example.test/x?token=${form}&b=2`]) {
        const redacted = redactText(text, forms);
        expect(redacted).toContain(REDACTED);
        expect(leaksOf(redacted, SECRET), `${name} in ${redacted}`).toEqual([]);
      }
    });
  }

  it('keeps the text around a secret as it was', () => {
    expect(redactText(`a ${SECRET} b`, forms)).toBe(`a ${REDACTED} b`);
    expect(redactText(`a \\u0041${SECRET.replaceAll('_', '%5F')}\\u0042 b`, forms)).toBe(`a \\u0041${REDACTED}\\u0042 b`);
    expect(redactText('no secret here, 100% sure & \\ fine', forms)).toBe('no secret here, 100% sure & \\ fine');
  });

  it('finds a secret written in HTML references and Markdown escapes (the renderers\' own escapes)', () => {
    const html = [...SECRET].map((c) => (c === '.' ? '&#46;' : c === '_' ? '&#x5f;' : c)).join('');
    expect(redactText(`<code>${html}</code>`, forms)).toBe(`<code>${REDACTED}</code>`);
    expect(redactText(SECRET.replaceAll('_', '\\_'), forms)).toBe(REDACTED);
  });

  it('redacts overlapping and adjacent occurrences whole', () => {
    const forms = secretForms(['abab']);
    expect(redactText('xababab-abababab', forms)).toBe(`x${REDACTED}-${REDACTED}`);
  });

  it('leaves secrets shorter than 4 characters alone (they would match ordinary text everywhere)', () => {
    expect(secretForms(['abc', '', null, undefined])).toEqual([]);
    expect(redactText('abc', secretForms(['abc']))).toBe('abc');
  });

  it('is linear: a megabyte of escapes and near-misses is redacted in one pass per layer', () => {
    const noise = `%5F\\u0041&amp;${SECRET.slice(0, 11)}`.repeat(40_000);
    const text = `${noise}${encodings(SECRET).overPercentUpper}${noise}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    expect(redactText(text, forms)).toBe(`${noise}${REDACTED}${noise}`);
  });

  it('redacts keys as well as values of structured data', () => {
    expect(redactStrings({ [SECRET]: [SECRET, 1, null] }, forms)).toEqual({ [REDACTED]: [REDACTED, 1, null] });
  });
});

describe('evidence is redacted whole, then cut for display', () => {
  const finding = () =>
    makeFinding({ id: 'response-property-undocumented', vendor: 'midaz', operation: 'GET /x', status: 200, pointer: '/debug', observed: `debug: ${excerpt(`${'-'.repeat(20)}${SECRET}`)}` });

  it('a finding keeps the whole secret in its evidence, so redaction can see it', () => {
    expect(finding().observed).toContain(SECRET);
    expect(messageOf(finding())).toContain(SECRET);
  });

  it('redact then cut shows no part of the secret; cut then redact (the old order) leaks its first characters', () => {
    const shown = displayFinding(redactStrings(finding(), forms));
    expect(shown.observed).toBe(`debug: "${'-'.repeat(20)}${REDACTED}"`);
    expect(messageOf(shown)).toBe(`undocumented property at /debug: debug: "${'-'.repeat(20)}${REDACTED}"`);
    expect(leaksOf(JSON.stringify(shown), SECRET)).toEqual([]);
    const oldOrder = redactStrings(displayFinding(finding()), forms);
    expect(leaksOf(JSON.stringify(oldOrder), SECRET)).not.toEqual([]);
  });

  it('cuts expected and observed to 80 characters and renders the message from them; the fingerprint stays', () => {
    const long = makeFinding({ id: 'response-property-enum-mismatch', vendor: 'v', operation: 'GET /x', status: 200, pointer: '/c', expected: `one of ${excerpt(Array.from({ length: 300 }, (_, i) => `c${i}`))}`, observed: excerpt('z'.repeat(5000)) });
    expect(long.observed).toHaveLength(4096);
    const shown = displayFinding(long);
    expect(shown.expected).toHaveLength(80);
    expect(shown.observed).toBe(`"${'z'.repeat(78)}…`);
    expect(messageOf(shown)).toBe(`value at /c is not one of the documented values: expected ${shown.expected}, got ${shown.observed}`);
    expect(shown.fingerprint).toBe(long.fingerprint);
    expect(displayFinding(shown)).toBe(shown);
  });
});
