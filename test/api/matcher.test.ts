import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import { FIXTURES } from '../support/paths.ts';

const PROJECT = join(FIXTURES, 'matcher-project');

interface Outcome {
  state: string | undefined;
  message: string;
}

/** The sample project run through vitest's node API, quietly (a reporter that reports nothing): each test's state and its first error's message. */
async function runProject(): Promise<Map<string, Outcome>> {
  const vitest = await createVitest('test', { root: PROJECT, config: join(PROJECT, 'vitest.config.ts'), watch: false, reporters: [{}], silent: true });
  try {
    await vitest.start();
    const tests = vitest.state.getFiles().flatMap((file) => file.tasks);
    return new Map(tests.map((task) => [task.name, { state: task.result?.state, message: task.result?.errors?.[0]?.message ?? '' }]));
  } finally {
    await vitest.close();
    // Some of its tests fail on purpose: that is not this run's exit code.
    process.exitCode = undefined;
  }
}

describe('the conformTo matcher in a vitest project', () => {
  let outcomes: Map<string, Outcome>;
  beforeAll(async () => {
    outcomes = await runProject();
  }, 120_000);
  const outcome = (name: string): Outcome => outcomes.get(name) ?? { state: 'missing', message: '' };

  it.each([
    'passes a faithful body given as {status, headers, body}',
    'passes a faithful fetch Response',
    'passes a body with only a warning',
    'passes .not on a broken body',
    'loads a document once per worker: a second assertion does not read it again',
  ])('%s', (name) => {
    expect(outcome(name)).toEqual({ state: 'pass', message: '' });
  });

  it('fails a broken body with every breaking finding: id, pointer, expected and observed, grouped by severity', () => {
    const { state, message } = outcome('fails: a broken body');
    expect(state).toBe('fail');
    expect(message).toContain('expected the response to GET /ledger_accounts/{id} in specs/whop/1.0.0.yaml to conform, but it has 2 breaking');
    const lines = message.split('\n');
    expect(lines.slice(lines.indexOf('breaking:'), lines.indexOf('breaking:') + 9)).toEqual([
      'breaking:',
      '  response-property-missing at /id (status 200)',
      '    expected: required property',
      '    observed: absent',
      '    required property at /id is missing',
      '  response-property-type-mismatch at /transfer_fee (status 200)',
      '    expected: number or null',
      '    observed: string "0.25"',
      '    wrong type at /transfer_fee: expected number or null, got string "0.25"',
    ]);
  });

  it('fails on a warning only when asked (failOn: warning), naming it', () => {
    const { state, message } = outcome('fails: a warning under failOn warning');
    expect(state).toBe('fail');
    expect(message).toContain('but it has 1 warning:\nwarning:\n  response-body-duplicate-key at /ledger_type (status 200)\n');
    expect(message).toContain('    expected: each key once\n    observed: kept "primary"\n');
  });

  it.each(['fails: a body over the size cap', 'fails: a body over the size cap, under .not'])('%s: a body no check read fails, whatever its severity and failOn', (name) => {
    const { state, message } = outcome(name);
    expect(state).toBe('fail');
    expect(message.split('\n').slice(0, 3)).toEqual([
      'expected the response to GET /ledger_accounts/{id} in specs/whop/1.0.0.yaml to be checked, but it was not checked: body of GET /ledger_accounts/{id} 200 is larger than 10485760 bytes; it was cut and not checked',
      'warning:',
      '  response-body-too-large at - (status 200)',
    ]);
  });

  it.each(['fails: personal data in an undocumented property', 'fails: personal data in a body that is not JSON'])('%s: the message quotes none of it', (name) => {
    const { state, message } = outcome(name);
    expect(state).toBe('fail');
    expect(message).toMatch(/  response-(property-undocumented|body-not-json) at /);
    // Any part of what the sample project sends (a quote of a text body is cut short).
    for (const canary of ['canary', 'sk_live_', 'api_secret']) expect(message).not.toContain(canary);
  });

  it('fails on an operation the document does not have, listing those it has', () => {
    const { state, message } = outcome('fails: an operation the document does not have');
    expect(state).toBe('fail');
    expect(message).toBe('specs/whop/1.0.0.yaml has no operation "GET /nope" (it has: GET /ledger_accounts/{id})');
  });
});
