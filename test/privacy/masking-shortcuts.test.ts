import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkInspected, inspectResponse, responseFacts } from '../../src/checks/index.ts';
import { escapeSegment } from '../../src/json/index.ts';
import { bodyKnowledge, ListedPointers, maskResponse, type MaskedResponse } from '../../src/privacy/index.ts';
import { maskedPointer } from '../../src/privacy/mask-keys.ts';
import { stringPlaceholder } from '../../src/privacy/placeholder.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { LoadedSpec } from '../../src/spec/types.ts';
import { leaksOf, unicodeEscaped } from '../hostile/secret-encodings.ts';

/**
 * The shortcuts masking takes to cost less per response, each held to a canary it must not let
 * through: what a Shape remembers from one body (declared names, where members start) applied to the
 * next, masked objects as plain objects (a `__proto__` key), the depth a result carries noted during
 * the walk, and a branch pointer returned unchanged when none of its keys is masked.
 */
// One operation whose 200 is a Thing; JSON is YAML, so the document is written as an object.
const THING = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    known: { type: 'object', properties: { code: { const: 'Canary Const-Person' } } },
    free: { type: 'object', properties: { code: { type: 'string' } } },
    pair: { type: 'array', prefixItems: [{ const: 'Canary Pair-Person' }, { type: 'string' }] },
    list: { type: 'array', items: { type: 'object', properties: { code: { type: 'string', enum: ['a', 'b'] } } } },
    scores: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'integer' }] } },
    extra: {},
  },
};
const DOCUMENT = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'shortcuts', version: '1' },
  paths: { '/things': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } } } },
  components: { schemas: { Thing: THING } },
});

const CANARY = 'Canary Shortcut-Person';

let spec: LoadedSpec;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'conform-masking-shortcuts-'));
  await writeFile(join(dir, 'shortcuts.yaml'), DOCUMENT);
  spec = await loadSpec('shortcuts.yaml', { cwd: dir, vendor: 'shortcuts' });
});

/** One response through the checks and the masking, as the suite runtime does it. */
function mask(text: string, options: { sent?: string[]; listed?: string[] } = {}): MaskedResponse {
  const operation = spec.operations.find((o) => o.key === 'GET /things')!;
  const response = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(text), truncated: false };
  const inspected = inspectResponse(spec, operation, response);
  const findings = checkInspected(inspected, { integrity: true });
  const knowledge = bodyKnowledge(spec, inspected.media?.schemaPointer ?? null, options.sent ?? [], new ListedPointers(options.listed ?? []));
  return maskResponse({ ...response, parsed: inspected.json?.ok ? inspected.json : undefined, findings, branches: responseFacts(inspected).branches }, knowledge);
}

/** Everything a masked response carries out of the worker, searched for `secret` in every encoding the canary tests know. */
function leaks(masked: MaskedResponse, secret: string): string[] {
  const carried = JSON.stringify(masked.parsed?.value ?? null);
  return leaksOf([masked.body, carried, JSON.stringify(masked.findings), JSON.stringify(masked.branches)].join('\n'), secret);
}

/** The canary written plainly and \u-escaped in a JSON text: JSON.parse decodes both to the same string. */
const written = (value: string) => [JSON.stringify(value), `"${unicodeEscaped(value)}"`];

describe('what one body teaches masking is never shown for the next', () => {
  it('a value a place constrains shows there, and is masked at a place with the same member name that does not constrain it, however often', () => {
    for (let round = 0; round < 3; round++) {
      for (const canary of written('Canary Const-Person')) {
        const masked = mask(`{"known":{"code":${canary}},"free":{"code":${canary}}}`);
        const json = JSON.parse(masked.body) as { known: { code: string }; free: { code: string } };
        expect(json.known.code).toBe('Canary Const-Person');
        expect(json.free.code).not.toBe('Canary Const-Person');
        expect(JSON.stringify(json.free)).not.toContain('Canary');
      }
    }
  });

  it('an item with its own prefixItems schema is masked though the item before it was shown', () => {
    for (let round = 0; round < 3; round++) {
      const masked = mask(`{"pair":["Canary Pair-Person","Canary Pair-Person"],"list":[{"code":"a"},{"code":"${CANARY}"}]}`);
      const json = JSON.parse(masked.body) as { pair: string[]; list: Array<{ code: string }> };
      expect(json.pair[0]).toBe('Canary Pair-Person');
      expect(json.pair[1]).not.toContain('Canary');
      expect(json.list[0]!.code).toBe('a');
      expect(leaks(masked, CANARY)).toEqual([]);
    }
  });

  it('an undeclared key and its value are masked after bodies that declared every key', () => {
    mask('{"id":"x","free":{"code":"a"}}');
    for (const canary of written(CANARY)) {
      const masked = mask(`{"id":"x","free":{"code":"a",${canary}:${canary}},${canary}:{"code":${canary}}}`);
      expect(leaks(masked, CANARY)).toEqual([]);
      expect(Object.keys(JSON.parse(masked.body) as object)).toEqual(['id', 'free', stringPlaceholder(CANARY)]);
    }
  });
});

describe('masked objects are plain objects', () => {
  it('a key named __proto__ stays a key of the masked body and of the carried value: masked when undeclared, shown when the case sent it', () => {
    for (const canary of written(CANARY)) {
      const text = `{"id":"x","__proto__":{"name":${canary}}}`;
      const masked = mask(text);
      expect(Object.keys(JSON.parse(masked.body) as object)).toEqual(['id', stringPlaceholder('__proto__')]);
      expect(leaks(masked, CANARY)).toEqual([]);
      const sent = mask(text, { sent: ['__proto__'] });
      const body = JSON.parse(sent.body) as Record<string, object>;
      expect(Object.keys(body)).toEqual(['id', '__proto__']);
      expect(Object.keys(body['__proto__']!)).toEqual([stringPlaceholder('name')]);
      const carried = sent.parsed!.value as object;
      expect(Object.getPrototypeOf(carried)).toBe(Object.prototype);
      expect(Object.keys(carried)).toEqual(['id', '__proto__']);
      expect(leaks(sent, CANARY)).toEqual([]);
    }
  });
});

describe('the depth a result carries, noted while masking', () => {
  /** How deep the deepest container of a value sits (the root is at 0), and whether it holds anything. */
  function deepest(value: unknown): { depth: number; empty: boolean } {
    let depth = 0;
    let node = value;
    while (typeof node === 'object' && node !== null) {
      const members = Object.values(node);
      const inner = members.find((member) => typeof member === 'object' && member !== null);
      if (inner === undefined) return { depth, empty: members.length === 0 };
      node = inner;
      depth += 1;
    }
    return { depth, empty: false };
  }

  it('a container at depth 64 is carried empty; one at 63 keeps its value; the body text keeps all of it', () => {
    const nested = (levels: number) => `${'['.repeat(levels)}${JSON.stringify(CANARY)}${']'.repeat(levels)}`;
    const kept = mask(nested(64));
    expect(deepest(kept.parsed!.value)).toEqual({ depth: 63, empty: false });
    const cut = mask(nested(65));
    expect(deepest(cut.parsed!.value)).toEqual({ depth: 64, empty: true });
    expect(cut.body.startsWith('['.repeat(65))).toBe(true);
    for (const masked of [kept, cut]) expect(leaks(masked, CANARY)).toEqual([]);
  });

  it('a listed place is carried as it came, and still cut where it nests too deep', () => {
    const text = `{"extra":${'{"a":'.repeat(70)}"Listed"${'}'.repeat(70)}}`;
    const masked = mask(text, { listed: ['/extra'] });
    expect(masked.body).toBe(text);
    expect(deepest(masked.parsed!.value)).toEqual({ depth: 64, empty: true });
  });
});

describe('branch pointers', () => {
  it('keep a pointer whose keys are all shown, and mask a key with an escaped character in it', () => {
    expect(Object.keys(mask('{"scores":{"id":3}}', { sent: ['id'] }).branches)).toEqual(['/scores/id']);
    for (const key of [`${CANARY}/x@example.com`, `${CANARY}~x@example.com`, `${CANARY}@example.com`]) {
      const masked = mask(`{"scores":{${JSON.stringify(key)}:3}}`);
      expect(Object.keys(masked.branches)).toEqual([`/scores/${escapeSegment(stringPlaceholder(key))}`]);
      expect(leaks(masked, CANARY)).toEqual([]);
    }
  });

  it('write a pointer given as a fragment or with an escape the way every other pointer is written', () => {
    expect(maskedPointer('#/id', { id: 1 }, new WeakMap())).toBe('/id');
    expect(maskedPointer('/a~1b', { 'a/b': 1 }, new WeakMap())).toBe('/a~1b');
  });
});
