// Benchmark: the full inventory import of a generated 50,000-row workbook (parse with the zip-bomb
// checks, header detection, mapping suggestion, normalisation into asset candidates) against SheetJS
// alone reading the same file (XLSX.read + sheet_to_json with header:1) in the same run. Each
// measurement runs in a fresh process under /usr/bin/time (peak RSS); the time reported is measured
// inside the process around the work only (module loading excluded), median of 3 runs.
// Goal: the full import within 1.5× of the raw SheetJS parse.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { BenchResult } from './types';
import { bigWorkbook, workbookBytes } from '../../electron/services/spreadsheet/test-workbooks';
import { readWorkbookBytes } from '../../electron/services/spreadsheet/read-workbook';
import { parseWorkbookBytes } from '../../electron/services/spreadsheet/parse';
import { analyseWorkbook, importSheets, selectionFromAnalysis } from '../../core/inventory/importer';

const ROOT = join(import.meta.dirname, '../..');
const ROWS = 50_000;
type Mode = 'sheetjs' | 'sheetjs-dense' | 'import' | 'import-worker';

interface ChildOut {
  ms: number;
  /** CPU time of the process during the work (user + system), less sensitive to a busy machine. */
  cpuMs: number;
  parts?: Record<string, number>;
  rows: number;
}

async function child(mode: Mode, file: string): Promise<ChildOut> {
  const bytes = new Uint8Array(readFileSync(file));
  const c0 = process.cpuUsage();
  const cpu = (): number => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const t0 = performance.now();
  if (mode === 'sheetjs' || mode === 'sheetjs-dense') {
    const wb = XLSX.read(bytes, { type: 'array', dense: mode === 'sheetjs-dense' });
    let rows = 0;
    for (const n of wb.SheetNames) rows += XLSX.utils.sheet_to_json(wb.Sheets[n]!, { header: 1 }).length;
    return { ms: performance.now() - t0, cpuMs: cpu(), rows };
  }
  const raw = mode === 'import' ? readWorkbookBytes(bytes, file) : await parseWorkbookBytes(bytes, file);
  const t1 = performance.now();
  const an = analyseWorkbook(raw);
  const t2 = performance.now();
  const res = importSheets(raw, an.filter((a) => a.importable).map(selectionFromAnalysis));
  const t3 = performance.now();
  return { ms: t3 - t0, cpuMs: cpu(), parts: { parseMs: t1 - t0, analyseMs: t2 - t1, normaliseMs: t3 - t2 }, rows: res.candidates.length + res.problems.length };
}

if (process.env.WW_INVENTORY_BENCH_CHILD) {
  const [mode, file] = process.env.WW_INVENTORY_BENCH_CHILD.split('|') as [Mode, string];
  const out = await child(mode, file);
  process.stdout.write('__RESULT__' + JSON.stringify(out) + '\n');
}

interface Measured extends ChildOut {
  rssMb: number;
}

function measure(mode: Mode, file: string): Measured {
  const r = spawnSync('/usr/bin/time', ['-f', '__TIME__ %M', process.execPath, join(ROOT, 'bin/run-ts.mjs'), join(ROOT, 'test/bench/inventory.ts')], {
    encoding: 'utf8',
    env: { ...process.env, WW_INVENTORY_BENCH_CHILD: `${mode}|${file}`, RUN_TS_NO_CALL: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('__RESULT__'));
  const t = (r.stderr ?? '').split('\n').find((l) => l.startsWith('__TIME__'));
  if (r.status !== 0 || !line || !t) throw new Error(`${mode} failed: ${r.stderr?.slice(-800)}`);
  return { ...(JSON.parse(line.slice('__RESULT__'.length)) as ChildOut), rssMb: Number(t.split(' ')[1]) / 1024 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ww-inv-bench-'));
  try {
    const file = join(dir, 'inventory-50k.xlsx');
    writeFileSync(file, workbookBytes(bigWorkbook(ROWS), 'xlsx'));
    const runs: Record<Mode, Measured[]> = { sheetjs: [], 'sheetjs-dense': [], import: [], 'import-worker': [] };
    for (let i = 0; i < 3; i++) for (const m of Object.keys(runs) as Mode[]) runs[m].push(measure(m, file));
    const ms = (m: Mode): number => median(runs[m].map((x) => x.ms));
    const cpuMs = (m: Mode): number => median(runs[m].map((x) => x.cpuMs));
    const rss = (m: Mode): number => Math.max(...runs[m].map((x) => x.rssMb));
    const part = (k: string): number => median(runs.import.map((x) => x.parts?.[k] ?? 0));
    const ratio = ms('import') / ms('sheetjs');
    const cpuRatio = cpuMs('import') / cpuMs('sheetjs');
    return [
      {
        name: `inventory import: ${ROWS.toLocaleString('en')}-row .xlsx (${(readFileSync(file).length / 1048576).toFixed(1)} MB) vs SheetJS read + sheet_to_json`,
        metrics: {
          'sheetjs raw parse ms': ms('sheetjs'),
          'wardwalk full import ms (in-process)': ms('import'),
          '  of which parse + zip checks ms': part('parseMs'),
          '  of which header + mapping ms': part('analyseMs'),
          '  of which normalise ms': part('normaliseMs'),
          'wardwalk full import ms (worker thread)': ms('import-worker'),
          'ratio import / sheetjs': ratio,
          'ratio worker import / sheetjs': ms('import-worker') / ms('sheetjs'),
          'sheetjs raw parse CPU ms': cpuMs('sheetjs'),
          'sheetjs dense-mode parse CPU ms (what the importer uses inside)': cpuMs('sheetjs-dense'),
          'wardwalk full import CPU ms (in-process)': cpuMs('import'),
          'ratio import / sheetjs (CPU)': cpuRatio,
          'goal (≤ 1.5×)': ratio <= 1.5 && cpuRatio <= 1.5 ? 'met' : 'NOT met',
          'sheetjs peak RSS MB': rss('sheetjs'),
          'wardwalk import peak RSS MB': rss('import'),
          'wardwalk worker import peak RSS MB': rss('import-worker'),
          'rows out (candidates + problems)': runs.import[0]!.rows,
        },
        notes: 'median of 3 fresh processes each; times exclude module loading; CPU ms is the process CPU time (the worker thread\'s CPU counts in its process, the wall time is the better figure there); the worker figure includes starting the worker thread and copying the parsed cells back',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
