import { describe, expect, it } from 'vitest';
import { findMediaType, findOperation, findResponse } from '../../src/spec/lookup.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { REPO_ROOT } from '../support/paths.ts';

describe('finding the operation a URL hit', () => {
  it("strips the server's base path", async () => {
    const whop = await loadSpec('specs/whop/1.0.0.yaml', { cwd: REPO_ROOT });
    expect(findOperation(whop, 'GET', 'https://api.whop.com/api/v1/ledger_accounts/ldgr_1')?.key).toBe('GET /ledger_accounts/{id}');
    expect(findOperation(whop, 'get', 'http://127.0.0.1:4000/api/v1/ledger_accounts/ldgr_1')?.key).toBe('GET /ledger_accounts/{id}');
    expect(findOperation(whop, 'POST', 'https://api.whop.com/api/v1/ledger_accounts/ldgr_1')).toBeUndefined();
  });

  it('matches percent-encoded segments and ignores a trailing slash', async () => {
    const pets = await loadSpec('test/fixtures/specs/pets.json', { cwd: REPO_ROOT });
    expect(findOperation(pets, 'GET', 'https://api.example.test/v2/pets/a%20b')?.key).toBe('GET /pets/{id}/');
    expect(findOperation(pets, 'GET', 'https://api.example.test/v2/pets/a%2Fb/')?.key).toBe('GET /pets/{id}/');
    expect(findOperation(pets, 'GET', 'https://api.example.test/v2/pets/a/b')).toBeUndefined();
  });

  it('prefers literal segments over templates', async () => {
    const pets = await loadSpec('test/fixtures/specs/pets.json', { cwd: REPO_ROOT });
    expect(findOperation(pets, 'GET', '/v2/pets/mine')?.key).toBe('GET /pets/mine');
  });

  it('matches Midaz paths with three ids', async () => {
    const midaz = await loadSpec('specs/midaz/3.7.1.yaml', { cwd: REPO_ROOT });
    const url = 'https://ledger.sandbox.lerian.net/v1/organizations/o1/ledgers/l1/accounts/a1/balances';
    expect(findOperation(midaz, 'GET', url)?.path).toBe('/v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances');
  });
});

describe('finding the documented response and media type', () => {
  it('takes the exact status, then the range, then default', async () => {
    const spec = await loadSpec('test/fixtures/specs/ranges.yaml', { cwd: REPO_ROOT });
    const operation = spec.operations.find((o) => o.key === 'GET /things/{id}')!;
    expect(findResponse(operation, 404)?.statusKey).toBe('404');
    expect(findResponse(operation, 422)?.statusKey).toBe('4XX');
    expect(findResponse(operation, 503)?.statusKey).toBe('default');
  });

  it('ignores parameters and understands wildcards', async () => {
    const pets = await loadSpec('test/fixtures/specs/pets.json', { cwd: REPO_ROOT });
    const response = findResponse(pets.operations[0]!, 200)!;
    expect(findMediaType(response, 'application/vnd.pets+json; charset=utf-8')?.mediaType).toBe('application/vnd.pets+json');
    expect(findMediaType(response, 'text/csv')?.mediaType).toBe('text/*');
    expect(findMediaType(response, 'application/json')).toBeUndefined();
  });
});
