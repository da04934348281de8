/** What a command may touch of the outside world; tests pass their own to capture output. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The terminal's width when stdout is one; absent when it is piped or a file. */
  columns?: number;
}

/** A CLI command: its arguments (after the command words) in, an exit code out. It never calls process.exit. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    // A terminal that reports no size (a pty nobody sized) is taken as 80 columns wide.
    ...(process.stdout.isTTY ? { columns: process.stdout.columns || 80 } : {}),
  };
}
