#!/usr/bin/env node
// Runs the TypeScript sources directly: no build step to forget, and the CLI always matches src/.
import { register } from 'tsx/esm/api';

// Dependencies load several times faster before tsx's loader hooks are in place (they sit in front of
// every import); the TypeScript that imports them later gets these same, already loaded, modules.
const preload = ['ajv/dist/2020.js', 'ajv-formats', 'yaml', 'undici', '@apidevtools/json-schema-ref-parser'];
if (process.argv[2] === 'run') preload.push('vitest/node');
if (['run', 'verify', 'contracts'].includes(process.argv[2] ?? '')) preload.push('@pact-foundation/pact-core');
await Promise.all(preload.map((name) => import(name)));

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
