import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkResponse, NO_SEMANTIC_INPUT } from '../../../src/checks/index.ts';
import { loadSpec } from '../../../src/spec/load.ts';
import { REPO_ROOT } from '../../support/paths.ts';

describe('idEcho: ids that should echo the request path parameters', () => {
  it('names, for each id that does not echo, its own parameter and the value sent', async () => {
    const spec = await loadSpec('specs/midaz/3.7.1.yaml', { cwd: REPO_ROOT });
    const body = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'bodies', 'midaz-balance.json'), 'utf8'));
    const params = { organization_id: 'org-sent', ledger_id: body.ledgerId, account_id: 'account-sent' };
    const response = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
    const mismatches = checkResponse(spec, spec.operations[0]!, response, { semantic: { ...NO_SEMANTIC_INPUT, params } })
      .filter((finding) => finding.id === 'cross-response-mismatch')
      .map(({ pointer, expected, observed }) => [pointer, expected, observed]);
    expect(mismatches).toEqual([
      ['/organizationId', 'org-sent (path parameter organization_id)', body.organizationId],
      ['/accountId', 'account-sent (path parameter account_id)', body.accountId],
    ]);
  });
});
