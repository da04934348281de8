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

/** Compares with test/golden/NAME; `UPDATE_GOLDEN=1 npm test` rewrites the file (review the diff). */
export function expectGolden(name: string, actual: string): void {
  const file = join(REPO_ROOT, 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
