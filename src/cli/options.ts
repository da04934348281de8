/** One flag: what node:util parseArgs reads, plus what `--help` prints for it. */
export interface OptionDeclaration {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  default?: string | boolean;
  /** One line, lower case, no final full stop. */
  description: string;
  /** The value's name in help (`--dir DIR`); string options only. */
  value?: string;
}

/**
 * What a command accepts, declared once: its parser reads `options` and its `--help` lists them,
 * so a flag cannot exist without being listed.
 */
export interface CommandDeclaration {
  /** The command words, as typed after `conform`: 'specs lint'. */
  command: string;
  /** What follows the command words in the usage line: 'VENDOR [--port N]'. */
  usage: string;
  options: Readonly<Record<string, OptionDeclaration>>;
  /** Whether it takes arguments besides its flags. */
  positionals?: boolean;
}

/** `usage: conform COMMAND ...`, the line usage mistakes print. */
export function usageLine(declaration: CommandDeclaration): string {
  return `usage: conform ${declaration.command}${declaration.usage ? ` ${declaration.usage}` : ''}`;
}

/** The hint every unknown-flag message ends with. */
export function helpHint(command: string): string {
  return `see conform ${command} --help`;
}
