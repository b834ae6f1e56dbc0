// The page's side of the bundle worker: one worker, started on first use, jobs answered in order.
import type { ImportOutcome, BundlePreview, SettleOutcome } from './bundle-db';

export type BundleJob =
  | { type: 'export'; by: string }
  | { type: 'snapshot' }
  | { type: 'preview'; text: string }
  | { type: 'import'; text: string; by: string; fileName: string }
  | { type: 'settle'; id: string; choice: 'mine' | 'theirs'; by: string }
  | { type: 'unsettle'; id: string; undo: Extract<SettleOutcome, { ok: true }>['undo'] };

export type BundleJobResult = { n: number; ok: true; value: unknown } | { n: number; ok: false; error: string };

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function run<T>(job: BundleJob): Promise<T> {
  if (!worker) {
    worker = new Worker(new URL('./bundles.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<BundleJobResult>) => {
      const w = waiting.get(e.data.n);
      if (!w) return;
      waiting.delete(e.data.n);
      if (e.data.ok) w.resolve(e.data.value);
      else w.reject(new Error(e.data.error));
    };
  }
  const n = ++next;
  return new Promise<T>((resolve, reject) => {
    waiting.set(n, { resolve: resolve as (v: unknown) => void, reject });
    worker!.postMessage({ n, job });
  });
}

export const bundleJobs = {
  snapshot: () => run<string>({ type: 'snapshot' }),
  export: (by: string) => run<{ text: string; counts: Record<string, number> }>({ type: 'export', by }),
  preview: (text: string) => run<{ ok: true; preview: BundlePreview } | { ok: false; reason: string }>({ type: 'preview', text }),
  import: (text: string, by: string, fileName: string) => run<ImportOutcome>({ type: 'import', text, by, fileName }),
  settle: (id: string, choice: 'mine' | 'theirs', by: string) => run<SettleOutcome>({ type: 'settle', id, choice, by }),
  unsettle: (id: string, undo: Extract<SettleOutcome, { ok: true }>['undo']) => run<{ ok: true }>({ type: 'unsettle', id, undo }),
};
