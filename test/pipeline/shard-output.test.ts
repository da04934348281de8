import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShardOutput } from '../../src/pipeline/shard-output.ts';
import { ConfigError } from '../../src/vendors/index.ts';

const finding = { id: 'response-property-missing', vendor: 'whop', operation: 'GET /a', status: 200, pointer: '/id', expected: 'required property', observed: 'absent', fingerprint: 'abc123' };

/** A shard output as a shard writes it, small: one vendor, one answered case with one finding. */
function shard(): Record<string, unknown> {
  return {
    format: 'conform-shard',
    version: 1,
    shard: { index: 1, count: 1 },
    configuration: [{ vendor: 'whop', mode: 'sandbox', scenario: 'faithful' }],
    startedAt: '2026-12-01T07:00:00.000Z',
    vendors: [{ target: { vendor: 'whop', mode: 'sandbox', scenario: 'faithful', baseUrl: 'http://127.0.0.1:1' }, gradesUpstream: false, coverage: null, specDefects: [], laterFindings: [], specChangedUpstream: null }],
    problems: [],
    warnings: [],
    results: [
      {
        vendor: 'whop',
        mode: 'sandbox',
        case: 'a',
        operation: 'GET /a',
        spec: { file: 'specs/whop/1.0.0.yaml', version: '1.0.0' },
        outcome: 'answered',
        reason: null,
        request: { method: 'GET', path: '/a', query: '', headers: {}, credential: 'valid' },
        response: { status: 200, headers: {}, body: '{}', truncated: false },
        expectedStatus: 200,
        providerState: null,
        startedAt: '2026-12-01T07:00:00.000Z',
        durationMs: 1,
        attempts: 1,
        findings: [finding],
      },
    ],
  };
}

async function written(document: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conform-shard-output-'));
  await writeFile(join(dir, 'shard.json'), typeof document === 'string' ? document : JSON.stringify(document));
  return dir;
}

/** The shard with one part replaced, as a hand edit or a broken artifact would leave it. */
function edited(edit: (output: any) => void): Record<string, unknown> {
  const output = shard();
  edit(output);
  return output;
}

describe('readShardOutput', () => {
  it('reads a shard output whole', async () => {
    expect(await readShardOutput(await written(shard()))).toEqual(shard());
  });

  it.each([
    ['a finding that is null', (o: any) => (o.results[0].findings = [null]), '/results/0/findings/0: results.0.findings.0 must be object'],
    ['a finding of an unknown id', (o: any) => (o.results[0].findings = [{ ...finding, id: 'nope' }]), '/results/0/findings/0/id: results.0.findings.0.id must be equal to one of the allowed values'],
    ['coverage that is not operations', (o: any) => (o.vendors[0].coverage = [1]), '/vendors/0/coverage/0: vendors.0.coverage.0 must be object'],
    ['a later finding that is null', (o: any) => (o.vendors[0].laterFindings = [null]), '/vendors/0/laterFindings/0: vendors.0.laterFindings.0 must be object'],
    ['a document defect that is a number', (o: any) => (o.vendors[0].specDefects = [5]), '/vendors/0/specDefects/0: vendors.0.specDefects.0 must be object'],
    ['a result without a request', (o: any) => delete o.results[0].request, "/results/0: results.0 must have required property 'request'"],
    ['no vendor planned', (o: any) => (o.configuration = []), '/configuration: configuration must NOT have fewer than 1 items'],
    ['a shard beyond its count', (o: any) => (o.shard = { index: 2, count: 1 }), '/shard: shard 2 of 1'],
  ])('refuses %s, saying where', async (_, edit, where) => {
    const dir = await written(edited(edit));
    await expect(readShardOutput(dir)).rejects.toThrow(new ConfigError(join(dir, 'shard.json'), `is not a complete shard output (${where}); run the shard again`));
  });

  it('refuses a folder named shard.json, and JSON that is not an object', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-shard-output-'));
    await mkdir(join(dir, 'shard.json'));
    await expect(readShardOutput(dir)).rejects.toThrow(new ConfigError(join(dir, 'shard.json'), 'is not a file: not the reports folder (CONFORM_REPORTS_DIR) of a `conform run --shard I/N`'));
    for (const document of ['null', '[1]', '"conform-shard"']) {
      const at = await written(document);
      await expect(readShardOutput(at)).rejects.toThrow(new ConfigError(join(at, 'shard.json'), 'is not a conform shard output'));
    }
  });
});
