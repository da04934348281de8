import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/paths.ts';
import { WHOP_CASES } from './whop-run.ts';

it("the Whop cases the report tests run are the suite's own: same names, credentials and statuses", () => {
  const suite = readFileSync(join(REPO_ROOT, 'suites', 'whop', 'ledger-account.suite.ts'), 'utf8');
  const declared = [...suite.matchAll(/\{ name: '([^']+)'.*?(?:credential: '(\w+)', )?expectStatus: (\d+)/g)].map((m) => [m[1], m[2] ?? 'valid', Number(m[3])]);
  expect(WHOP_CASES.map((c) => [c.name, c.credential ?? 'valid', c.expectStatus])).toEqual(declared);
});
