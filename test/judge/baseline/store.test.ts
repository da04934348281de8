import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BaselineFileError, baselineFile, baselinesDirFrom, buildBaseline, readBaseline, writeBaseline, type Baseline } from '../../../src/judge/baseline/index.ts';
import { secretForms } from '../../../src/redaction/index.ts';
import { NO_SECRETS } from '../../../src/files/writer.ts';
import { ConfigError } from '../../../src/vendors/index.ts';
import { runWhop } from './whop-run.ts';

describe('baselines on disk', () => {
  let baseline: Baseline;
  let dir: string;
  beforeAll(async () => {
    baseline = buildBaseline(await runWhop({ scenario: 'status-drift' }), { vendor: 'whop', mode: 'sandbox', updatedAt: '2026-02-01T00:00:00.000Z' });
    dir = await mkdtemp(join(tmpdir(), 'conform-baselines-'));
  });

  it('live in baselines/VENDOR.json at the repository root unless CONFORM_BASELINES_DIR says otherwise', () => {
    expect(baselinesDirFrom({}, '/repo')).toBe('/repo/baselines');
    expect(baselinesDirFrom({ CONFORM_BASELINES_DIR: 'ci/shapes' }, '/repo')).toBe('/repo/ci/shapes');
    expect(baselineFile('/repo/baselines', 'whop', 'live')).toBe('/repo/baselines/whop.json');
  });

  it('keep the embedded sandbox apart from the live vendor, whose data differs', () => {
    expect(baselineFile('/repo/baselines', 'whop', 'sandbox')).toBe('/repo/baselines/whop.sandbox.json');
  });

  it('are read back as written, and no temporary file is left', async () => {
    const file = await writeBaseline(dir, baseline, NO_SECRETS);
    expect(file).toBe(join(dir, 'whop.sandbox.json'));
    expect(await readBaseline(dir, 'whop', 'sandbox')).toEqual(baseline);
    expect(await readBaseline(dir, 'whop', 'live')).toBeNull();
    expect(await readdir(dir)).toEqual(['whop.sandbox.json']);
  });

  it('are reviewable: one line per case, property and finding, ending in a newline', async () => {
    const text = await readFile(await writeBaseline(dir, baseline, NO_SECRETS), 'utf8');
    expect(text).toMatch(/^ {8}"unknown id": \{ "statuses": \[400\], "mediaTypes": \["application\/json"\] \},?$/m);
    expect(text).toMatch(/^ {12}"\/error\/type": \{ "types": \["string"\], "nullable": false, "values": \["invalid_request_error"\], "always": true, "cases": \["malformed id", "unknown id"\] \},?$/m);
    expect(text).toMatch(/^ {4}\{ "fingerprint": "[0-9a-f]{12}", "id": "response-status-unexpected", "operation": "GET \/ledger_accounts\/\{id\}", "case": "unknown id", "pointer": null, "firstSeen": "[^"]+" \}$/m);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('are redacted on the way out, like every file conform writes', async () => {
    const secret = 'sandboxonlykey';
    const withSecret = { ...baseline, vendor: 'whop', findings: [{ ...baseline.findings[0]!, case: `leaked ${secret}` }] };
    const text = await readFile(await writeBaseline(await mkdtemp(join(tmpdir(), 'conform-redact-')), withSecret, secretForms([secret])), 'utf8');
    expect(text).not.toContain(secret);
    expect(text).toContain('leaked [redacted]');
  });

  it('cannot be written without naming its secrets (NO_SECRETS when it provably holds none)', () => {
    // Checked by `npm run typecheck`: the line below must not compile.
    // @ts-expect-error the secret forms are required
    const unnamed = () => writeBaseline(dir, baseline);
    expect(unnamed).toBeTypeOf('function');
    // A default value would make the parameter optional, and shorten the arity.
    expect(writeBaseline.length).toBe(3);
  });

  it('a write that fails midway leaves the previous state and no temporary file', async () => {
    const failing = await mkdtemp(join(tmpdir(), 'conform-baselines-'));
    // A folder where the file goes: the rename over it fails after the temporary file is written.
    await mkdir(join(failing, 'whop.sandbox.json'));
    await expect(writeBaseline(failing, baseline, NO_SECRETS)).rejects.toThrow();
    expect(await readdir(failing)).toEqual(['whop.sandbox.json']);
  });

  it('written by an older conform (version 1, run counters), are read as version 2: always where seen in every run, first seen at the last update', async () => {
    const old = {
      version: 1, vendor: 'midaz', mode: 'live', updatedAt: '2026-01-02T03:04:05.000Z',
      operations: { 'GET /x': { cases: { one: { statuses: [200], mediaTypes: ['application/json'] } }, responses: { '200': { runs: 3, properties: {
        '/id': { types: ['string'], nullable: false, values: 'free-form', runs: 3, cases: ['one'] },
        '/note': { types: ['string'], nullable: true, values: null, runs: 2, cases: ['one'] },
      } } } } },
      findings: [{ fingerprint: 'abcdefabcdef', id: 'response-status-unexpected', operation: 'GET /x', case: 'one', pointer: null }],
    };
    await writeFile(join(dir, 'midaz.json'), JSON.stringify(old));
    expect(await readBaseline(dir, 'midaz', 'live')).toEqual({
      version: 2, vendor: 'midaz', mode: 'live', updatedAt: '2026-01-02T03:04:05.000Z',
      operations: { 'GET /x': { cases: { one: { statuses: [200], mediaTypes: ['application/json'] } }, responses: { '200': { properties: {
        '/id': { types: ['string'], nullable: false, values: 'free-form', always: true, cases: ['one'] },
        '/note': { types: ['string'], nullable: true, values: null, always: false, cases: ['one'] },
      } } } } },
      findings: [{ fingerprint: 'abcdefabcdef', id: 'response-status-unexpected', operation: 'GET /x', case: 'one', pointer: null, firstSeen: '2026-01-02T03:04:05.000Z' }],
    });
  });

  it('a vendor without one has none yet', async () => {
    expect(await readBaseline(dir, 'xendit', 'sandbox')).toBeNull();
  });

  it.each([
    ['{ not json', 'not JSON'],
    ['{"version": 3, "vendor": "midaz", "mode": "live", "operations": {}, "findings": []}', 'not a conform baseline (version 2, or 1 as an older conform wrote it)'],
    ['{"version": 1, "vendor": "whop", "mode": "live", "operations": {}, "findings": []}', 'holds the baseline of whop (live), not of midaz (live)'],
    ['{"version": 1, "vendor": "midaz", "mode": "sandbox", "operations": {}, "findings": []}', 'holds the baseline of midaz (sandbox), not of midaz (live)'],
    ['{"version": 1, "vendor": "midaz", "mode": "live"}', 'has no operations or findings'],
  ])('a damaged or foreign file is a configuration error naming it: %s', async (text, problem) => {
    await writeFile(join(dir, 'midaz.json'), text);
    const error = await readBaseline(dir, 'midaz', 'live').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaselineFileError);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`${join(dir, 'midaz.json')}: ${problem}`);
    expect((error as Error).message).toContain('run `conform baseline update`');
  });
});
