import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SUITES_GLOBS } from './src/run/environment.ts';

// The compiled conform (dist/), which callCli runs in the test's process: loaded by Node as bin/conform.js loads it, not through vite.
const COMPILED = new RegExp(`^${fileURLToPath(new URL('./dist/', import.meta.url)).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`);

export default defineConfig({
  test: {
    // The tests spend most of their time waiting on child processes and local servers: one file per
    // core keeps every core busy (vitest's default, one fewer, runs them one at a time on 2 cores).
    maxWorkers: availableParallelism(),
    projects: [
      // The engine's own tests: `npm test`. Timeouts are a safety net for a hung test, wide enough for two files sharing 2 cores.
      // globalSetup builds dist/ (what bin/conform.js runs) from the current sources first. A worker runs its files
      // in one module graph (isolate: false): the tests keep no global state (no mocks, no process.env writes),
      // and loading conform, vitest's node API and Pact again for each of 150 files cost about 40 % of the CPU.
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/build-dist.ts'],
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          server: { deps: { external: [COMPILED] } },
        },
      },
      // The vendor suites, against sandboxes or live vendors: `npm run conformance` (or `vitest --project suites`).
      { test: { name: 'suites', include: SUITES_GLOBS, globalSetup: ['src/run/global-setup.ts'], testTimeout: 60_000 } },
    ],
  },
});
