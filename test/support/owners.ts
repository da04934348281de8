import { spawn } from 'node:child_process';

/**
 * Runs `test` with two real pids: one of a process that has exited, one of a process still running
 * (ended afterwards), as the owners of a killed run's leftovers and of a live run's work in progress.
 */
export async function withOwners(test: (pids: { gone: number; live: number }) => Promise<void>): Promise<void> {
  const gone = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => gone.on('exit', resolve));
  const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  try {
    await test({ gone: gone.pid!, live: live.pid! });
  } finally {
    live.kill('SIGKILL');
  }
}
