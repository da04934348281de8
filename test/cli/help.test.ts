import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../src/cli/main.ts';
import type { CommandDeclaration, OptionDeclaration } from '../../src/cli/options.ts';
import { callCli, runCli, type CliRun } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

// Every command of the registry with the declaration its parser reads: nothing here is a hand list.
const registry = await Promise.all(Object.entries(COMMANDS).map(async ([words, entry]) => ({ words, summary: entry.summary, declaration: (await entry.load()).declaration })));
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'conform-help-'));
  scratch.push(dir);
  return dir;
}

const groups = [...new Set(Object.keys(COMMANDS).filter((words) => words.includes(' ')).map((words) => words.split(' ')[0]!))];

/**
 * The CLI's entry point called in this process with captured output: help and usage errors need no
 * child process each (about 30 of them would take minutes on 2 cores). The last describe block shows
 * the same through bin/conform.js.
 */
async function cli(args: string[]): Promise<CliRun> {
  const run = { code: 0, stdout: '', stderr: '' };
  run.code = await main(args, { cwd: REPO_ROOT, env: {}, stdout: (text) => (run.stdout += text), stderr: (text) => (run.stderr += text) });
  return run;
}

/** `conform WORDS --help`. */
function helpOf(words: string): Promise<CliRun> {
  return cli([...words.split(' '), '--help']);
}

/** The help line of one option: `  [-s, ]--name[ VALUE]  description`. */
function optionLine(name: string, option: OptionDeclaration): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const value = option.type === 'string' ? ` ${escape(option.value ?? 'VALUE')}` : '';
  return new RegExp(`^ {2}(-${option.short ?? '\\w'}, )?--${escape(name)}${value} {2,}${escape(option.description)}`, 'm');
}

function expectListsEveryOption(stdout: string, declaration: CommandDeclaration): void {
  for (const [name, option] of Object.entries(declaration.options)) expect(stdout, `--${name}`).toMatch(optionLine(name, option));
  expect(stdout).toMatch(/^ {2}-h, --help {2,}\S/m);
}

describe('conform COMMAND --help', () => {
  it.each(registry.map((command) => [command.words, command] as const))('%s: --help and -h print its usage and every option, exit 0; an unknown flag points at --help, exit 2', async (words, { summary, declaration }) => {
    const command = words.split(' ');
    const [long, short, unknown] = [await helpOf(words), await cli([...command, '-h']), await cli([...command, '--no-such-flag'])];
    expect(long).toMatchObject({ code: 0, stderr: '' });
    expect(long.stdout.startsWith(`usage: conform ${words}`)).toBe(true);
    expect(long.stdout).toContain(`\n${summary}\n`);
    expectListsEveryOption(long.stdout, declaration);
    expect(short).toEqual(long);

    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(new RegExp(`^conform ${words}: [^\\n]*--no-such-flag[^\\n]*; see conform ${words} --help\\n$`));
  }, 120_000);

  it.each([
    ['specs lint', '--json'],
    ['report', '--dir DIR'],
    ['check', '--content-type T'],
    ['specs import', '--retrieved YYYY-MM-DD'],
    // The issue says --midaz-auth; the flag that exists is --require-auth (midaz is the vendor whose auth it requires).
    ['sandbox', '--require-auth'],
  ])('lists the flag the issue found undiscoverable: conform %s %s', async (words, flag) => {
    const run = await helpOf(words);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^ {2}${flag} {2,}\\S`, 'm'));
  });

  it('conform help COMMAND is conform COMMAND --help', async () => {
    const [help, flag] = [await cli(['help', 'specs', 'lint']), await helpOf('specs lint')];
    expect(help).toEqual(flag);
    expect(help.code).toBe(0);
  });

  it.each(groups)('conform %s --help lists its subcommands, exit 0; the group word alone lists them on stderr, exit 2', async (group) => {
    const [asked, bare] = [await cli([group, '--help']), await cli([group])];
    const subcommands = registry.filter(({ words }) => words.startsWith(`${group} `));
    expect(subcommands.length).toBeGreaterThan(0);
    expect(asked).toMatchObject({ code: 0, stderr: '' });
    for (const { words, summary } of subcommands) expect(asked.stdout).toMatch(new RegExp(`^ {2}conform ${words} +${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toBe(`conform: unknown command "${group}"\n\n${asked.stdout}`);
  });

  it('conform --help lists every command and how to get its options', async () => {
    const run = await cli(['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const { words } of registry) expect(run.stdout).toMatch(new RegExp(`^ {2}conform ${words} {2,}\\S`, 'm'));
    expect(run.stdout).toContain('conform COMMAND --help');
    expect(run.stdout).toContain('conform --version');
  });
});

describe('through bin/conform.js', () => {
  it('--help, -h and an unknown flag print and exit as in process', async () => {
    for (const args of [['check', '--help'], ['specs', 'lint', '-h'], ['report', '--no-such-flag']]) expect(await runCli(args), args.join(' ')).toEqual(await cli(args));
  });
});

describe('conform --version', () => {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

  it.each(['--version', '-V'])('%s prints package.json\'s version, exit 0', async (flag) => {
    expect(await runCli([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('conform specs lint DIR', () => {
  interface Linted {
    file: string;
    error?: string;
  }

  it('lints exactly the documents the default finds in that folder, with the same results and exit code', async () => {
    const [all, folder] = await Promise.all([callCli(['specs', 'lint', '--json']), callCli(['specs', 'lint', '--json', 'specs/midaz'])]);
    const expected = (JSON.parse(all.stdout) as Linted[]).filter((result) => result.file.startsWith('specs/midaz/'));
    expect(expected.length).toBeGreaterThan(1);
    expect(JSON.parse(folder.stdout)).toEqual(expected);
    expect(folder.code).toBe(expected.some((result) => result.error !== undefined) ? 2 : 0);
    expect(folder.code).toBe(all.code);
  });

  it('finds documents at any depth, skips other files, and names them as the folder was given', async () => {
    const root = scratchDir();
    mkdirSync(join(root, 'acme', 'v1'), { recursive: true });
    cpSync(join(REPO_ROOT, 'specs', 'whop', '1.0.0.yaml'), join(root, 'acme', 'v1', 'openapi.yaml'));
    cpSync(join(REPO_ROOT, 'specs', 'midaz', '3.7.1.yaml'), join(root, 'acme', 'top.yml'));
    writeFileSync(join(root, 'acme', 'notes.md'), '# not a document\n');
    const run = await callCli(['specs', 'lint', '--json', 'acme'], {}, root);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(run.stdout) as Linted[]).map((result) => result.file)).toEqual(['acme/top.yml', 'acme/v1/openapi.yaml']);
  });

  it('exits 2 with one line for a folder that holds no document: linting nothing is not a clean bill', async () => {
    const root = scratchDir();
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'empty', 'notes.md'), '# not a document\n');
    expect(await cli(['specs', 'lint', join(root, 'empty')])).toEqual({ code: 2, stdout: '', stderr: `conform specs lint: no documents (.yaml, .yml, .json) in ${join(root, 'empty')}\n` });
  });

  it('exits 2 with one line naming a path that does not exist', async () => {
    const run = await callCli(['specs', 'lint', '/nonexistent']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^[^\n]*\/nonexistent[^\n]*\n$/);
  });
});

describe('conform specs import URL', () => {
  it('says plainly that it takes saved pages, not URLs: one line, exit 2, nothing fetched or written', async () => {
    const out = scratchDir();
    const run = await callCli(['specs', 'import', 'https://example.com/x', '--out', out]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'conform specs import: a URL was given; specs import reads saved documentation pages and never fetches: save the page and pass the file\n',
    });
    expect(readdirSync(out)).toEqual([]);
  });

  it('says so in its help', async () => {
    const run = await helpOf('specs import');
    expect(run.stdout).toMatch(/saved vendor documentation pages \(files: no network at run time, a URL is refused\)/);
  });
});
