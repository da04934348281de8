import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A published pact's consumer version: the short commit, and the branch unless HEAD is detached (CI checkouts). */
export interface ConsumerVersion {
  version: string;
  branch: string | null;
}

/** Reads it from git in `cwd`; throws an Error naming what git said when it cannot. */
export async function consumerVersion(cwd: string): Promise<ConsumerVersion> {
  const git = async (...args: string[]) => (await run('git', args, { cwd })).stdout.trim();
  let version: string;
  try {
    version = await git('rev-parse', '--short', 'HEAD');
  } catch (error) {
    const said = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new Error(`cannot read the consumer version from git in ${cwd}: ${said}`);
  }
  const branch = await git('rev-parse', '--abbrev-ref', 'HEAD').catch(() => 'HEAD');
  return { version, branch: branch === 'HEAD' ? null : branch };
}
