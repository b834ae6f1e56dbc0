// The inventory list's sorting and searching, off the UI thread: the worker reads the assets from
// IndexedDB itself (in chunks of 10,000 by primary key, so memory stays bounded while it reads),
// keeps compact rows and a search haystack, and answers the page with counts and the rows of the
// visible window only. 100,000 assets never cross into the UI thread at once.
/// <reference lib="webworker" />
import { WardwalkDb } from '../../db/schema';
import type { Asset } from '../../../../core/model/asset';
import { ascendingOrder, directed, haystack, projectAsset, searchOrder } from './inventory-model';
import type { InventoryRow, SortKey } from './inventory-model';
import type { FromInventoryWorker, ToInventoryWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const CHUNK = 10_000;
let rows: InventoryRow[] = [];
let hay: string[] = [];
let sorted = new Map<SortKey, ReturnType<typeof ascendingOrder>>();
let view: Uint32Array = new Uint32Array(0);
let viewSeq = -1;
let loading: Promise<void> | null = null;
let dbName: string | undefined;

const post = (m: FromInventoryWorker) => self.postMessage(m);

async function load(): Promise<void> {
  const t0 = performance.now();
  const db = new WardwalkDb(dbName);
  try {
    const nextRows: InventoryRow[] = [];
    const nextHay: string[] = [];
    let last: string | undefined;
    while (true) {
      const chunk: Asset[] = last === undefined ? await db.assets.limit(CHUNK).toArray() : await db.assets.where(':id').above(last).limit(CHUNK).toArray();
      for (const a of chunk) {
        if (a.deleted) continue;
        nextRows.push(projectAsset(a));
        nextHay.push(haystack(a));
      }
      if (chunk.length < CHUNK) break;
      last = chunk[chunk.length - 1]!.id;
    }
    rows = nextRows;
    hay = nextHay;
    sorted = new Map();
    post({ type: 'loaded', count: rows.length, ms: performance.now() - t0 });
  } finally {
    db.close();
  }
}

function ensureLoaded(): Promise<void> {
  if (!loading) {
    loading = load().catch((e: unknown) => {
      loading = null;
      post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      throw e;
    });
  }
  return loading;
}

self.onmessage = (e: MessageEvent<ToInventoryWorker>) => {
  const m = e.data;
  void (async () => {
    try {
      if (m.type === 'open') {
        dbName = m.dbName;
        await ensureLoaded();
      } else if (m.type === 'reload') {
        loading = null;
        await ensureLoaded();
      } else if (m.type === 'query') {
        await ensureLoaded();
        const t0 = performance.now();
        let asc = sorted.get(m.sort);
        if (!asc) sorted.set(m.sort, (asc = ascendingOrder(rows, m.sort)));
        view = searchOrder(directed(asc, m.dir), hay, m.search);
        viewSeq = m.seq;
        // The first block rides along: a new sort or search shows its top rows in one round trip.
        const first: InventoryRow[] = [];
        for (let i = 0; i < Math.min(view.length, m.firstBlock); i++) first.push(rows[view[i]!]!);
        post({ type: 'result', seq: m.seq, total: view.length, all: rows.length, ms: performance.now() - t0, first });
      } else if (m.type === 'rows') {
        if (m.seq !== viewSeq) return; // an older query's page: the page has moved on
        const end = Math.min(view.length, m.end);
        const out: InventoryRow[] = [];
        for (let i = Math.max(0, m.start); i < end; i++) out.push(rows[view[i]!]!);
        post({ type: 'rows', seq: m.seq, start: m.start, rows: out });
      }
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
