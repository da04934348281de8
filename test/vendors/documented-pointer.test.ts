import { describe, expect, it } from 'vitest';
import { documentsPointer } from '../../src/vendors/documented-pointer.ts';

/** A success body of `schema`, its local references resolved in a document with `schemas` as components. */
function body(schema: unknown, schemas: Record<string, unknown> = {}) {
  return { file: 'specs/x.yaml', document: { components: { schemas } }, schemas: [schema] };
}

const node = { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } };

describe('a body pointer is documented by the success schema', () => {
  it.each([
    ['/name', true],
    ['/children/*/name', true],
    ['/children/0/children/12/name', true],
    ['/children/*/nome', false],
    ['/children/first/name', false],
    ['/name/length', false],
  ])('through a self-referencing $ref (cycle-safe): %s', (pointer, documented) => {
    expect(documentsPointer(body({ $ref: '#/components/schemas/Node' }, { Node: node }), pointer)).toBe(documented);
  });

  it('through allOf, oneOf and anyOf branches, any of which may hold the property', () => {
    const schema = { allOf: [{ properties: { a: { type: 'string' } } }], oneOf: [{ properties: { b: { type: 'string' } } }], anyOf: [{ properties: { c: { type: 'string' } } }] };
    expect(['/a', '/b', '/c', '/d'].map((pointer) => documentsPointer(body(schema), pointer))).toEqual([true, true, true, false]);
  });

  it('a * stands for any key of additional properties, or any declared property', () => {
    const schema = { type: 'object', properties: { position: { type: 'object', properties: { available: { type: 'string' } } }, metadata: { type: 'object', additionalProperties: { type: 'string' } } } };
    expect(['/metadata/*', '/metadata/costCenter', '/position/*', '/position/available', '/position/other'].map((pointer) => documentsPointer(body(schema), pointer))).toEqual([true, true, true, true, false]);
  });

  it('an undeclared property of an object without additional properties is not documented', () => {
    expect(documentsPointer(body({ type: 'object', properties: { id: { type: 'string' } }, additionalProperties: false }), '/other')).toBe(false);
  });

  it('below a schema that constrains nothing, or an external $ref, any pointer may be', () => {
    expect(documentsPointer(body({ type: 'object', properties: { free: {} } }), '/free/any/depth')).toBe(true);
    expect(documentsPointer(body({ $ref: 'other.yaml#/Thing' }), '/whatever')).toBe(true);
  });

  it('references that loop back on themselves end, each schema looked at once', () => {
    const loop = { A: { allOf: [{ $ref: '#/components/schemas/B' }] }, B: { allOf: [{ $ref: '#/components/schemas/A' }], properties: { id: { type: 'string' } } } };
    expect(documentsPointer(body({ $ref: '#/components/schemas/A' }, loop), '/id')).toBe(true);
    expect(documentsPointer(body({ $ref: '#/components/schemas/A' }, loop), '/other')).toBe(false);
  });

  it('a $ref to nothing documents nothing', () => {
    expect(documentsPointer(body({ $ref: '#/components/schemas/Missing' }), '/id')).toBe(false);
  });

  it('an operation without a success body documents no pointer', () => {
    expect(documentsPointer({ file: 'specs/x.yaml', document: {}, schemas: [] }, '/id')).toBe(false);
  });

  it('a document wider than the bound is taken as documenting the pointer, never a false error', () => {
    const wide = { oneOf: Array.from({ length: 20_000 }, (_, index) => ({ properties: { [`p${index}`]: { type: 'string' } } })) };
    expect(documentsPointer(body(wide), '/nowhere')).toBe(true);
  });
});

describe('a vendor document of huge arrays', () => {
  const many = (schema: unknown) => Array.from({ length: 200_000 }, () => schema);

  it.each(['allOf', 'oneOf', 'anyOf'])('is read within the visit bound, 200,000 %s entries and all, without overflowing the stack', (branch) => {
    expect(documentsPointer(body({ [branch]: many({ properties: { a: { type: 'string' } } }) }), '/a')).toBe(true);
  });

  it('of properties, prefix items and pattern properties is read without overflowing the stack', () => {
    const properties = Object.fromEntries(many(null).map((_, i) => [`p${i}`, { type: 'string' }]));
    expect(documentsPointer(body({ type: 'object', properties, patternProperties: properties }), '/*')).toBe(true);
    expect(documentsPointer(body({ type: 'array', prefixItems: many({ type: 'string' }) }), '/0')).toBe(true);
  });
});
