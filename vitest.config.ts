import { defineConfig } from 'vitest/config';
import { SUITES_GLOBS } from './src/run/environment.ts';

export default defineConfig({
  test: {
    projects: [
      // The engine's own tests: `npm test`.
      { test: { name: 'unit', include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      // The vendor suites, against sandboxes or live vendors: `npm run conformance` (or `vitest --project suites`).
      { test: { name: 'suites', include: SUITES_GLOBS, globalSetup: ['src/run/global-setup.ts'], testTimeout: 60_000 } },
    ],
  },
});
