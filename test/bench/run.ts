// `npm run bench`: every benchmark in test/bench/*.ts (each exports run()), each measured against its
// named peer in the same run. Results print as a table and land in bench-results/results.json.
// Run one with: npm run bench -- discover
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './types';

const here = resolve(import.meta.dirname);
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts'].includes(f) && !f.endsWith('.test.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const all: (BenchResult & { file: string })[] = [];
for (const f of files) {
  console.error(`\n== ${f}`);
  const t0 = Date.now();
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as BenchModule;
    if (typeof mod.run !== 'function') continue;
    for (const r of await mod.run()) {
      all.push({ ...r, file: f });
      console.log(`\n${r.name}`);
      for (const [k, v] of Object.entries(r.metrics)) console.log(`  ${k.padEnd(36)} ${typeof v === 'number' ? +v.toFixed(3) : v}`);
      if (r.notes) console.log(`  note: ${r.notes}`);
    }
  } catch (e) {
    console.error(`benchmark ${f} failed: ${e instanceof Error ? e.stack : String(e)}`);
    process.exitCode = 1;
  }
  console.error(`   (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
const outDir = resolve(here, '../../bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), JSON.stringify({ at: new Date().toISOString(), results: all }, null, 2));
console.error(`\nwrote ${join(outDir, 'results.json')}`);
