#!/usr/bin/env node
/* global process */
// Run a TypeScript file with tsx: `node bin/run-ts.mjs test/bench/run.ts [args…]` (used by `npm run bench`).
// If the module exports run(), it is called and its result printed as JSON.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bin/run-ts.mjs FILE.ts [args…]\n');
  process.exit(2);
}
register();
const mod = await import(pathToFileURL(resolve(file)).href);
if (typeof mod.run === 'function' && !mod.default && process.env.RUN_TS_NO_CALL !== '1') {
  const out = await mod.run(process.argv.slice(3));
  if (out !== undefined) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}
