import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAuditFlags, type AuditFlagsContext } from '../../src/cli/audit-flags.ts';
import { UsageError } from '../../src/cli/usage-error.ts';
import { ACME } from '../support/acme-vendor.ts';

// A credential that must never show in a message, whatever flag it was given to.
const CANARY = 'sk_live_CANARY7f3a9c';
const acme = { command: 'audit', cwd: ACME } satisfies AuditFlagsContext;
const target = ['--spec', 'specs/acme/2026-01.yaml', '--base-url', 'https://api.acme.test/v1'];

function refusal(argv: string[], env: Record<string, string> = {}, context: AuditFlagsContext = acme): string {
  try {
    parseAuditFlags(argv, env, context);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).not.toContain(CANARY);
    expect(message).not.toContain('CANARY');
    return message;
  }
  throw new Error('parseAuditFlags accepted it');
}

describe('parseAuditFlags', () => {
  it('takes --flag value and --flag=value alike, and collects repeated flags in order', () => {
    const flags = parseAuditFlags(
      ['--spec', 'specs/acme/2026-01.yaml', '--spec=specs/acme/2025-06.yaml', '--base-url=https://api.acme.test/v1/', '--auth', 'walletKey=k1', '--auth=other=k=2', '--fixture', 'wallet_id=wal_1', '--fixture=x=a=b', '--header', 'Acme-Version=2026-01', '--allow-unsafe'],
      {},
      acme,
    );
    expect(flags).toEqual({
      specs: ['specs/acme/2026-01.yaml', 'specs/acme/2025-06.yaml'],
      baseUrl: 'https://api.acme.test/v1',
      auth: [{ scheme: 'walletKey', credential: 'k1', variable: null }, { scheme: 'other', credential: 'k=2', variable: null }],
      fixtures: [{ name: 'wallet_id', value: 'wal_1' }, { name: 'x', value: 'a=b' }],
      headers: [{ name: 'Acme-Version', value: '2026-01' }],
      vendor: 'acme-wallets',
      out: 'reports/audit/acme-wallets',
      allowUnsafe: true,
      compare: [],
      force: false,
    });
  });

  it('reads an env: credential from the environment and keeps the variable it came from', () => {
    const flags = parseAuditFlags([...target, '--auth', 'walletKey=env:ACME_KEY'], { ACME_KEY: ` ${CANARY} ` }, acme);
    expect(flags.auth).toEqual([{ scheme: 'walletKey', credential: CANARY, variable: 'ACME_KEY' }]);
  });

  it('names the vendor from the file name, else the title, else asks for --vendor', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conform-flags-'));
    writeFileSync(join(dir, 'Stripe_Payments.yaml'), 'openapi: 3.1.0\ninfo: {title: Ignored, version: "1"}\npaths: {}\n');
    writeFileSync(join(dir, 'openapi.json'), '{"openapi": "3.1.0", "info": {"title": "Big Bank Open API", "version": "1"}, "paths": {}}');
    writeFileSync(join(dir, 'v2.yaml'), 'openapi: 3.1.0\ninfo: {title: "2026 !!", version: "1"}\npaths: {}\n');
    const vendor = (spec: string) => parseAuditFlags(['--spec', spec, '--base-url', 'https://x.test'], {}, { command: 'audit', cwd: dir }).vendor;
    expect(vendor('Stripe_Payments.yaml')).toBe('stripe-payments');
    expect(vendor('openapi.json')).toBe('big-bank');
    expect(refusal(['--spec', 'v2.yaml', '--base-url', 'https://x.test'], {}, { command: 'audit', cwd: dir })).toBe('conform audit: cannot name the vendor from v2.yaml: give --vendor NAME');
  });

  it('takes --vendor and --out over the defaults', () => {
    const flags = parseAuditFlags([...target, '--vendor', 'acme', '--out', 'out/acme'], {}, acme);
    expect([flags.vendor, flags.out]).toEqual(['acme', 'out/acme']);
  });

  it('with --compare DIR DIR needs no target', () => {
    expect(parseAuditFlags(['--compare', 'a', 'b'], {}, acme)).toMatchObject({ compare: ['a', 'b'], specs: [], baseUrl: null, vendor: null, out: null });
    expect(parseAuditFlags(['--compare=a', '--compare', 'b', '--allow-unsafe'], {}, acme)).toMatchObject({ compare: ['a', 'b'], allowUnsafe: true });
  });

  it('takes --force for init only', () => {
    expect(parseAuditFlags([...target, '--force'], {}, { ...acme, command: 'init' }).force).toBe(true);
    expect(refusal([...target, '--force'])).toBe('conform audit: --force is for conform init');
  });

  it.each([
    [['--base-url', 'https://x.test'], 'conform audit: --spec FILE is required'],
    [['--spec', 'specs/acme/2026-01.yaml'], 'conform audit: --base-url URL is required'],
    [[...target, '--bogus', 'x'], 'conform audit: unknown flag --bogus; see conform audit --help'],
    [[...target, `--${CANARY}`], 'conform audit: unknown flag (not shown); see conform audit --help'],
    [[...target, CANARY], 'conform audit: unexpected argument at position 5: every value follows its flag'],
    [[...target, '--auth'], 'conform audit: --auth needs a value'],
    [[...target, '--header', '--allow-unsafe'], 'conform audit: --header needs a value'],
    [[...target, '--fixture='], 'conform audit: --fixture needs a value'],
    [[...target, '--vendor', 'acme', '--vendor', 'acme'], 'conform audit: --vendor is given twice'],
    [[...target, '--vendor', 'Acme Corp'], 'conform audit: --vendor must be a letter then lower-case letters, digits and -, at most 40'],
    [[...target, '--auth', CANARY], 'conform audit: --auth takes NAME=VALUE'],
    [[...target, '--auth', `=${CANARY}`], 'conform audit: --auth takes NAME=VALUE, and its NAME is not a valid name'],
    [[...target, '--auth', 'walletKey='], 'conform audit: --auth walletKey: the value is empty'],
    [[...target, '--auth', 'walletKey=a', '--auth', `walletKey=${CANARY}`], 'conform audit: --auth walletKey is given twice'],
    [[...target, '--auth', `walletKey=env:${CANARY}`], 'conform audit: --auth walletKey: env: must name a variable of capitals, digits and _ (e.g. env:ACME_API_KEY)'],
    [[...target, '--auth', 'walletKey=env:ACME_UNSET'], 'conform audit: --auth walletKey: ACME_UNSET is not set'],
    [[...target, '--header', `Bad Header=${CANARY}`], 'conform audit: --header takes NAME=VALUE, and its NAME is not a valid name'],
    [[...target, '--fixture', `wallet id=${CANARY}`], 'conform audit: --fixture takes NAME=VALUE, and its NAME is not a valid name'],
    [['--spec', 's.yaml', '--base-url', CANARY], 'conform audit: --base-url is not a URL (expected e.g. https://api.example.com/v1)'],
    [['--spec', 's.yaml', '--base-url', `ftp://${CANARY}.test`], 'conform audit: --base-url must be an http(s) URL'],
    [['--spec', 's.yaml', '--base-url', `https://user:${CANARY}@api.test`], 'conform audit: --base-url must not contain credentials (user:password@); give them with --auth'],
    [['--spec', 's.yaml', '--base-url', `https://${CANARY}@api.test`], 'conform audit: --base-url must not contain credentials (user:password@); give them with --auth'],
    [['--spec', 's.yaml', '--base-url', `https://api.test/?key=${CANARY}`], 'conform audit: --base-url must not contain a query or fragment'],
    [['--compare', 'a'], 'conform audit: --compare needs two folders: --compare DIR DIR'],
    [['--compare'], 'conform audit: --compare needs a folder'],
    [[...target, '--allow-unsafe=yes'], 'conform audit: --allow-unsafe takes no value'],
  ])('refuses %j in one line without its values', (argv, message) => {
    expect(refusal(argv)).toBe(message);
  });

  it('names the command it parses for', () => {
    expect(refusal(['--base-url', 'https://x.test'], {}, { command: 'init', cwd: ACME })).toBe('conform init: --spec FILE is required');
  });

  it('asks for --vendor when the file name says nothing and the document cannot be read', () => {
    expect(refusal(['--spec', 'specs/acme/2026-02.yaml', '--base-url', 'https://x.test'])).toBe('conform audit: cannot name the vendor from specs/acme/2026-02.yaml: give --vendor NAME');
  });
});
