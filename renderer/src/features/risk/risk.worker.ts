// Matching and scoring run here, off the UI thread: the worker reads the stored assets, devices,
// advisories and MDS2 forms from IndexedDB itself (nothing large crosses postMessage on the way in)
// and sends back the report, with progress while it matches.
/// <reference lib="webworker" />
import { db } from '../../db/schema';
import { computeRisk } from './compute';
import type { FromRiskWorker, ToRiskWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: FromRiskWorker) => self.postMessage(m);

async function run(id: number, today: string): Promise<void> {
  const t0 = performance.now();
  post({ type: 'progress', id, phase: 'reading the database', done: 0, total: 0 });
  const d = db();
  const [assets, devices, advisories, mds2] = await Promise.all([d.assets.toArray(), d.devices.toArray(), d.advisories.toArray(), d.mds2.toArray()]);
  let last = 0;
  const result = computeRisk({ assets, devices, advisories, mds2, today }, (phase, done, total) => {
    const now = performance.now();
    if (now - last > 100 || done === total) {
      last = now;
      post({ type: 'progress', id, phase, done, total });
    }
  });
  post({ type: 'done', id, result, ms: Math.round(performance.now() - t0) });
}

self.onmessage = (e: MessageEvent<ToRiskWorker>) => {
  const m = e.data;
  if (m.type !== 'run') return;
  run(m.id, m.today).catch((err: unknown) => post({ type: 'error', id: m.id, message: err instanceof Error ? err.message : String(err) }));
};
