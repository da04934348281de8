import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
  const text = readFileSync(join(REPO_ROOT, '.github', 'workflows', 'nightly.yml'), 'utf8');
  const steps = (parse(text) as { jobs: { conformance: { steps: WorkflowStep[] } } }).jobs.conformance.steps;
  const stepIndex = (matches: (step: WorkflowStep) => boolean) => steps.findIndex(matches);
  const uses = (action: string) => (step: WorkflowStep) => step.uses?.startsWith(`${action}@`) === true;
  const runs = (command: string) => (step: WorkflowStep) => step.run?.includes(command) === true;

  it('pins every action by its full commit, the tag in a comment', () => {
    const pinned = [...text.matchAll(/^\s+(?:- )?uses: (\S+)(.*)$/gm)];
    expect(pinned.length).toBeGreaterThanOrEqual(5);
    for (const [, action, comment] of pinned) {
      expect(action).toMatch(/^[\w-]+\/[\w/-]+@[0-9a-f]{40}$/);
      expect(comment).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('verifies with exactly the run\'s variables: the same vendors, credentials and policy', () => {
    const env = (command: string) => steps[stepIndex(runs(command))]?.env;
    expect(Object.keys(env('npm run conformance') ?? {}).length).toBeGreaterThan(10);
    expect(env('npx conform verify')).toEqual(env('npm run conformance'));
  });

  it('shows only a summary this run wrote: reports/ from the cache holds the previous night\'s', () => {
    expect(steps[stepIndex(runs('npm run conformance'))]!.run).toMatch(/touch "\$RUNNER_TEMP\/run-started"\n\s*npm run conformance/);
    expect(steps[stepIndex(runs('GITHUB_STEP_SUMMARY'))]!.run).toContain('[ reports/latest/summary.md -nt "$RUNNER_TEMP/run-started" ]');
  });

  it('never lets a vendor fall back to its embedded sandbox unless a repository variable says so', () => {
    for (const command of ['npm run conformance', 'conform verify']) {
      expect(steps[stepIndex(runs(command))]?.env?.CONFORM_REQUIRE_LIVE, command).toBe("${{ vars.CONFORM_REQUIRE_LIVE || '1' }}");
    }
  });

  it('restores the previous runs before the run, verifies the contracts after it, and saves and uploads everything', () => {
    const run = stepIndex(runs('npm run conformance'));
    const restore = stepIndex(uses('actions/cache/restore'));
    const verify = stepIndex(runs('npx conform verify'));
    const save = stepIndex(uses('actions/cache/save'));
    expect(restore).toBeGreaterThan(-1);
    expect(restore).toBeLessThan(run);
    expect(verify).toBeGreaterThan(run);
    expect(save).toBeGreaterThan(verify);
    for (const step of [steps[restore]!, steps[save]!]) expect(step.with?.path).toBe('reports/');
    expect(steps[restore]!.with?.['restore-keys']).toBe('conformance-reports-');
    const upload = steps[stepIndex(uses('actions/upload-artifact'))]!;
    expect(String(upload.with?.path).split('\n').filter(Boolean)).toEqual(['reports/', 'baselines/', 'contracts/']);
    expect(upload.if).toBe('always()');
  });

  it("compares each vendor's published document in the run (verify, given the same variables, fetches nothing)", () => {
    expect(steps[stepIndex(runs('npm run conformance'))]?.env?.CONFORM_REFRESH_SPECS).toBe('1');
  });

  it('passes every vendor variable through to the run', () => {
    const workflow = text;
    for (const vendor of Object.values(VENDORS)) {
      for (const name of Object.keys(vendor.variables)) expect(workflow, name).toMatch(new RegExp(`^\\s+${name}: \\$\\{\\{ (secrets|vars)\\.${name} \\}\\}$`, 'm'));
    }
  });
});

interface WorkflowStep {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
