import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A pacticipant version as the Broker's conventions have it: the short commit, and the branch unless
 * HEAD is detached (CI checkouts).
 */
export interface GitVersion {
  version: string;
  branch: string | null;
}

/** A published pact's consumer version. */
export type ConsumerVersion = GitVersion;

/** Reads it from git in `cwd`; throws an Error naming what git said when it cannot. */
export function consumerVersion(cwd: string): Promise<ConsumerVersion> {
  return gitVersion(cwd, 'consumer version');
}

/**
 * The provider version verification results are published under: the commit of the repository
 * that verified (a vendor's own version is not known to conform), unless one was named.
 */
export function providerVersion(cwd: string): Promise<GitVersion> {
  return gitVersion(cwd, 'provider version', '; name one with --provider-version or PACT_PROVIDER_VERSION');
}

async function gitVersion(cwd: string, what: string, hint = ''): Promise<GitVersion> {
  const git = async (...args: string[]) => (await run('git', args, { cwd })).stdout.trim();
  let version: string;
  try {
    version = await git('rev-parse', '--short', 'HEAD');
  } catch (error) {
    const said = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new Error(`cannot read the ${what} from git in ${cwd}: ${said}${hint}`);
  }
  const branch = await git('rev-parse', '--abbrev-ref', 'HEAD').catch(() => 'HEAD');
  return { version, branch: branch === 'HEAD' ? null : branch };
}
