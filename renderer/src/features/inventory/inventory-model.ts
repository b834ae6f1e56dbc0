// The inventory list's model, run inside the inventory worker: compact rows projected from assets,
// sort orders (computed once per column, reused in both directions) and substring search over a
// lower-cased haystack per row. Pure functions over arrays: nothing here touches the DOM or dexie.
import type { Asset } from '../../../../core/model/asset';

export const SORT_KEYS = ['assetTag', 'serial', 'type', 'maker', 'model', 'department', 'room', 'status', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 1 | -1;

/** What a row of the list shows: small, so pages cross the worker boundary cheaply. */
export interface InventoryRow {
  id: string;
  assetTag?: string;
  serial?: string;
  type?: string;
  maker?: string;
  model?: string;
  department?: string;
  room?: string;
  status?: string;
  updatedAt: number;
  mac?: string;
  ip?: string;
  description?: string;
}

export function projectAsset(a: Asset): InventoryRow {
  const r: InventoryRow = { id: a.id, updatedAt: a.updatedAt };
  if (a.assetTag) r.assetTag = a.assetTag;
  if (a.serial) r.serial = a.serial;
  if (a.type) r.type = a.type;
  if (a.maker) r.maker = a.maker;
  if (a.model) r.model = a.model;
  if (a.department) r.department = a.department;
  if (a.room) r.room = a.room;
  if (a.status) r.status = a.status;
  if (a.macs?.[0]) r.mac = a.macs[0];
  if (a.ips?.[0]) r.ip = a.ips[0];
  if (a.description) r.description = a.description;
  return r;
}

/** Everything a search can match, lower-cased once. */
export function haystack(a: Asset): string {
  const parts = [a.assetTag, a.serial, a.type, a.maker, a.makerOriginal, a.model, a.description, a.department, a.room, a.hostname, a.site, a.building, a.floor, a.udi, ...(a.macs ?? []), ...(a.ips ?? [])];
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\u0001').toLowerCase();
}

/** Ascending order of `rows` by `key` (code-unit order, as IndexedDB indexes sort), empty values last. */
export function ascendingOrder(rows: readonly InventoryRow[], key: SortKey): { order: Uint32Array; filled: number } {
  const filledIdx: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![key];
    if (v === undefined || v === '') empty.push(i);
    else filledIdx.push(i);
  }
  if (key === 'updatedAt') filledIdx.sort((a, b) => rows[a]!.updatedAt - rows[b]!.updatedAt || (rows[a]!.id < rows[b]!.id ? -1 : 1));
  else {
    const vals = rows.map((r) => (r[key] as string | undefined) ?? '');
    filledIdx.sort((a, b) => {
      const x = vals[a]!;
      const y = vals[b]!;
      if (x !== y) return x < y ? -1 : 1;
      return rows[a]!.id < rows[b]!.id ? -1 : 1;
    });
  }
  const order = new Uint32Array(rows.length);
  order.set(filledIdx, 0);
  order.set(empty, filledIdx.length);
  return { order, filled: filledIdx.length };
}

/** The order for a direction: descending reverses the filled part; empty values stay last. */
export function directed(asc: { order: Uint32Array; filled: number }, dir: SortDir): Uint32Array {
  if (dir === 1) return asc.order;
  const out = new Uint32Array(asc.order.length);
  for (let i = 0; i < asc.filled; i++) out[i] = asc.order[asc.filled - 1 - i]!;
  out.set(asc.order.subarray(asc.filled), asc.filled);
  return out;
}

/** Rows of `order` whose haystack holds every word of `query` (case-insensitive). */
export function searchOrder(order: Uint32Array, hay: readonly string[], query: string): Uint32Array {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return order;
  const out = new Uint32Array(order.length);
  let n = 0;
  outer: for (let i = 0; i < order.length; i++) {
    const idx = order[i]!;
    const h = hay[idx]!;
    for (const w of words) if (!h.includes(w)) continue outer;
    out[n++] = idx;
  }
  return out.slice(0, n);
}
