import { expect, it } from 'vitest';
import { seedVendor } from '../../support/seed-vendors.ts';
import { WHOP_CASES } from './whop-run.ts';

it("the Whop cases the report tests run are the vendor file's own: same names, credentials and statuses", () => {
  const declared = seedVendor('whop').cases.map((c) => [c.name, c.credential ?? 'valid', c.expectStatus]);
  expect(WHOP_CASES.map((c) => [c.name, c.credential ?? 'valid', c.expectStatus])).toEqual(declared);
});
