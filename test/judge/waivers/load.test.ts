import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWaivers, waiversFileFrom, WaiversFileError } from '../../../src/judge/waivers/index.ts';
import { ConfigError } from '../../../src/vendors/index.ts';
import { REPO_ROOT } from '../../support/paths.ts';

async function withFile(text: string): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'conform-waivers-'));
  await writeFile(join(cwd, 'conform.waivers.yaml'), text);
  return cwd;
}

const SEED_VENDORS = ['whop', 'midaz', 'xendit'];
const load = async (text: string) => loadWaivers('conform.waivers.yaml', { cwd: await withFile(text), required: true, vendors: SEED_VENDORS });

describe('the waivers file', () => {
  it('is conform.waivers.yaml at the repository root, or the file CONFORM_WAIVERS_FILE names (which must then exist)', () => {
    expect(waiversFileFrom({})).toEqual({ file: 'conform.waivers.yaml', required: false });
    expect(waiversFileFrom({ CONFORM_WAIVERS_FILE: 'ci/waivers.yaml' })).toEqual({ file: 'ci/waivers.yaml', required: true });
  });

  it('lists waivers by fingerprint, or by id with an optional pointer pattern; every one names its vendor, reason and expiry', async () => {
    const waivers = await load(`# Findings the team accepted.
waivers:
  - fingerprint: 3e1234567890
    vendor: whop
    reason: Whop confirmed transfer_fee is being removed (ticket 4411)
    expires: 2026-03-31
  - id: response-property-undocumented
    vendor: xendit
    pointer: /public_profile/**
    reason: "Xendit adds profile fields; we read none of them"
    expires: 2026-06-30
  - id: response-status-undocumented
    vendor: xendit
    reason: Xendit's page documents no 400
    expires: 2026-12-31
`);
    expect(waivers).toEqual([
      { entry: 1, line: 3, vendor: 'whop', fingerprint: '3e1234567890', reason: 'Whop confirmed transfer_fee is being removed (ticket 4411)', expires: '2026-03-31' },
      { entry: 2, line: 7, vendor: 'xendit', id: 'response-property-undocumented', pointer: '/public_profile/**', reason: 'Xendit adds profile fields; we read none of them', expires: '2026-06-30' },
      { entry: 3, line: 12, vendor: 'xendit', id: 'response-status-undocumented', pointer: null, reason: "Xendit's page documents no 400", expires: '2026-12-31' },
    ]);
  });

  it('is checked in at the repository root, waiving nothing yet', async () => {
    expect(await loadWaivers('conform.waivers.yaml', { cwd: REPO_ROOT, required: true, vendors: SEED_VENDORS })).toEqual([]);
  });

  it('has the format docs/ci.md shows', async () => {
    const page = await readFile(join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
    const example = /```yaml\n(waivers:[\s\S]*?)```/.exec(page)![1]!;
    expect((await load(example)).map((w) => ('fingerprint' in w ? w.fingerprint : `${w.id} ${w.pointer}`))).toEqual([
      '3f2a9c01b7de',
      'response-property-undocumented /public_profile/**',
      'response-status-undocumented null',
    ]);
  });

  it('may be absent, empty or list nothing', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-waivers-'));
    expect(await loadWaivers('conform.waivers.yaml', { cwd, required: false, vendors: SEED_VENDORS })).toEqual([]);
    expect(await load('# nothing waived yet\n')).toEqual([]);
    expect(await load('waivers:\n')).toEqual([]);
    expect(await load('waivers: []\n')).toEqual([]);
  });

  it('named explicitly but missing: a configuration error', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-waivers-'));
    const error = await loadWaivers('ci/waivers.yaml', { cwd, required: true, vendors: SEED_VENDORS }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiversFileError);
    expect((error as Error).message).toMatch(/^ci\/waivers\.yaml: cannot be read \(ENOENT/);
  });

  const entry = (lines: string) => `waivers:\n  - ${lines.trim().split('\n').join('\n    ')}\n`;
  const valid = 'vendor: whop\nreason: accepted\nexpires: 2026-03-31';

  it.each([
    ['waiver 1: reason is missing: say why the finding is accepted', entry(`fingerprint: 3e1234567890\nvendor: whop\nexpires: 2026-03-31`)],
    ['waiver 1: reason is missing: say why the finding is accepted', entry(`fingerprint: 3e1234567890\nvendor: whop\nreason: " "\nexpires: 2026-03-31`)],
    ['waiver 1: expires is missing (YYYY-MM-DD, the last day the waiver applies)', entry(`fingerprint: 3e1234567890\nvendor: whop\nreason: accepted`)],
    ['waiver 1: expires "2026-02-30" is not a date YYYY-MM-DD', entry(`fingerprint: 3e1234567890\nvendor: whop\nreason: accepted\nexpires: 2026-02-30`)],
    ['waiver 1: expires "31/03/2026" is not a date YYYY-MM-DD', entry(`fingerprint: 3e1234567890\nvendor: whop\nreason: accepted\nexpires: 31/03/2026`)],
    ['waiver 1: unknown finding id "response-nope" (see docs/findings.md)', entry(`id: response-nope\n${valid}`)],
    ['waiver 1: vendor is missing (one of whop, midaz, xendit)', entry(`id: response-status-undocumented\nreason: accepted\nexpires: 2026-03-31`)],
    ['waiver 1: unknown vendor "stripe" (one of whop, midaz, xendit)', entry(`fingerprint: 3e1234567890\nvendor: stripe\nreason: accepted\nexpires: 2026-03-31`)],
    ['waiver 1: fingerprint "3E12345678" is not 12 lower-case hex characters', entry(`fingerprint: 3E12345678\n${valid}`)],
    ['waiver 1: has both fingerprint and id: use one', entry(`fingerprint: 3e1234567890\nid: response-status-undocumented\n${valid}`)],
    ['waiver 1: pointer goes with id, not with fingerprint (a fingerprint already names one place)', entry(`fingerprint: 3e1234567890\npointer: /id\n${valid}`)],
    ['waiver 1: needs a fingerprint, or an id with an optional pointer pattern', entry(valid)],
    ['waiver 1: pointer "transfer_fee" must be a JSON pointer pattern starting with / (leave it out to match any pointer)', entry(`id: response-property-missing\npointer: transfer_fee\n${valid}`)],
    ['waiver 1: unknown key "expiry" (keys: fingerprint, id, vendor, pointer, reason, expires)', entry(`id: response-property-missing\nexpiry: 2026-03-31\n${valid}`)],
    ['waiver 1: reason must be a single value, not a list or mapping', entry(`id: response-property-missing\n${valid.replace('reason: accepted', 'reason: [a, b]')}`)],
    ['waiver 1: must be a mapping with vendor, reason, expires and either fingerprint or id', 'waivers:\n  - just a string\n'],
  ])('a mistake in an entry is located by file, line and entry: %s', async (problem, text) => {
    const error = await load(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as WaiversFileError).entry).toBe(1);
    expect((error as Error).message).toBe(`conform.waivers.yaml:2: ${problem}`);
  });

  it('names the entry that is wrong, not only the first', async () => {
    const error = await load(`waivers:\n  - id: response-property-missing\n    ${valid.split('\n').join('\n    ')}\n  - id: response-property-missing\n    vendor: whop\n    expires: 2026-03-31\n`).catch((e: unknown) => e);
    expect((error as Error).message).toBe('conform.waivers.yaml:6: waiver 2: reason is missing: say why the finding is accepted');
  });

  it.each([
    ['- fingerprint: 3e1234567890\n', 'conform.waivers.yaml:1: expected one key, `waivers:`, holding a list of waivers'],
    ['waivers:\n  - id: x\nexceptions: []\n', 'conform.waivers.yaml:1: expected one key, `waivers:`, holding a list of waivers'],
    ['waivers:\n  - id: [unclosed\n', 'conform.waivers.yaml:3: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('a file of another shape, or not YAML, is a configuration error: %j', async (text, message) => {
    const error = await load(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(message);
  });
});
