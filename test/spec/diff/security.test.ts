import { describe, expect, it } from 'vitest';
import { api, diffChanges, graded } from './documents.ts';

type Json = Record<string, unknown>;

const schemes = {
  oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: { r: '', w: '' } } } },
  apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
};
const secured = (security: Json[]) =>
  api({ '/accounts': { get: { security, responses: { '200': { description: 'ok' } } } } }, { components: { securitySchemes: schemes } });

describe('security requirements are alternatives (OR) of schemes and scopes all needed (AND)', () => {
  it('a new alternative beside the old one refuses no one: oasdiff grade', async () => {
    expect(graded(await diffChanges(secured([{ apiKey: [] }]), secured([{ apiKey: [] }, { oauth: ['r'] }])))).toEqual([['api-security-added', '/security/oauth', 'info']]);
  });

  it('a scope in a new alternative beside the old one is not breaking', async () => {
    expect(graded(await diffChanges(secured([{ oauth: ['r'] }]), secured([{ oauth: ['r'] }, { oauth: ['w'] }])))).toEqual([['api-security-scope-added', '/security/oauth/w', 'info']]);
  });

  it('a scheme that every alternative now needs is breaking', async () => {
    expect(graded(await diffChanges(secured([{ apiKey: [] }]), secured([{ apiKey: [], oauth: ['r'] }])))).toEqual([['api-security-added', '/security/oauth', 'breaking']]);
  });

  it('a scope added to the only alternative is breaking', async () => {
    expect(graded(await diffChanges(secured([{ oauth: ['r'] }]), secured([{ oauth: ['r', 'w'] }])))).toEqual([['api-security-scope-added', '/security/oauth/w', 'breaking']]);
  });

  it('two alternatives merged into one that needs both refuses holders of either: breaking, though no scheme is new', async () => {
    expect(graded(await diffChanges(secured([{ apiKey: [] }, { oauth: ['r'] }]), secured([{ apiKey: [], oauth: ['r'] }])))).toEqual([
      ['api-security-added', '/security/apiKey', 'breaking'],
      ['api-security-added', '/security/oauth', 'breaking'],
    ]);
  });

  it('an open operation that starts asking for a credential is breaking', async () => {
    expect(graded(await diffChanges(secured([]), secured([{ apiKey: [] }])))).toEqual([['api-security-added', '/security/apiKey', 'breaking']]);
  });

  it('an alternative dropped refuses who held only it: breaking', async () => {
    expect(graded(await diffChanges(secured([{ apiKey: [] }, { oauth: ['r'] }]), secured([{ oauth: ['r'] }])))).toEqual([['api-security-removed', '/security/apiKey', 'breaking']]);
    expect(graded(await diffChanges(secured([{ oauth: ['r'] }, { oauth: ['w'] }]), secured([{ oauth: ['r'] }])))).toEqual([['api-security-scope-removed', '/security/oauth/w', 'breaking']]);
  });

  it('a scheme or scope no longer needed refuses no one: oasdiff grade', async () => {
    expect(graded(await diffChanges(secured([{ apiKey: [], oauth: ['r', 'w'] }]), secured([{ oauth: ['r'] }])))).toEqual([
      ['api-security-removed', '/security/apiKey', 'info'],
      ['api-security-scope-removed', '/security/oauth/w', 'info'],
    ]);
  });
});

describe('document-level security', () => {
  const global = (security: Json[]) => ({ ...secured([]), paths: { '/accounts': { get: { responses: { '200': { description: 'ok' } } } } }, security });

  it('is reported once with no operation, beside the operations it reaches', async () => {
    const changes = await diffChanges(global([{ apiKey: [] }]), global([{ apiKey: [], oauth: ['r'] }]));
    expect(changes.map((change) => [change.id, change.operation, change.severity])).toEqual([
      ['api-security-added', 'GET /accounts', 'breaking'],
      ['api-global-security-added', null, 'info'],
    ]);
  });

  it('an operation with its own security is not reached by a change of the default', async () => {
    const own = (security: Json[]) => ({ ...global(security), paths: { '/accounts': { get: { security: [{ apiKey: [] }], responses: { '200': { description: 'ok' } } } } } });
    expect(graded(await diffChanges(own([{ oauth: ['r'] }]), own([{ oauth: ['r', 'w'] }])))).toEqual([['api-global-security-scope-added', '/security/oauth/w', 'info']]);
  });
});
