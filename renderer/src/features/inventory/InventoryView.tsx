// The inventory: every asset in one virtualized list that stays fast at 100,000 assets. The first
// screen comes straight from an IndexedDB index (a 60-row query, no waiting for the whole table);
// sorting and searching run in a worker that holds compact rows, and the page asks it only for the
// rows of the visible window, in blocks. The UI thread never holds or sorts the whole inventory.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema';
import type { InventoryRow, SortDir, SortKey } from './inventory-model';
import { projectAsset } from './inventory-model';
import type { FromInventoryWorker, ToInventoryWorker } from './protocol';
import './inventory.css';

const BLOCK = 100;
const FIRST_PAGE = 60;
const ROW_H = 34;

interface Column {
  key: SortKey;
  label: string;
  width: string;
  show: (r: InventoryRow) => string;
}

const fmtDate = (t: number) => (t ? new Date(t).toISOString().slice(0, 10) : '');

const COLUMNS: Column[] = [
  { key: 'assetTag', label: 'Asset tag', width: '120px', show: (r) => r.assetTag ?? '' },
  { key: 'serial', label: 'Serial', width: '130px', show: (r) => r.serial ?? '' },
  { key: 'type', label: 'Type', width: '1fr', show: (r) => r.type ?? '' },
  { key: 'maker', label: 'Maker', width: '1fr', show: (r) => r.maker ?? '' },
  { key: 'model', label: 'Model', width: '1fr', show: (r) => r.model ?? '' },
  { key: 'department', label: 'Department', width: '1fr', show: (r) => r.department ?? '' },
  { key: 'room', label: 'Room', width: '90px', show: (r) => r.room ?? '' },
  { key: 'status', label: 'Status', width: '110px', show: (r) => r.status ?? '' },
  { key: 'updatedAt', label: 'Updated', width: '100px', show: (r) => fmtDate(r.updatedAt) },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');
const nf = new Intl.NumberFormat('en-US');

/** Keys whose IndexedDB index can serve the first screen before the worker is ready. */
const INDEXED: ReadonlySet<SortKey> = new Set(['assetTag', 'serial', 'maker', 'model', 'type', 'department', 'room', 'status', 'updatedAt']);

export function InventoryView() {
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'assetTag', dir: 1 });
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ seq: number; total: number; all: number; ms: number; query: string } | null>(null);
  const sent = useRef(new Map<number, string>());
  const [firstPage, setFirstPage] = useState<{ rows: InventoryRow[]; count: number } | null>(null);
  const [, setTick] = useState(0);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const blocks = useRef(new Map<number, InventoryRow[]>());
  const inFlight = useRef(new Set<number>());
  const parent = useRef<HTMLDivElement>(null);

  // The worker: started with the view, stopped with it.
  useEffect(() => {
    const w = new Worker(new URL('./inventory.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromInventoryWorker>) => {
      const m = e.data;
      if (m.type === 'loaded') setReady(true);
      else if (m.type === 'error') setError(m.message);
      else if (m.type === 'result') {
        if (m.seq !== seq.current) return;
        blocks.current = new Map([[0, m.first]]);
        inFlight.current = new Set();
        setResult({ seq: m.seq, total: m.total, all: m.all, ms: m.ms, query: sent.current.get(m.seq) ?? '' });
      } else if (m.type === 'rows') {
        if (m.seq !== seq.current) return;
        const b = Math.floor(m.start / BLOCK);
        inFlight.current.delete(b);
        blocks.current.set(b, m.rows);
        setTick((t) => t + 1);
      }
    };
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  // First screen straight from an index, while the worker reads the whole table.
  useEffect(() => {
    if (ready) return;
    if (!INDEXED.has(sort.key)) {
      worker.current?.postMessage({ type: 'open' } satisfies ToInventoryWorker);
      return;
    }
    let stop = false;
    void (async () => {
      const coll = sort.dir === 1 ? db().assets.orderBy(sort.key) : db().assets.orderBy(sort.key).reverse();
      const [rows, count] = await Promise.all([coll.filter((a) => !a.deleted).limit(FIRST_PAGE).toArray(), db().assets.count()]);
      if (stop) return;
      setFirstPage({ rows: rows.map(projectAsset), count });
      // The worker starts reading the whole table only now: its large reads would queue the first
      // screen's small query behind them.
      worker.current?.postMessage({ type: 'open' } satisfies ToInventoryWorker);
    })();
    return () => {
      stop = true;
    };
  }, [ready, sort]);

  // Search as you type, a moment after the last key.
  useEffect(() => {
    const t = setTimeout(() => setQuery(search.trim()), 80);
    return () => clearTimeout(t);
  }, [search]);

  // Assets changed (an import, an edit, a merge): the worker reads them again.
  const changeMark = useLiveQuery(async () => {
    const [count, last] = await Promise.all([db().assets.count(), db().assets.orderBy('updatedAt').last()]);
    return `${count}:${last?.updatedAt ?? 0}:${last?.id ?? ''}`;
  }, []);
  const seenMark = useRef<string | undefined>(undefined);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    if (changeMark === undefined) return;
    if (seenMark.current !== undefined && seenMark.current !== changeMark) {
      worker.current?.postMessage({ type: 'reload' } satisfies ToInventoryWorker);
      setReloads((n) => n + 1);
    }
    seenMark.current = changeMark;
  }, [changeMark]);

  useEffect(() => {
    if (!ready) return;
    seq.current += 1;
    sent.current.set(seq.current, query);
    worker.current?.postMessage({ type: 'query', seq: seq.current, sort: sort.key, dir: sort.dir, search: query, firstBlock: BLOCK } satisfies ToInventoryWorker);
  }, [ready, sort, query, reloads]);

  const total = result ? result.total : (firstPage?.rows.length ?? 0);
  const v = useVirtualizer({ count: total, getScrollElement: () => parent.current, estimateSize: () => ROW_H, overscan: 8 });
  const items = v.getVirtualItems();

  // Ask the worker for the blocks the visible window needs (after each render; cheap when cached).
  useEffect(() => {
    if (!result || !worker.current || items.length === 0) return;
    const from = Math.floor(items[0]!.index / BLOCK);
    const to = Math.floor(items[items.length - 1]!.index / BLOCK);
    for (let b = from; b <= to; b++) {
      if (blocks.current.has(b) || inFlight.current.has(b)) continue;
      inFlight.current.add(b);
      worker.current.postMessage({ type: 'rows', seq: result.seq, start: b * BLOCK, end: (b + 1) * BLOCK } satisfies ToInventoryWorker);
    }
  });

  // A new sort or search starts at the top.
  useEffect(() => {
    v.scrollToOffset(0);
  }, [result?.seq]);

  const rowAt = (i: number): InventoryRow | undefined => {
    if (result) return blocks.current.get(Math.floor(i / BLOCK))?.[i % BLOCK];
    return firstPage?.rows[i];
  };

  const status = useMemo(() => {
    if (error) return `The inventory could not be read: ${error}`;
    if (!result) return firstPage ? `${nf.format(firstPage.count)} assets — preparing sort and search…` : 'Opening the inventory…';
    // The result's own query: while a new search runs, the status still describes the rows shown.
    if (result.query) return `${nf.format(result.total)} of ${nf.format(result.all)} assets match “${result.query}”`;
    return `${nf.format(result.all)} assets`;
  }, [error, result, firstPage]);

  return (
    <section className="view inventory-view" aria-labelledby="inventory-title">
      <header className="view-header">
        <h1 id="inventory-title">Inventory</h1>
        <p className="muted">Every asset on record. Sort by any column; search matches tag, serial, maker, model, type, department, room, MAC and IP.</p>
      </header>
      <div className="inv-toolbar">
        <input
          type="search"
          placeholder="Search the inventory"
          aria-label="Search the inventory"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className={error ? 'inv-status warn-text' : 'inv-status muted'} role="status" data-testid="inventory-status" data-ready={result ? 'yes' : 'no'} data-query={result?.query ?? ''}>
          {status}
        </span>
      </div>
      <div className="inv-table" role="grid" aria-label="Inventory" aria-rowcount={total + 1} data-testid="inventory-table">
        <div className="inv-row inv-head" role="row" style={{ gridTemplateColumns: GRID }}>
          {COLUMNS.map((c) => (
            <button
              key={c.key}
              type="button"
              role="columnheader"
              className="inv-cell inv-sort"
              aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
              onClick={() => setSort((s) => ({ key: c.key, dir: s.key === c.key ? ((-s.dir) as SortDir) : 1 }))}
            >
              {c.label}
              {sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
            </button>
          ))}
        </div>
        <div ref={parent} className="inv-body">
          {result && result.total === 0 ? <p className="muted inv-empty">{result.query ? 'No asset matches.' : 'No assets yet. Import an inventory spreadsheet or add assets during a ward walk.'}</p> : null}
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {items.map((vi) => (
              <Row key={vi.index} index={vi.index} row={rowAt(vi.index)} start={vi.start} size={vi.size} />
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}

/** One row; memoised so rows that stay in view are not rebuilt while scrolling. */
const Row = memo(function Row(props: { index: number; row: InventoryRow | undefined; start: number; size: number }) {
  const r = props.row;
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      className={r ? 'inv-row' : 'inv-row inv-pending'}
      data-id={r?.id}
      style={{ gridTemplateColumns: GRID, position: 'absolute', top: 0, left: 0, right: 0, height: props.size, transform: `translateY(${props.start}px)` }}
    >
      {COLUMNS.map((c) => {
        const text = r ? c.show(r) : '';
        return (
          <div key={c.key} role="gridcell" className="inv-cell" title={text}>
            {text}
          </div>
        );
      })}
    </div>
  );
});
