import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how a command was called: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** node:util parseArgs, with its errors turned into UsageErrors that name the command. */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`conform ${command}: ${(error as Error).message}`);
  }
}
