import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './root.ts';

export interface TsChild {
  /** The first line the child printed, parsed as JSON. */
  ready: unknown;
  /** Closes the child's stdin (its signal to stop) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Runs a bench TypeScript module in its own Node process and waits for its JSON "ready" line. */
export async function startTsChild(file: string, args: string[], nodeFlags: string[] = []): Promise<TsChild> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', join(ROOT, file), ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit');
  const first = await Promise.race([once(lines, 'line'), exited.then(([code]) => Promise.reject(new Error(`${file} exited with ${code} before it was ready`)))]);
  lines.close();
  child.stdout!.resume(); // later output is not read, but must not fill the pipe
  return {
    ready: JSON.parse(String(first[0])),
    stop: async () => {
      if (child.exitCode === null) {
        child.stdin!.end();
        await exited;
      }
    },
  };
}
