import { describe, expect, it } from 'vitest';
import { account, diffRows, GET, object } from './documents.ts';

type Json = Record<string, unknown>;

const nest = (levels: number, leaf: Json): Json => (levels === 0 ? leaf : { allOf: [nest(levels - 1, leaf)] });

describe('allOf', () => {
  it('members are merged through 8 levels of allOf inside allOf', async () => {
    const body = (type: string) => account(nest(8, object({ balance: { type } }, ['balance'])));
    expect(await diffRows(body('integer'), body('string'))).toEqual([['response-property-type-changed', GET, '200', '/balance']]);
  });

  it('a member nested deeper than 8 levels is not merged (hostile documents), so nothing there is compared', async () => {
    const body = (type: string) => account(nest(9, object({ balance: { type } }, ['balance'])));
    expect(await diffRows(body('integer'), body('string'))).toEqual([]);
  });

  it('members repeated at every level are viewed once each: 8 members over 8 levels finish', async () => {
    const schemas: Json = {};
    const document = (type: string) => {
      for (let i = 0; i < 8; i++) schemas[`L${i}`] = { allOf: Array.from({ length: 8 }, () => ({ $ref: `#/components/schemas/L${i + 1}` })) };
      schemas.L8 = object({ balance: { type } });
      return account({ $ref: '#/components/schemas/L0' }, { components: { schemas: { ...schemas } } });
    };
    expect(await diffRows(document('integer'), document('string'))).toEqual([['response-property-type-changed', GET, '200', '/balance']]);
  });
});
