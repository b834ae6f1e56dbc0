// Survey-bundle export, preview, import and settlement run here, off the UI thread: hashing every
// record (lineage) and checksumming a bundle of 100,000 assets takes seconds, which must never
// freeze the window. The worker opens the same IndexedDB through dexie; the page's live queries see
// its writes (dexie propagates changes between contexts).
/// <reference lib="webworker" />
import { WardwalkDb } from '../../db/schema';
import { exportBundle, importBundle, previewBundle, settleBundleConflict, unsettleBundleConflict } from './bundle-db';
import { exportSnapshot } from '../../db/snapshot';
import type { BundleJob, BundleJobResult } from './bundle-client';

declare const self: DedicatedWorkerGlobalScope;

let db: WardwalkDb | null = null;
const open = () => (db ??= new WardwalkDb());

async function handle(job: BundleJob): Promise<unknown> {
  switch (job.type) {
    case 'export':
      return exportBundle(open(), job.by);
    case 'snapshot':
      // The backup before a merge: a whole-database snapshot is built here, not on the UI thread
      // (at 1,000,000 observations that is seconds of work).
      return exportSnapshot(open());
    case 'preview': {
      const r = await previewBundle(open(), job.text);
      return r.ok ? { ok: true, preview: r.preview } : r;
    }
    case 'import':
      return importBundle(open(), job.text, job.by, job.fileName);
    case 'settle':
      return settleBundleConflict(open(), job.id, job.choice, job.by);
    case 'unsettle':
      await unsettleBundleConflict(open(), job.id, job.undo);
      return { ok: true };
  }
}

self.onmessage = (e: MessageEvent<{ n: number; job: BundleJob }>) => {
  const { n, job } = e.data;
  handle(job).then(
    (value) => self.postMessage({ n, ok: true, value } satisfies BundleJobResult),
    (err: unknown) => self.postMessage({ n, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies BundleJobResult),
  );
};
