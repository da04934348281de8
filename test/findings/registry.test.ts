import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, makeFinding, messageOf } from '../../src/findings/finding.ts';
import { FINDING_IDS, FINDING_KINDS } from '../../src/findings/registry.ts';
import { REPO_ROOT } from '../support/paths.ts';

describe('the finding registry', () => {
  it('uses stable kebab-case IDs', () => {
    for (const id of FINDING_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it('renders a message for every ID from its data alone', () => {
    for (const id of FINDING_IDS) {
      const finding = makeFinding({ id, vendor: 'whop', operation: 'GET /x', status: 200, pointer: '/a', expected: 'E', observed: 'O', location: { file: 'f.yaml', pointer: '/p' } });
      expect(messageOf(finding).length, id).toBeGreaterThan(10);
      expect(messageOf(finding), id).not.toMatch(/undefined|\[object/);
    }
  });

  it('puts the money checks in the category semantic, breaking where money is wrong and warning otherwise', () => {
    const semantic = Object.entries(FINDING_KINDS).filter(([, kind]) => kind.category === 'semantic');
    expect(Object.fromEntries(semantic.map(([id, kind]) => [id, kind.severity]))).toEqual({
      'amount-precision-lost': 'breaking',
      'amount-scale-exceeds-currency': 'breaking',
      'amount-encoding-changed': 'warning',
      'balance-invariant-violated': 'breaking',
      'cross-response-mismatch': 'breaking',
      'timestamp-order-violated': 'warning',
      'currency-code-unknown': 'warning',
    });
  });

  it('documents every ID, its default severity and description in docs/findings.md', () => {
    const page = readFileSync(join(REPO_ROOT, 'docs', 'findings.md'), 'utf8');
    for (const [id, kind] of Object.entries(FINDING_KINDS)) {
      expect(page, id).toContain(`| \`${id}\` | ${kind.severity} | ${kind.description} |`);
    }
  });
});

describe('fingerprints', () => {
  const base = { id: 'response-property-missing', vendor: 'whop', operation: 'GET /ledger_accounts/{id}', status: 200, location: null };

  it('are 12 hex characters and ignore array indices', () => {
    const a = fingerprint({ ...base, pointer: '/balances/0/currency' });
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint({ ...base, pointer: '/balances/17/currency' })).toBe(a);
  });

  it('change with the id, vendor, operation, status or pointer', () => {
    const a = fingerprint({ ...base, pointer: '/id' });
    expect(new Set([
      a,
      fingerprint({ ...base, pointer: '/id', id: 'response-property-type-mismatch' }),
      fingerprint({ ...base, pointer: '/id', vendor: 'midaz' }),
      fingerprint({ ...base, pointer: '/id', operation: 'GET /other' }),
      fingerprint({ ...base, pointer: '/id', status: 404 }),
      fingerprint({ ...base, pointer: '/name' }),
    ]).size).toBe(6);
  });

  it('do not depend on observed values', () => {
    const one = makeFinding({ id: 'response-property-type-mismatch', vendor: 'whop', pointer: '/a', observed: 'string "1"' });
    const two = makeFinding({ id: 'response-property-type-mismatch', vendor: 'whop', pointer: '/a', observed: 'string "2"' });
    expect(one.fingerprint).toBe(two.fingerprint);
  });
});
