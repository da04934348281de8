import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordContracts, startRecording } from '../../src/contracts/index.ts';
import type { InteractionPlan } from '../../src/contracts/interaction.ts';
import { pactText } from '../../src/contracts/pact-handle.ts';
import { splitPact } from '../../src/contracts/pact-text.ts';
import { SpilledPact } from '../../src/contracts/spilled-pact.ts';
import { writeContract } from '../../src/contracts/pact-writer.ts';
import { secretForms } from '../../src/redaction/index.ts';
import { answeredCase as result } from '../support/case-result.ts';
import type { VendorTarget } from '../../src/vendors/index.ts';
import { pactProcesses } from '../support/pact-processes.ts';
import { mulberry32 } from '../support/seeded-random.ts';

const NAMES = { consumer: 'conform', provider: 'whop' };

// Descriptions Rust and JavaScript order differently (U+FF5E sorts before an emoji by code point, after it by UTF-16 unit).
const DESCRIPTIONS = ['b case (GET /x)', 'a case (GET /x)', '\u{1F600} case (GET /x)', '\uFF5E case (GET /x)', 'B case (GET /x)', 'a case (GET /y)', 'é case (GET /x)'];

function plan(description: string, index: number): InteractionPlan {
  return {
    description,
    providerState: index % 2 ? `account acc_${index} exists` : null,
    comments: { case: description, operation: 'GET /x' },
    request: { method: 'GET', path: `/x/${index}`, query: [['page', String(index)]], headers: [['accept', 'application/json'], ['x-conform-credential', 'valid']] },
    response: {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      mediaType: 'application/json',
      body: { id: { 'pact:matcher:type': 'type', value: `acc_${index}` }, amount: { 'pact:matcher:type': 'number', value: index * 1.5 } },
    },
  };
}

/** The plans in a fixed shuffled order: chunks then hold interactions from all over the sorted pact. */
function shuffledPlans(): InteractionPlan[] {
  const random = mulberry32(16);
  const plans = DESCRIPTIONS.map(plan);
  for (let i = plans.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [plans[i], plans[j]] = [plans[j]!, plans[i]!];
  }
  return plans;
}

const folder = () => mkdtemp(join(tmpdir(), 'conform-recorder-'));

describe('a contract written in chunks, each by its own pact-core process', () => {
  it('is byte for byte the pact one pact-core handle writes for all its interactions', async () => {
    const dir = await folder();
    const plans = shuffledPlans();
    const whole = await pactText(NAMES, plans, 'live');
    for (const chunk of [1, 100]) {
      const file = join(dir, `chunks-of-${chunk}.json`);
      await writeContract(file, NAMES, plans, [], 'live', chunk);
      expect(await readFile(file, 'utf8'), `chunks of ${chunk}`).toBe(`${whole}\n`);
    }
    // Nothing of the chunks' scratch folders is left beside the contract.
    expect((await readdir(dir)).sort()).toEqual(['chunks-of-1.json', 'chunks-of-100.json']);
  });

  it('holds no secret, in any form, even one that could only be seen across two chunks', async () => {
    const dir = await folder();
    const key = 'sk_live_recorder_0001';
    // The join between two chunks' interactions: a chunk's own text never has it at a chunk's edge.
    const join_ = '    },\n    {';
    const plans = shuffledPlans().map((p, i) => (i === 2 ? { ...p, request: { ...p.request, path: `/x/${key}` } } : p));
    const file = join(dir, 'conform-whop.json');
    await writeContract(file, NAMES, plans, secretForms([key, join_]), 'live', 2);
    const text = await readFile(file, 'utf8');
    for (const form of secretForms([key, join_])) expect(text).not.toContain(form);
    expect(text).toContain('/x/[redacted]');
  });

  it('says which part failed and leaves the previous contract as it was', async () => {
    const dir = await folder();
    const file = join(dir, 'conform-whop.json');
    await writeFile(file, 'the previous contract\n');
    // A plan the pact-core process cannot read: that chunk's process answers with the problem.
    const unreadable = { ...plan('unreadable (GET /x)', 9), request: { ...plan('x', 9).request, query: null as never } };
    await expect(writeContract(file, NAMES, [...shuffledPlans(), unreadable], [], 'live', 2)).rejects.toThrow(/pact-core process stopped/);
    expect(await readFile(file, 'utf8')).toBe('the previous contract\n');
    // The chunks spilled before the failure are gone with it.
    expect(await readdir(dir)).toEqual(['conform-whop.json']);
  });

  it('spills no chunk once its file is removed: a chunk under way when the recording was abandoned is dropped', async () => {
    const dir = await folder();
    const spill = new SpilledPact(join(dir, 'conform-whop.json'));
    const parts = splitPact(await pactText(NAMES, shuffledPlans(), 'live'));
    await spill.add(parts);
    expect(await readdir(dir)).toHaveLength(1);
    await spill.remove();
    await expect(spill.add(parts)).rejects.toThrow(/was removed/);
    // The folder was there before: it stays, empty.
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the interactions a killed run spilled beside the contract', async () => {
    const dir = await folder();
    // A pid above Linux's highest (2^22): no process has it.
    const leftover = `conform-whop.json.interactions.tmp-${2 ** 22 + 1}-1-0`;
    await writeFile(join(dir, leftover), '    {\n      "description": "from a killed run"\n    }');
    await writeContract(join(dir, 'conform-whop.json'), NAMES, shuffledPlans(), [], 'live', 2);
    expect(await readdir(dir)).toEqual(['conform-whop.json']);
  });
});

const target = (vendor: string, scenario: VendorTarget['scenario'] = 'faithful') => ({ vendor, mode: 'sandbox', scenario }) as VendorTarget;

describe('recording while the run goes on', () => {
  const results = [
    ...Array.from({ length: 7 }, (_, i) => result('whop', `case ${(7 * i) % 10}`)),
    result('whop', 'cut', { truncated: true }),
    result('whop', 'unreached', null),
    result('xendit', 'owned'),
    result('midaz', 'drifted'),
  ];
  const targets = [target('whop'), target('xendit'), target('midaz', 'required-field-removed')];

  it('writes, from results added one by one in small chunks, the contracts recorded all at once', async () => {
    const [once, incremental] = [await folder(), await folder()];
    const all = await recordContracts({ cwd: once, env: {}, targets, results, secretForms: [], specs: new Map() });
    const recording = startRecording({ cwd: incremental, env: {}, targets, secretForms: [], specs: new Map(), chunkInteractions: 2 });
    for (const each of results) recording.add(each);
    recording.end();
    const kept = await recording.keep(['whop', 'xendit', 'midaz']);
    expect(kept.map(({ vendor, interactions }) => [vendor, interactions])).toEqual([['whop', 7], ['xendit', 1]]);
    expect(all.map(({ vendor, interactions }) => [vendor, interactions])).toEqual([['whop', 7], ['xendit', 1]]);
    for (const name of ['conform-whop.sandbox.json', 'conform-xendit.sandbox.json']) {
      expect(await readFile(join(incremental, 'contracts', name), 'utf8')).toBe(await readFile(join(once, 'contracts', name), 'utf8'));
    }
    expect((await readdir(join(incremental, 'contracts'))).sort()).toEqual(['conform-whop.sandbox.json', 'conform-xendit.sandbox.json']);
  });

  it('writes only the vendors it is told to keep', async () => {
    const dir = await folder();
    const recording = startRecording({ cwd: dir, env: {}, targets, secretForms: [], specs: new Map(), chunkInteractions: 2 });
    for (const each of results) recording.add(each);
    recording.end();
    expect((await recording.keep(['xendit'])).map((contract) => contract.vendor)).toEqual(['xendit']);
    expect(await readdir(join(dir, 'contracts'))).toEqual(['conform-xendit.sandbox.json']);
  });
});

async function until(condition: () => boolean): Promise<void> {
  await eventually(async () => condition(), Boolean);
}

/** What `read` gives once `done` holds of it, read again every 20 ms until then (a safety net, not a timing assertion: 30 s). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let tries = 0; tries < 1500; tries++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`still not so after 30 s: ${done.toString()}`);
}

describe.skipIf(process.platform !== 'linux')('a recording beside the cases', () => {
  const targets = [target('whop')];
  const answers = Array.from({ length: 3 }, (_, i) => result('whop', `case ${i}`));

  it('sends a full chunk to pact-core while results still come, and an abandoned one writes nothing and ends its process', async () => {
    const dir = await folder();
    const recording = startRecording({ cwd: dir, env: {}, targets, secretForms: [], specs: new Map(), chunkInteractions: 2 });
    for (const each of answers) recording.add(each);
    // No end(): the run's cases are still going. The first chunk is being recorded all the same.
    await until(() => pactProcesses().length === 1);
    recording.abandon();
    await until(() => pactProcesses().length === 0);
    await expect(readdir(join(dir, 'contracts'))).rejects.toThrow(/ENOENT/);
  });

  it('spills each chunk beside the contract as it comes back, and an abandoned recording leaves neither it nor the folder', async () => {
    const dir = await folder();
    const recording = startRecording({ cwd: dir, env: {}, targets, secretForms: [], specs: new Map(), chunkInteractions: 2 });
    for (const each of answers) recording.add(each);
    const spilled = await eventually(
      async () => (await readdir(join(dir, 'contracts')).catch(() => [])).filter((name) => /^conform-whop\.sandbox\.json\.interactions\.tmp-\d+-\d+-\d+$/.test(name)),
      (names) => names.length === 1,
    );
    // The first chunk's two interactions, as pact-core wrote them, for this user alone; the third waits for end().
    expect((await stat(join(dir, 'contracts', spilled[0]!))).mode & 0o777).toBe(0o600);
    const text = await readFile(join(dir, 'contracts', spilled[0]!), 'utf8');
    expect([...text.matchAll(/"description": "([^"]+)"/g)].map((match) => match[1])).toEqual(['case 0 (GET /accounts/{id})', 'case 1 (GET /accounts/{id})']);
    recording.abandon();
    await eventually(() => readdir(dir), (names) => names.length === 0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('ends its pact-core process once the contracts are written', async () => {
    const dir = await folder();
    const recording = startRecording({ cwd: dir, env: {}, targets, secretForms: [], specs: new Map(), chunkInteractions: 2 });
    for (const each of answers) recording.add(each);
    recording.end();
    await recording.keep(['whop']);
    await until(() => pactProcesses().length === 0);
    expect(await readdir(join(dir, 'contracts'))).toEqual(['conform-whop.sandbox.json']);
  });
});
