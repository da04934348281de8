import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { ROOT } from './root.ts';

export interface PrismProxy {
  origin: string;
  close(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * `prism proxy --errors SPEC UPSTREAM` on a free loopback port: Prism forwards each request upstream
 * and validates request and response against the document (a violation becomes a 500). Resolves once
 * `probePath` answers through it. Logging is cut to warnings, which only spares Prism work.
 */
export async function startPrismProxy(prismEntry: string, spec: string, upstream: string, probe: { path: string; headers: Record<string, string> }): Promise<PrismProxy> {
  const port = await freePort();
  const args = [prismEntry, 'proxy', '--errors', '--verboseLevel', 'warn', '--host', '127.0.0.1', '--port', String(port), join(ROOT, spec), upstream];
  const prism = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  prism.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = once(prism, 'exit');
  // Unlike the TypeScript children, Prism does not stop when the bench's pipes close: never leave it running.
  const killPrism = () => prism.kill();
  process.once('exit', killPrism);
  const origin = `http://127.0.0.1:${port}`;
  const close = async () => {
    process.off('exit', killPrism);
    if (prism.exitCode === null && prism.signalCode === null) {
      prism.kill();
      await exited;
    }
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (prism.exitCode !== null) throw new Error(`prism exited with ${prism.exitCode}: ${stderr.trim()}`);
    try {
      const response = await request(origin + probe.path, { headers: probe.headers });
      await response.body.dump();
      return { origin, close };
    } catch {
      await sleep(100); // not listening yet
    }
  }
  await close();
  throw new Error(`prism did not answer within ${READY_TIMEOUT_MS / 1000} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
