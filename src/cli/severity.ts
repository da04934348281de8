import { readEnvironment, severityOverrides } from '../run/index.ts';
import type { SeverityOverrides } from '../findings/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { UsageError } from './usage-error.ts';

/** CONFORM_SEVERITY from the environment and .env, for a command that checks outside a run; a bad value is a usage error. */
export function configuredSeverity(command: string, cwd: string, env: NodeJS.ProcessEnv): SeverityOverrides {
  try {
    return severityOverrides(readEnvironment(cwd, env));
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`conform ${command}: configuration error: ${error.message}`);
    throw error;
  }
}
