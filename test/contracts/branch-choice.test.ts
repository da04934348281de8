import { describe, expect, it } from 'vitest';
import { planInteraction } from '../../src/contracts/interaction.ts';
import { jsonResponse, petsDocument, runOneAnswer } from '../checks/one-answer.ts';

// Cat comes first and fits a dog's body on every point a structural look checks (a string kind, a
// numeric age), but lacks what Cat requires: the validator holds the body to Dog, whose age is an integer.
const PETS = petsDocument(
  { '200': jsonResponse({ $ref: '#/components/schemas/Pet' }) },
  {
    Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] },
    Cat: { type: 'object', required: ['kind', 'lives', 'whiskers'], properties: { kind: { type: 'string' }, age: { type: 'number' }, lives: { type: 'integer' }, whiskers: { type: 'integer' } } },
    Dog: { type: 'object', required: ['kind'], properties: { kind: { const: 'dog' }, age: { type: 'integer' }, bark: { type: 'string', enum: ['loud', 'soft'] } } },
  },
);
const DOG = '/components/schemas/Pet/oneOf/1';

const like = (value: unknown) => ({ 'pact:matcher:type': 'type', value });
const equal = (value: unknown) => ({ 'pact:matcher:type': 'equality', value });
const integer = (value: number) => ({ 'pact:matcher:type': 'integer', value });
const shaped = (regex: string, value: string) => ({ 'pact:matcher:type': [{ 'pact:matcher:type': 'type' }, { 'pact:matcher:type': 'regex', regex }], value });

async function recorded(body: unknown) {
  const { result, spec } = await runOneAnswer(PETS, { status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  return { result, body: planInteraction(result, spec.document).response.body };
}

describe("a contract holds a body to the oneOf branch the checker chose, not the first that looks like it fits", () => {
  it('a valid body: the branch that passed', async () => {
    const { result, body } = await recorded({ kind: 'dog', age: 3, bark: 'loud' });
    expect(result.findings).toEqual([]);
    expect(result.derived!.branches).toEqual({ '': [DOG] });
    expect(body).toEqual(like({ kind: equal('dog'), age: integer(3), bark: shaped('^(?:loud|soft)$', 'loud') }));
  });

  it("an invalid body: the branch the checker's violations are reported against", async () => {
    const { result, body } = await recorded({ kind: 'dog', age: 3, bark: 'howl' });
    expect(result.findings.map((f) => [f.id, f.pointer])).toEqual([['response-property-enum-mismatch', '/bark']]);
    expect(result.derived!.branches).toEqual({ '': [DOG] });
    // Masking cannot tell which branch an invalid body meant, so it hides the kind; the age it shows.
    expect((body as { value: { age: unknown } }).value.age).toEqual(integer(3));
  });
});
