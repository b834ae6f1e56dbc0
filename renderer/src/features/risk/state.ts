// The risk view's live state (never persisted: the report is recomputed from what dexie holds) and
// the one worker that computes it. A run asked for while one is going is queued, not lost.
import { registerSlice, useStore } from '../../store';
import type { RiskResult } from './compute';
import type { FromRiskWorker, ToRiskWorker } from './protocol';

export interface RiskJob {
  phase: string;
  done: number;
  total: number;
}

export interface RiskSlice extends Record<string, unknown> {
  riskJob: RiskJob | null;
  riskResult: RiskResult | null;
  riskRanAt: number | null;
  riskMs: number | null;
  riskError: string | null;
}

registerSlice<RiskSlice>(() => ({ riskJob: null, riskResult: null, riskRanAt: null, riskMs: null, riskError: null }));

const set = (p: Partial<RiskSlice>) => useStore.setState(p);
const get = () => useStore.getState() as unknown as RiskSlice;

export function useRisk<T>(select: (s: RiskSlice) => T): T {
  return useStore((s) => select(s as unknown as RiskSlice));
}

let worker: Worker | null = null;
let nextId = 1;
let running: number | null = null;
let queued = false;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./risk.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<FromRiskWorker>) => {
    const m = e.data;
    if (m.id !== running) return;
    if (m.type === 'progress') set({ riskJob: { phase: m.phase, done: m.done, total: m.total } });
    else {
      running = null;
      if (m.type === 'done') set({ riskJob: null, riskResult: m.result, riskRanAt: Date.now(), riskMs: m.ms, riskError: null });
      else set({ riskJob: null, riskError: `Matching failed: ${m.message}` });
      if (queued) {
        queued = false;
        runRisk();
      }
    }
  };
  w.onerror = (e) => {
    // The worker died: say why, keep the last good report, start a fresh worker next time.
    running = null;
    set({ riskJob: null, riskError: `Matching stopped unexpectedly: ${e.message || 'worker error'}` });
    w.terminate();
    worker = null;
  };
  worker = w;
  return w;
}

/** Recompute the report (matching, signals, scores) in the worker. */
export function runRisk(): void {
  if (running !== null) {
    queued = true;
    return;
  }
  const id = nextId++;
  running = id;
  set({ riskJob: { phase: 'starting', done: 0, total: 0 } });
  ensureWorker().postMessage({ type: 'run', id, today: today() } satisfies ToRiskWorker);
}

export function riskState(): RiskSlice {
  return get();
}
