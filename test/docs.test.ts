import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../src/results/index.ts';
import { VENDORS } from './support/seed-vendors.ts';
import { REPO_ROOT } from './support/paths.ts';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('states the two commands a new user runs', () => {
    expect(readme).toContain('npm ci && npm run conformance');
    expect(readme).toContain('npm ci && npm test');
  });

  it('documents every exit code conform uses', () => {
    for (const code of Object.values(EXIT)) expect(readme).toMatch(new RegExp(`^\\| ${code} \\| `, 'm'));
  });

  it('keeps the test command that .ci/run runs', () => {
    const ci = readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toContain('npm ci');
    expect(ci).toContain('npm test');
  });
});

describe('the nightly workflow', () => {
  it('passes every vendor variable through to the run', () => {
    const workflow = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'nightly.yml'), 'utf8');
    for (const vendor of Object.values(VENDORS)) {
      for (const name of Object.keys(vendor.variables)) expect(workflow, name).toMatch(new RegExp(`^\\s+${name}: \\$\\{\\{ (secrets|vars)\\.${name} \\}\\}$`, 'm'));
    }
  });
});
