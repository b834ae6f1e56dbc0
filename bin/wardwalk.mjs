#!/usr/bin/env node
/* global process */
// The `wardwalk` command: loads the TypeScript CLI through tsx (a runtime dependency), so it works
// right after `npm install`, from any working directory.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
