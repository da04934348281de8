import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { authIsOptional, SANDBOX_VENDORS, sandboxScenarios, startSandbox, type RunningSandbox, type SandboxOptions, type SandboxVendor } from '../sandbox/index.ts';
import { EXIT } from '../results/index.ts';
import type { CliIo, Command } from './io.ts';

const USAGE = 'usage: conform sandbox VENDOR [--port N] [--scenario NAME] [--require-auth]';

interface SandboxInvocation {
  vendor: SandboxVendor;
  options: SandboxOptions;
}

/** `conform sandbox VENDOR ...`: serves until SIGINT or SIGTERM. */
export const sandboxCommand: Command = async (args, io) => {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await runSandboxCli(args, io, stop.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};

/** The command itself, stopped by `stop` rather than by process signals, so tests can run it. */
export async function runSandboxCli(args: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  const request = parseSandboxArgs(args);
  if (typeof request === 'string') {
    io.stderr(`conform sandbox: ${request}\n`);
    return EXIT.cannotRun;
  }
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox(request.vendor, request.options);
  } catch (error) {
    io.stderr(`conform sandbox: could not start the ${request.vendor} sandbox: ${(error as Error).message}\n`);
    return EXIT.cannotRun;
  }
  io.stdout(describeSandbox(request.vendor, sandbox, request.options));
  if (!stop.aborted) await once(stop, 'abort');
  await sandbox.close();
  io.stdout(`${sandbox.vendor} sandbox stopped\n`);
  return EXIT.pass;
}

/** The vendor and options, or a one-line message naming what is wrong and what is valid. */
function parseSandboxArgs(args: string[]): SandboxInvocation | string {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { port: { type: 'string' }, scenario: { type: 'string' }, 'require-auth': { type: 'boolean' } },
    });
  } catch (error) {
    return `${(error as Error).message}; ${USAGE}`;
  }
  const { positionals, values } = parsed;
  const validVendors = SANDBOX_VENDORS.join(', ');
  if (positionals.length !== 1) return `expected exactly one VENDOR (${validVendors}); ${USAGE}`;
  const vendor = SANDBOX_VENDORS.find((name) => name === positionals[0]);
  if (!vendor) return `unknown vendor '${positionals[0]}'; valid vendors: ${validVendors}`;
  const port = parsePort(values.port);
  if (port === undefined) return `invalid --port '${values.port}'; expected an integer from 0 to 65535 (0 picks a free port)`;
  const scenarioNames = sandboxScenarios(vendor).map((scenario) => scenario.name);
  const scenario = values.scenario ?? 'faithful';
  if (!scenarioNames.includes(scenario)) return `unknown ${vendor} scenario '${scenario}'; valid scenarios: ${scenarioNames.join(', ')}`;
  const requireAuth = values['require-auth'] ?? false;
  const optionalAuth = SANDBOX_VENDORS.filter(authIsOptional).join(', ');
  if (requireAuth && !authIsOptional(vendor)) return `--require-auth applies only where auth is optional (${optionalAuth}), not ${vendor}`;
  return { vendor, options: { port, scenario, requireAuth } };
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return 0;
  return /^\d+$/.test(text) && Number(text) <= 65535 ? Number(text) : undefined;
}

function describeSandbox(vendor: SandboxVendor, sandbox: RunningSandbox, options: SandboxOptions): string {
  const entries = (record: Record<string, string>) => Object.entries(record).map(([name, value]) => `  ${name}: ${value}\n`).join('');
  return [
    `${sandbox.vendor} sandbox listening at ${sandbox.url}\n`,
    `scenario: ${sandbox.scenario}\n`,
    authIsOptional(vendor) ? `bearer auth: ${options.requireAuth ? 'required' : 'off (start with --require-auth to require it)'}\n` : '',
    `fixtures:\n${entries(sandbox.fixtures)}`,
    `credentials (fake, valid only against this sandbox):\n${entries(sandbox.credentials)}`,
    `scenarios: ${sandboxScenarios(vendor).map((scenario) => scenario.name).join(', ')}\n`,
    'Stop with Ctrl+C.\n',
  ].join('');
}
