// Benchmark: importing every CISA advisory in test/fixtures/advisories (read + JSON.parse + the CSAF
// reader: product-tree flattening, version-range parsing, CVSS recomputed from every vector, revision
// merging) against the peer, a bare JSON.parse of the same texts; then matching a generated
// 10,000-asset inventory against them. Inventory rows are built from the advisories' own products
// (with versions inside, just outside and missing) plus unrelated makers, from a fixed seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Advisory } from '../../core/advisories/csaf';
import { mergeRevisions, parseCsafText } from '../../core/advisories/csaf';
import type { MatchableAsset } from '../../core/advisories/match';
import { buildAdvisoryIndex, matchAssets } from '../../core/advisories/match';
import { importAdvisories } from '../../electron/services/advisories';
import type { BenchResult } from './types';

const FIX = join(import.meta.dirname, '../fixtures/advisories');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall and CPU milliseconds of `runs` calls after one warm-up call (the JIT's first pass). */
function time<T>(fn: () => T, runs: number): { ms: number; cpuMs: number; coldMs: number; value: T } {
  const c0 = performance.now();
  let value = fn();
  const coldMs = performance.now() - c0;
  const ts: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    value = fn();
    ts.push(performance.now() - t0);
    const u = process.cpuUsage(u0);
    cs.push((u.user + u.system) / 1000);
  }
  return { ms: median(ts), cpuMs: median(cs), coldMs, value };
}

/** Deterministic inventory of n assets from the advisories' products plus unrelated makers. */
export function generateInventory(advisories: readonly Advisory[], n: number, seed = 42): MatchableAsset[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const products = advisories.flatMap((a) => a.products);
  const others = [
    ['Mindray', 'BeneView T5'],
    ['HP', 'LaserJet M404'],
    ['Samsung', 'Smart TV UE43'],
    ['Nihon Kohden', 'Life Scope G7'],
    ['Welch Allyn', 'Spot Vital Signs 4400'],
    ['Dell', 'OptiPlex 7010'],
    ['Zebra', 'ZT410'],
  ];
  const out: MatchableAsset[] = [];
  for (let i = 0; i < n; i++) {
    const id = `BME-${String(i + 1).padStart(5, '0')}`;
    if (rnd() < 0.6 && products.length) {
      const p = products[Math.floor(rnd() * products.length)]!;
      const a: MatchableAsset = { id, assetTag: id, maker: p.vendor, model: p.product };
      const r = rnd();
      if (p.spec.kind === 'versions' && p.spec.constraints[0] && r < 0.7) {
        const v = p.spec.constraints[0].value.text;
        a.softwareVersion = r < 0.35 ? v : `${v}.9`;
      }
      out.push(a);
    } else {
      const [maker, model] = others[Math.floor(rnd() * others.length)]!;
      out.push({ id, assetTag: id, maker: maker!, model: `${model!} ${Math.floor(rnd() * 90) + 10}`, softwareVersion: `${1 + Math.floor(rnd() * 5)}.${Math.floor(rnd() * 10)}` });
    }
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const dirs = ['csaf-icsma', 'csaf-icsma-older-revisions'];
  const texts: { name: string; text: string }[] = [];
  for (const d of dirs) for (const f of readdirSync(join(FIX, d)).sort()) if (f.endsWith('.json')) texts.push({ name: f, text: readFileSync(join(FIX, d, f), 'utf8') });
  const bytes = texts.reduce((a, t) => a + t.text.length, 0);
  const RUNS = 15;

  const peer = time(() => texts.map((t) => JSON.parse(t.text) as unknown), RUNS);
  const ours = time(() => {
    const docs: Advisory[] = [];
    for (const t of texts) {
      const r = parseCsafText(t.text, t.name);
      if (r.ok) docs.push(r.advisory);
    }
    return mergeRevisions([], docs).advisories;
  }, RUNS);
  const advisories = ours.value;
  // the whole service path from disk (folder walk + reads), for reference
  const t0 = performance.now();
  const disk = await importAdvisories(dirs.map((d) => join(FIX, d)));
  const diskMs = performance.now() - t0;

  const inventory = generateInventory(advisories, 10_000);
  const idx = time(() => buildAdvisoryIndex(advisories), 5);
  const m = time(() => matchAssets(buildAdvisoryIndex(advisories), inventory), 3);
  const matches = m.value;
  const assetsMatched = new Set(matches.map((x) => x.assetId)).size;

  return [
    {
      name: 'advisories: import all CISA ICSMA advisories (CSAF reader) vs bare JSON.parse',
      metrics: {
        files: texts.length,
        megabytes: +(bytes / 1e6).toFixed(2),
        advisories_kept: advisories.length,
        products: advisories.reduce((a, x) => a + x.products.length, 0),
        import_ms_median: +ours.ms.toFixed(2),
        import_cpu_ms_median: +ours.cpuMs.toFixed(2),
        peer_json_parse_ms_median: +peer.ms.toFixed(2),
        peer_json_parse_cpu_ms_median: +peer.cpuMs.toFixed(2),
        ratio_vs_json_parse: +(ours.ms / peer.ms).toFixed(2),
        ratio_vs_json_parse_cpu: +(ours.cpuMs / peer.cpuMs).toFixed(2),
        import_from_disk_ms: +diskMs.toFixed(2),
        import_from_disk_problems: disk.problems.length,
      },
      notes: `median of ${RUNS} runs (after one warm-up) over the same in-memory texts; the reader also recomputes every CVSS score from its vector and parses every version range. Wall and CPU time both given: the machine may be shared`,
    },
    {
      name: 'advisories: match a generated 10,000-asset inventory',
      metrics: {
        assets: inventory.length,
        index_build_ms_median: +idx.ms.toFixed(2),
        match_ms_first_run: +m.coldMs.toFixed(2),
        match_ms_median: +m.ms.toFixed(2),
        match_cpu_ms_median: +m.cpuMs.toFixed(2),
        assets_per_second: Math.round(inventory.length / (m.ms / 1000)),
        matches: matches.length,
        assets_matched: assetsMatched,
        affected: matches.filter((x) => x.verdict === 'affected').length,
        not_affected: matches.filter((x) => x.verdict === 'not-affected').length,
        unknown: matches.filter((x) => x.verdict === 'unknown').length,
        possible: matches.filter((x) => x.certainty === 'possible').length,
        match_ms_per_json_parse_ms: +(m.ms / peer.ms).toFixed(2),
      },
      notes: 'each run builds a fresh index (no memo carried over); inventory: 60% rows from advisory products (35% version on a bound, 35% just outside, 30% none), 40% unrelated makers; seed 42',
    },
  ];
}
