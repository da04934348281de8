import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/results/index.ts';
import { acmeCheckout } from '../support/acme-vendor.ts';
import { callCli, runCli, type CliRun } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { scrub } from '../support/golden.ts';
import { LIVE, liveWhop, whopLiveEnv } from '../support/live-vendors.ts';
import { VENDOR_NAMES } from '../support/seed-vendors.ts';

/**
 * One case at a time per vendor (CONFORM_CONCURRENCY=1): cases finish in the order they are written, so
 * the two ways of running them report the same order; concurrent cases would reorder two unsharded runs alike.
 */
const SERIAL = { CONFORM_CONCURRENCY: '1' };

/** What differs between any two runs of the same cases: times, durations, ports, run ids and ids made of times. */
function normalised(text: string): string {
  return scrub(text)
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(-\d+)?/g, 'RUN-ID')
    .replace(/"durationMs": \d+/g, '"durationMs": N')
    .replace(/time="[\d.]+"/g, 'time="N"')
    .replace(/[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/g, 'HTTP-DATE')
    // Midaz's request ids are UUIDv7: their first 48 bits are the time of the request.
    .replace(/("x-request-id": ")[\da-f]{8}-[\da-f]{4}-7/g, '$1TIME-7');
}

/** results.json lists cases as they finish, the vendors of an unsharded run interleaved: compared vendor by vendor, each vendor's in its order. */
function byVendor(text: string): string {
  const results = JSON.parse(text) as CaseResult[];
  return JSON.stringify(results.sort((a, b) => VENDOR_NAMES.indexOf(a.vendor as never) - VENDOR_NAMES.indexOf(b.vendor as never)), null, 2);
}

async function folder(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `conform-${prefix}-`));
}

async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'utf8');
    // latest/ links to the newest run's folder (.set-…): compared through its files.
    files.set(normalised(path.slice(dir.length)).replace(/\.set-[\d-]+/, '.set-ID'), entry.name === 'results.json' ? byVendor(text) : text);
  }
  return files;
}

async function normalisedFiles(dir: string): Promise<Record<string, string>> {
  return Object.fromEntries([...(await filesOf(dir))].map(([path, text]) => [path, normalised(text)]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

describe('the seed vendors in 3 shards, merged, against the same cases unsharded', () => {
  const whole = { reports: '', baselines: '', contracts: '' };
  const merged = { reports: '', baselines: '', contracts: '' };
  const shardDirs: string[] = [];
  let unsharded: CliRun;
  let shards: CliRun[];
  let merge: CliRun;

  beforeAll(async () => {
    for (const outputs of [whole, merged]) Object.assign(outputs, { reports: await folder('reports'), baselines: await folder('baselines'), contracts: await folder('contracts') });
    for (let i = 1; i <= 3; i++) shardDirs.push(await folder(`shard-${i}`));
    const env = (outputs: typeof whole) => ({ ...SERIAL, CONFORM_REPORTS_DIR: outputs.reports, CONFORM_BASELINES_DIR: outputs.baselines, CONFORM_CONTRACTS_DIR: outputs.contracts });
    // A shard gets outputs of its own for baselines and contracts: it must write none.
    [unsharded, ...shards] = await Promise.all([runCli(['run'], env(whole)), ...shardDirs.map((dir, i) => runCli(['run', '--shard', `${i + 1}/3`], { ...SERIAL, CONFORM_REPORTS_DIR: dir }))]);
    const { CONFORM_REPORTS_DIR: _, ...mergeEnv } = env(merged);
    merge = await runCli(['merge', ...shardDirs, '--out', merged.reports], mergeEnv);
  }, 300_000);

  it('gives each shard whole vendors, balanced by cases, and writes only its shard output', async () => {
    expect(shards.map((shard) => [shard.code, shard.stderr])).toEqual([[0, ''], [0, ''], [0, '']]);
    expect(shards.map((shard) => /shard (\d\/3): (.*?), not judged/.exec(shard.stdout)?.slice(1))).toEqual([
      ['1/3', 'midaz: 10 cases'],
      ['2/3', 'whop: 8 cases'],
      ['3/3', 'xendit: 5 cases'],
    ]);
    for (const dir of shardDirs) expect(await readdir(dir)).toEqual(['shard.json']);
  });

  it('exits as the unsharded run does, saying the same', () => {
    expect([merge.code, merge.stderr]).toEqual([unsharded.code, unsharded.stderr]);
    // The verdict lines, after the unsharded run's case lines (a merge runs no case).
    const verdicts = (run: CliRun) => normalised(run.stdout.slice(run.stdout.lastIndexOf('\nwhop '))).replace(/reports: .*/, 'reports: DIR');
    expect(verdicts(merge)).toMatch(/^\nwhop +pass/);
    expect(verdicts(merge)).toBe(verdicts(unsharded));
  });

  it('writes every report format, the history and the first-seen ledgers as the unsharded run, apart from times and durations', async () => {
    const expected = await normalisedFiles(whole.reports);
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['/.set-ID/summary.html', '/.set-ID/junit.xml', '/.set-ID/results.json', '/runs/RUN-ID/whop.md', '/seen/xendit.sandbox.json']));
    expect(await normalisedFiles(merged.reports)).toEqual(expected);
  });

  it('creates the same first baselines', async () => {
    expect(await normalisedFiles(merged.baselines)).toEqual(await normalisedFiles(whole.baselines));
  });

  it('records the same contracts, byte for byte', async () => {
    const contracts = await filesOf(whole.contracts);
    expect([...contracts.keys()].sort()).toEqual(['/conform-midaz.sandbox.json', '/conform-whop.sandbox.json', '/conform-xendit.sandbox.json']);
    expect(await filesOf(merged.contracts)).toEqual(contracts);
  });

  describe('shards that are not one complete run', () => {
    let previous: Record<string, string>;

    beforeAll(async () => {
      previous = await normalisedFiles(merged.reports);
    });

    const refused = async (dirs: string[]): Promise<CliRun> => {
      const run = await callCli(['merge', ...dirs, '--out', merged.reports], { CONFORM_BASELINES_DIR: merged.baselines, CONFORM_CONTRACTS_DIR: merged.contracts });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      // Refused before anything is written: the last merge's reports stand.
      expect(await normalisedFiles(merged.reports)).toEqual(previous);
      return run;
    };

    it('refuses a missing shard, naming it', async () => {
      expect((await refused(shardDirs.slice(0, 2))).stderr).toBe('conform merge: configuration error: shard 3/3: is missing: merge takes the reports folders of all 3 shards\n');
    });

    it('refuses a folder without a shard output', async () => {
      const empty = await folder('not-a-shard');
      expect((await refused([...shardDirs, empty])).stderr).toBe(`conform merge: configuration error: ${join(empty, 'shard.json')}: is missing: not the reports folder (CONFORM_REPORTS_DIR) of a \`conform run --shard I/N\`\n`);
    });

    it('refuses the same shard twice', async () => {
      const twin = await folder('twin');
      await cp(shardDirs[0]!, twin, { recursive: true });
      expect((await refused([...shardDirs, twin])).stderr).toBe(`conform merge: configuration error: ${join(twin, 'shard.json')}: is shard 1/3, and so is ${join(shardDirs[0]!, 'shard.json')}\n`);
    });

    it('refuses shards of different counts, and a shard with no vendor writes an empty output', async () => {
      const fourth = await folder('shard-4-of-4');
      const empty = await runCli(['run', '--shard', '4/4'], { CONFORM_REPORTS_DIR: fourth });
      expect([empty.code, empty.stderr]).toEqual([0, '']);
      expect(empty.stdout).toContain('shard 4/4: no vendor (more shards than vendors), not judged');
      const output = JSON.parse(await readFile(join(fourth, 'shard.json'), 'utf8')) as { vendors: unknown[]; results: unknown[]; configuration: Array<{ vendor: string }> };
      expect([output.vendors, output.results, output.configuration.map((c) => c.vendor)]).toEqual([[], [], VENDOR_NAMES]);
      expect((await refused([...shardDirs, fourth])).stderr).toBe(`conform merge: configuration error: ${join(fourth, 'shard.json')}: is shard 4/4, but ${join(shardDirs[0]!, 'shard.json')} is one of 3: merge the shards of one run\n`);
    });

    it('refuses shards of different configurations', async () => {
      const other = await folder('other-scenario');
      await cp(shardDirs[2]!, other, { recursive: true });
      const file = join(other, 'shard.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"scenario": "faithful"', '"scenario": "required-field-removed"'));
      expect((await refused([shardDirs[0]!, shardDirs[1]!, other])).stderr).toBe(`conform merge: configuration error: ${file}: ran another configuration (vendors, live or sandbox, scenarios) than ${join(shardDirs[0]!, 'shard.json')}: merge the shards of one run\n`);
    });

    it("refuses shards of other vendors than the merge job's CONFORM_VENDORS", async () => {
      const run = await callCli(['merge', ...shardDirs, '--out', merged.reports], { CONFORM_VENDORS: 'whop', CONFORM_BASELINES_DIR: merged.baselines, CONFORM_CONTRACTS_DIR: merged.contracts });
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toBe(`conform merge: configuration error: ${join(shardDirs[0]!, 'shard.json')}: ran the vendors ${VENDOR_NAMES.join(', ')}, but this merge selects whop (CONFORM_VENDORS): give the merge job the shards' CONFORM_VENDORS\n`);
      expect(await normalisedFiles(merged.reports)).toEqual(previous);
    });

    it('refuses a corrupted shard output, naming the file', async () => {
      const cut = await folder('cut');
      const file = join(cut, 'shard.json');
      const text = await readFile(join(shardDirs[1]!, 'shard.json'), 'utf8');
      await writeFile(file, text.slice(0, text.length / 2));
      expect((await refused([shardDirs[0]!, cut, shardDirs[2]!])).stderr).toBe(`conform merge: configuration error: ${file}: is not valid JSON; run the shard again\n`);
      await writeFile(file, text.replace('"results": [', '"results": [7, '));
      expect((await refused([shardDirs[0]!, cut, shardDirs[2]!])).stderr).toBe(`conform merge: configuration error: ${file}: is not a complete shard output (/results/0: results.0 must be object); run the shard again\n`);
      const output = JSON.parse(text) as { results: Array<{ findings: unknown[] }> };
      output.results[0]!.findings.unshift(null);
      await writeFile(file, JSON.stringify(output));
      expect((await refused([shardDirs[0]!, cut, shardDirs[2]!])).stderr).toBe(`conform merge: configuration error: ${file}: is not a complete shard output (/results/0/findings/0: results.0.findings.0 must be object); run the shard again\n`);
      await writeFile(file, text.replace('"version": 1', '"version": 2'));
      expect((await refused([shardDirs[0]!, cut, shardDirs[2]!])).stderr).toBe(`conform merge: configuration error: ${file}: is a shard output of version 2; this conform merges version 1: run the shards with this conform\n`);
      await rm(file);
      await mkdir(file);
      expect((await refused([shardDirs[0]!, cut, shardDirs[2]!])).stderr).toBe(`conform merge: configuration error: ${file}: is not a file: not the reports folder (CONFORM_REPORTS_DIR) of a \`conform run --shard I/N\`\n`);
    });
  });
});

describe("a vendor's hand-written suites", () => {
  it('run in its shard, and only there', async () => {
    // Whop (8 cases in its file) and Acme (4, and one more in suites/acme/): Whop is shard 1, Acme shard 2.
    const root = await acmeCheckout();
    await cp(join(REPO_ROOT, 'vendors', 'whop.yaml'), join(root, 'vendors', 'whop.yaml'));
    await cp(join(REPO_ROOT, 'specs', 'whop'), join(root, 'specs', 'whop'), { recursive: true });
    await rm(join(root, 'suites'));
    await mkdir(join(root, 'suites', 'acme'), { recursive: true });
    await symlink(join(REPO_ROOT, 'suites', 'vendors.suite.ts'), join(root, 'suites', 'vendors.suite.ts'));
    await writeFile(
      join(root, 'suites', 'acme', 'by-hand.suite.ts'),
      `import { conformSuite } from '../../src/run/suite.ts';\n\nconformSuite('acme', [{ name: 'by hand', operation: 'GET /wallets/{wallet_id}', params: { wallet_id: 'wal_00000000' }, expectStatus: 404 }]);\n`,
    );
    const cases = async (index: number) => {
      const dir = join(root, `shard-${index}`);
      const run = await runCli(['run', '--shard', `${index}/2`], { CONFORM_REPORTS_DIR: dir }, root);
      expect([run.code, run.stderr]).toEqual([0, '']);
      return (JSON.parse(await readFile(join(dir, 'shard.json'), 'utf8')) as { results: CaseResult[] }).results.map((r) => `${r.vendor}: ${r.case}`);
    };
    const [whop, acme] = [await cases(1), await cases(2)];
    expect(whop).toHaveLength(8);
    expect(whop.every((c) => c.startsWith('whop: '))).toBe(true);
    expect(acme).toHaveLength(5);
    expect(acme).toContain('acme: by hand');
  }, 120_000);
});

describe('a live shard', () => {
  it("keeps its credentials: its output holds where the vendor ran, not how it authenticated, and the merge needs none", async () => {
    const whop = await liveWhop();
    try {
      const [dir, reports, contracts] = [await folder('live-shard'), await folder('reports'), await folder('contracts')];
      const shard = await callCli(['run', '--shard', '1/1'], { CONFORM_VENDORS: 'whop', CONFORM_REPORTS_DIR: dir, ...whopLiveEnv(whop.url) });
      expect([shard.code, shard.stderr]).toEqual([0, '']);
      const text = await readFile(join(dir, 'shard.json'), 'utf8');
      for (const secret of [LIVE.whopKey, LIVE.whopLimitedKey, '"credentials": {']) expect(text).not.toContain(secret);
      expect((JSON.parse(text) as { vendors: Array<{ target: unknown }> }).vendors.map((v) => v.target)).toEqual([{ vendor: 'whop', mode: 'live', scenario: null, baseUrl: `${whop.url}/api/v1` }]);
      // The merge job's environment names the vendors as the shards' did, and no credential.
      const merged = await callCli(['merge', dir, '--out', reports], { CONFORM_VENDORS: 'whop', CONFORM_CONTRACTS_DIR: contracts });
      expect([merged.code, merged.stderr]).toEqual([0, '']);
      expect(merged.stdout).toMatch(/^whop +pass/m);
      expect(await readdir(contracts)).toEqual(['conform-whop.json']);
    } finally {
      await whop.close();
    }
  });
});

describe('conform run --shard', () => {
  it.each(['0/3', '4/3', 'abc', '1/0', '2'])('refuses %s with exit 2 and the usage, before running anything', async (shard) => {
    const reports = await folder('reports');
    const run = await callCli(['run', '--shard', shard], { CONFORM_REPORTS_DIR: reports });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(`conform run: --shard takes I/N, whole numbers with 1 <= I <= N (got "${shard}"); see conform run --help\n`);
    expect(await readdir(reports)).toEqual([]);
  });

  it('needs at least one shard folder to merge', async () => {
    const run = await callCli(['merge']);
    expect([run.code, run.stderr]).toEqual([2, 'usage: conform merge SHARD_DIR... [--out DIR]\n']);
  });
});
