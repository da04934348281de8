import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's chromium package; CI installs it (apt-get install chromium). */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * Runs headless chromium on one local file with a fresh profile and everything that could reach
 * the network switched off; returns its stdout (the DOM for --dump-dom).
 */
export async function headlessChromium(file: string, args: string[]): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'conform-chromium-'));
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`];
  try {
    return await new Promise((resolve, reject) => {
      execFile(CHROMIUM, [...flags, ...args, `file://${file}`], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr}`));
        else resolve(stdout);
      });
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
