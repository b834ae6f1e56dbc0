// Messages between the inventory view and its worker.
import type { InventoryRow, SortDir, SortKey } from './inventory-model';

export type ToInventoryWorker =
  | { type: 'open'; dbName?: string }
  | { type: 'reload' }
  | { type: 'query'; seq: number; sort: SortKey; dir: SortDir; search: string; firstBlock: number }
  | { type: 'rows'; seq: number; start: number; end: number };

export type FromInventoryWorker =
  | { type: 'loaded'; count: number; ms: number }
  | { type: 'result'; seq: number; total: number; all: number; ms: number; first: InventoryRow[] }
  | { type: 'rows'; seq: number; start: number; rows: InventoryRow[] }
  | { type: 'error'; message: string };
