import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './root.ts';

/** Peers live here (gitignored), installed by the bench itself: never project dependencies, never in `npm ci`. */
const PEERS_DIR = join(ROOT, 'bench', '.peers');

/**
 * The absolute path of a peer's command-line entry, installing `name@version` from the npm registry
 * first unless that exact version is already there. Rejects with npm's reason when it cannot install.
 */
export async function peerBin(name: string, version: string, bin: string): Promise<string> {
  const dir = join(PEERS_DIR, 'node_modules', ...name.split('/'));
  let manifest = await readManifest(dir);
  if (manifest?.version !== version) {
    await npmInstall(`${name}@${version}`);
    manifest = await readManifest(dir);
  }
  const entry = manifest?.bin?.[bin];
  if (!entry) throw new Error(`${name}@${version} has no "${bin}" command`);
  return join(dir, entry);
}

async function readManifest(dir: string): Promise<{ version: string; bin?: Record<string, string> } | null> {
  try {
    return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  } catch {
    return null;
  }
}

function npmInstall(spec: string): Promise<void> {
  process.stdout.write(`  installing ${spec} into bench/.peers/...\n`);
  return new Promise((resolve, reject) => {
    const npm = spawn('npm', ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--loglevel=error', spec], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    npm.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    npm.on('error', (error) => reject(new Error(`npm could not start: ${error.message}`)));
    npm.on('exit', (code) => {
      if (code === 0) return resolve();
      // npm's first error line of prose says why (offline: "request to ... failed, reason: ..."), after
      // its code/syscall/errno fields and before a stack trace and the path of its log.
      const reason = stderr
        .split('\n')
        .filter((line) => /^npm (error|ERR!) /.test(line))
        .map((line) => line.replace(/^npm (error|ERR!) /, ''))
        .find((line) => !/^(code|syscall|errno|path) |^\s+at |^[{}]|complete log/.test(line));
      reject(new Error(`npm install ${spec} failed: ${reason?.trim() ?? `exit ${code}`}`));
    });
  });
}
