#!/usr/bin/env node
// Runs the TypeScript sources directly: no build step to forget, and the CLI always matches src/.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
