// Export rows: the inventory in the user's own column layout when they imported one (mapped columns
// write back the text they typed whenever it still means the same value; extra columns as kept), plus
// what the network added in "Wardwalk: …" columns that a re-import ignores. Every cell is escaped so a
// spreadsheet program never evaluates it (OWASP CSV injection; CWE-1236).
import type { Asset } from '../model/asset';
import type { AssetData, AssetField, ColumnMapping, RawCell } from './types';
import { ASSET_FIELDS, DATE_FIELDS, MULTI_FIELDS } from './types';
import { applyField, originalKey } from './rows';
import { escapeCell } from './values';
import { isPlaceholder } from './text';
import { EXPORT_COLUMN_PREFIX } from './mapping';

/** What the network (and room confirmations) add to an asset. */
export interface NetworkFacts {
  ips?: string[];
  os?: string;
  /** Milliseconds since the epoch. */
  lastSeen?: number;
  confirmedRoom?: string;
}

export interface ExportOptions {
  /** The column layout of the imported sheet; without one, a standard layout is used. */
  layout?: readonly ColumnMapping[];
  network?: (asset: Asset) => NetworkFacts | undefined;
  /** Escape formula-looking cells (default true). */
  escape?: boolean;
}

export const NETWORK_COLUMNS = ['network IPs', 'OS', 'last seen', 'confirmed room'].map((h) => EXPORT_COLUMN_PREFIX + h);

const STANDARD_HEADERS: Record<AssetField, string> = {
  assetTag: 'Asset tag', serial: 'Serial', maker: 'Maker', model: 'Model', description: 'Description',
  department: 'Department', site: 'Site', building: 'Building', floor: 'Floor', room: 'Room', mac: 'MAC',
  ip: 'IP', hostname: 'Hostname', os: 'OS', firmware: 'Firmware', softwareVersion: 'Software version',
  status: 'Status', highRisk: 'High risk', lifeSupport: 'Life support', installDate: 'Install date',
  lastPm: 'Last PM', nextPm: 'Next PM', pmFrequency: 'PM frequency', warrantyEnd: 'Warranty end',
  retiredDate: 'Retired', udi: 'UDI',
};

/** A standard layout: every field with a value in some asset, then every extra column. */
export function standardLayout(assets: readonly Asset[]): ColumnMapping[] {
  const cols: ColumnMapping[] = [];
  for (const f of ASSET_FIELDS) {
    const used = assets.some((a) => fieldValue(a, f, 1, 1) !== '');
    if (used || f === 'assetTag' || f === 'serial') cols.push({ index: cols.length, header: STANDARD_HEADERS[f], field: f, ...(DATE_FIELDS.has(f) ? { dateOrder: 'ymd' as const } : {}) });
  }
  const extras = new Set<string>();
  for (const a of assets) for (const k of Object.keys(a.extra)) extras.add(k);
  for (const k of extras) cols.push({ index: cols.length, header: k, field: null });
  return cols;
}

/** Extra columns renamed to avoid a clash remember the key they read. */
const EXTRA_KEY = new WeakMap<ColumnMapping, string>();

/**
 * The imported layout, then a column for every field or extra column some asset has that the layout
 * lacks (assets from another sheet, fields added later): an export never drops data.
 */
function withSupplements(layout: readonly ColumnMapping[], assets: readonly Asset[]): ColumnMapping[] {
  const cols = layout.slice().sort((a, b) => a.index - b.index);
  const fields = new Set(cols.map((c) => c.field).filter((f) => f !== null));
  const headers = new Set(cols.map((c) => c.header.toLowerCase()));
  let next = cols.reduce((n, c) => Math.max(n, c.index + 1), 0);
  const add = (header: string, field: AssetField | null): void => {
    let h = header;
    for (let k = 2; headers.has(h.toLowerCase()); k++) h = `${header} (${k})`;
    headers.add(h.toLowerCase());
    const col: ColumnMapping = { index: next++, header: h, field, ...(field && DATE_FIELDS.has(field) ? { dateOrder: 'dmy' as const } : {}) };
    if (field === null) EXTRA_KEY.set(col, header);
    cols.push(col);
  };
  for (const f of ASSET_FIELDS) if (!fields.has(f) && assets.some((a) => fieldValue(a, f, 1, 1) !== '')) add(STANDARD_HEADERS[f], f);
  const extras = new Set<string>();
  for (const a of assets) for (const k of Object.keys(a.extra)) if (!cols.some((c) => c.field === null && c.header === k)) extras.add(k);
  for (const k of extras) add(k, null);
  return cols;
}

/** The normalised value of a field as text; for a field spread over `of` columns, this column's share. */
function fieldValue(a: Asset | AssetData, f: AssetField, nth: number, of: number): string {
  if (MULTI_FIELDS.has(f)) {
    const list: string[] = f === 'mac' ? a.macs : a.ips;
    if (of <= 1) return list.join(', ');
    return nth < of ? (list[nth - 1] ?? '') : list.slice(nth - 1).join(', ');
  }
  if (f === 'maker') return a.maker ?? '';
  const v = (a as unknown as Record<string, unknown>)[f];
  if (v === undefined || v === null) return '';
  if (f === 'highRisk' || f === 'lifeSupport') return v ? 'yes' : 'no';
  return String(v);
}

/** Does the text the user typed still normalise to the asset's current value? Then write it back as typed. */
function originalStillTrue(a: Asset, f: AssetField, original: string, col: ColumnMapping, nth: number, of: number): boolean {
  if (isPlaceholder(original)) return fieldValue(a, f, nth, of) === '';
  if (f === 'maker') return a.makerOriginal === original;
  const probe: AssetData = { macs: [], ips: [], extra: {}, original: {} };
  applyField(probe, f, original as RawCell, original, col.dateOrder, { warnings: [], notes: [], date1904: false });
  if (MULTI_FIELDS.has(f)) return fieldValue(probe, f, 1, 1) === fieldValue(a, f, nth, of);
  return fieldValue(probe, f, 1, 1) === fieldValue(a, f, 1, 1);
}

function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** Header row + one row per asset, as text (escaped unless `escape: false`). */
export function exportRows(assets: readonly Asset[], opts: ExportOptions = {}): string[][] {
  const live = assets.filter((a) => !a.deleted);
  const layout = withSupplements((opts.layout ?? standardLayout(live)).filter((c) => !c.ignore && !c.header.startsWith(EXPORT_COLUMN_PREFIX)), live);
  const esc = opts.escape === false ? (s: string) => s : escapeCell;
  const nthOf = new Map<ColumnMapping, [number, number]>();
  const counts = new Map<AssetField, number>();
  for (const c of layout) if (c.field) counts.set(c.field, (counts.get(c.field) ?? 0) + 1);
  const seen = new Map<AssetField, number>();
  for (const c of layout) {
    if (!c.field) continue;
    const k = (seen.get(c.field) ?? 0) + 1;
    seen.set(c.field, k);
    nthOf.set(c, [k, counts.get(c.field)!]);
  }
  const withNetwork = opts.network !== undefined;
  const header = [...layout.map((c) => c.header), ...(withNetwork ? NETWORK_COLUMNS : [])];
  const rows: string[][] = [header.map(esc)];
  for (const a of live) {
    const row: string[] = [];
    for (const c of layout) {
      if (!c.field) {
        const k = EXTRA_KEY.get(c) ?? c.header;
        row.push(Object.prototype.hasOwnProperty.call(a.extra, k) ? a.extra[k]! : '');
        continue;
      }
      const [nth, of] = nthOf.get(c)!;
      const key = originalKey(c.field, nth);
      const original = Object.prototype.hasOwnProperty.call(a.original, key) ? a.original[key] : undefined;
      if (original !== undefined && originalStillTrue(a, c.field, original, c, nth, of)) row.push(original);
      else row.push(fieldValue(a, c.field, nth, of));
    }
    if (withNetwork) {
      const n = opts.network!(a) ?? {};
      row.push((n.ips ?? []).join(', '), n.os ?? '', n.lastSeen !== undefined ? isoDateTime(n.lastSeen) : '', n.confirmedRoom ?? '');
    }
    rows.push(row.map(esc));
  }
  return rows;
}

/** RFC 4180 CSV text (CRLF, quotes doubled) from rows already escaped by exportRows. */
export function toCsv(rows: readonly string[][], separator = ','): string {
  const needs = new RegExp(`["\\r\\n${separator === '\t' ? '\\t' : separator}]`);
  return rows.map((r) => r.map((v) => (needs.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(separator)).join('\r\n') + '\r\n';
}
