import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siblingModule } from '../../src/contracts/pact-child.ts';
import { REPO_ROOT } from '../support/paths.ts';

describe('the module a Pact child runs, from the sources', () => {
  // The unit project's globalSetup has just built dist/ from the sources: a child need not go through tsx.
  it('is the compiled copy in dist/ when dist/ is built from the sources as they are', () => {
    expect(siblingModule('verifier-process')).toBe(join(REPO_ROOT, 'dist', 'src', 'contracts', 'verifier-process.js'));
    expect(siblingModule('pact-process')).toBe(join(REPO_ROOT, 'dist', 'src', 'contracts', 'pact-process.js'));
  });
});
