import { spawn } from 'node:child_process';
import { ROOT } from './root.ts';

export type ProcessEnv = Record<string, string | undefined>;

/** Wall time of one Node process from spawn to exit, in ms; rejects (with its stderr tail) on any other exit code than `accepted`. */
export function timedNode(args: string[], env: ProcessEnv, accepted: readonly number[] = [0], cwd: string = ROOT): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== null && accepted.includes(code)) resolve(ms);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}
