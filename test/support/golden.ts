import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './paths.ts';

/** Volatile values replaced so golden output is stable: ports, durations, timestamps, temp paths. */
export function scrub(text: string): string {
  return text
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/\b\d+ ms\b/g, 'N ms')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, 'TIMESTAMP')
    .replace(/\/tmp\/[\w.-]+/g, '/tmp/TMP');
}

/**
 * Compares with test/golden/NAME; only `UPDATE_GOLDEN=1 npm test` writes the file (review the diff). A missing
 * golden fails: written and then compared with itself, it would pass whatever the output.
 */
export function expectGolden(name: string, actual: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = join(REPO_ROOT, 'test', 'golden', name);
  if (env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) throw new Error(`golden file test/golden/${name} is missing: run with UPDATE_GOLDEN=1 to write it, then review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
