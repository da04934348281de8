#!/usr/bin/env node
// `npm run bench`: performance targets as ratios measured in one run (see README "Performance").
import { register } from 'tsx/esm/api';

register();
await import('../bench/main.ts');
