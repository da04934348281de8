import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../../src/schema/registry.ts';

// Whether a document can hold a body to an integer decides whether the checker reads a body's text
// again for fractions JSON.parse dropped (checks/body-schema.ts): a wrong "no" would hide a finding.
describe('whether a document types any value integer', () => {
  const registry = new SchemaRegistry();
  const typesIntegers = (document: object) => registry.typesIntegers(registry.register(document));
  const schemas = (schema: object) => ({ components: { schemas: { Account: schema } } });

  it.each([
    ['a property', schemas({ type: 'object', properties: { version: { type: 'integer' } } })],
    ['a type list with null', schemas({ properties: { version: { type: ['integer', 'null'] } } })],
    ['deep in a oneOf branch of array items', schemas({ properties: { rows: { items: { oneOf: [{ type: 'string' }, { properties: { n: { type: 'integer' } } }] } } } })],
  ])('yes for %s', (_name, document) => expect(typesIntegers(document)).toBe(true));

  it.each([
    ['numbers only', schemas({ type: 'object', properties: { balance: { type: 'number' }, rate: { type: ['number', 'null'] } } })],
    ['the word only in a description or an enum', schemas({ properties: { kind: { type: 'string', enum: ['integer'], description: 'type: integer' } } })],
  ])('no for %s', (_name, document) => expect(typesIntegers(document)).toBe(false));

  it('asks again after a document is replaced', () => {
    const id = registry.register(schemas({ properties: { n: { type: 'number' } } }));
    expect(registry.typesIntegers(id)).toBe(false);
    registry.replace(id, schemas({ properties: { n: { type: 'integer' } } }));
    expect(registry.typesIntegers(id)).toBe(true);
  });
});
