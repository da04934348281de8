import { parseArgs } from 'node:util';
import { helpHint, type CommandDeclaration } from './options.ts';

/** A mistake in how a command was called: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type ParsedArgs<D extends CommandDeclaration> = ReturnType<
  typeof parseArgs<{ args: string[]; options: D['options']; allowPositionals: D['positionals'] extends true ? true : false; strict: true }>
>;

/** node:util parseArgs on the command's declared options, its errors turned into UsageErrors that name the command and its --help. */
export function parseCommandArgs<const D extends CommandDeclaration>(declaration: D, args: string[]): ParsedArgs<D> {
  try {
    return parseArgs({ args, options: declaration.options, allowPositionals: declaration.positionals ?? false, strict: true }) as ParsedArgs<D>;
  } catch (error) {
    throw new UsageError(`conform ${declaration.command}: ${(error as Error).message}; ${helpHint(declaration.command)}`);
  }
}
