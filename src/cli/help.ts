import { usageLine, type CommandDeclaration, type OptionDeclaration } from './options.ts';

/** Every command's own help flag, handled before its parser runs. */
const HELP_FLAGS = ['--help', '-h'];

/** Whether the arguments ask for help: --help or -h before any `--` (after it everything is an argument). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => HELP_FLAGS.includes(arg));
}

/** `conform COMMAND --help`: usage line, what it does, and every option its parser accepts. */
export function commandHelp(declaration: CommandDeclaration, summary: string): string {
  const rows: Array<[string, string]> = Object.entries(declaration.options).map(([name, option]) => [flagOf(name, option), describe(option)]);
  rows.push(['-h, --help', 'print this help']);
  return `${usageLine(declaration)}\n\n${summary}\n\noptions:\n${table(rows)}`;
}

/** Commands and what each does, one a line, aligned. */
export function commandList(commands: ReadonlyArray<readonly [string, string]>): string {
  return table(commands.map(([words, summary]) => [`conform ${words}`, summary]));
}

function flagOf(name: string, option: OptionDeclaration): string {
  const short = option.short ? `-${option.short}, ` : '';
  return `${short}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
}

function describe(option: OptionDeclaration): string {
  const repeatable = option.multiple ? ' (repeatable)' : '';
  const fallback = typeof option.default === 'string' ? ` (default: ${option.default})` : '';
  return `${option.description}${repeatable}${fallback}`;
}

function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}\n`).join('');
}
