// Preview before commit: what an import would create, change (field by field), leave alone, or
// refuse. Matching is by asset tag, then serial (only when the serial is unique and the tags do not
// disagree), then — for rows with neither — by description, maker, model and location together, so
// importing the same or an updated sheet twice is idempotent.
import type { Asset } from '../model/asset';
import type { AssetId, ImportId } from '../model/ids';
import type { AssetCandidate, AssetData, ProblemRow } from './types';

export interface FieldChange {
  /** An asset field name, or "extra:<header>" for an extra column. */
  field: string;
  before?: string;
  after?: string;
}

export interface ChangedRow {
  candidate: AssetCandidate;
  asset: Asset;
  matchedBy: 'assetTag' | 'serial' | 'content';
  changes: FieldChange[];
}

export interface ImportPreview {
  added: AssetCandidate[];
  changed: ChangedRow[];
  unchanged: Array<{ candidate: AssetCandidate; asset: Asset; matchedBy: ChangedRow['matchedBy'] }>;
  problems: ProblemRow[];
}

/** Scalar fields compared between a candidate and an existing asset. */
const SCALARS = [
  'assetTag', 'serial', 'maker', 'makerOriginal', 'model', 'description', 'department', 'site', 'building', 'floor', 'room',
  'hostname', 'os', 'firmware', 'softwareVersion', 'status', 'highRisk', 'lifeSupport', 'installDate', 'lastPm', 'nextPm',
  'pmFrequency', 'warrantyEnd', 'retiredDate', 'udi',
] as const satisfies ReadonlyArray<keyof AssetData>;

const norm = (s: string | undefined): string => (s ?? '').trim().toUpperCase();

function contentKey(d: AssetData | Asset): string {
  return [d.description, d.maker, d.model, d.department, d.building, d.floor, d.room].map(norm).join('|');
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return String(v);
}

/** Field-level differences: a blank cell never erases what the asset already has. */
export function diffAsset(asset: Asset, data: AssetData): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const f of SCALARS) {
    const after = str(data[f]);
    if (after === undefined) continue;
    const before = str(asset[f]);
    if (before !== after) changes.push(before === undefined ? { field: f, after } : { field: f, before, after });
  }
  for (const [f, list] of [['macs', asset.macs], ['ips', asset.ips]] as const) {
    const add = (f === 'macs' ? data.macs : data.ips).filter((x) => !(list as string[]).includes(x));
    if (add.length) changes.push({ field: f, before: list.join(', '), after: [...list, ...add].join(', ') });
  }
  for (const k of Object.keys(data.extra)) {
    const after = data.extra[k]!;
    const before = Object.prototype.hasOwnProperty.call(asset.extra, k) ? asset.extra[k] : undefined;
    if (before !== after) changes.push(before === undefined ? { field: `extra:${k}`, after } : { field: `extra:${k}`, before, after });
  }
  return changes;
}

export function previewImport(existing: readonly Asset[], candidates: readonly AssetCandidate[], problems: readonly ProblemRow[] = []): ImportPreview {
  const live = existing.filter((a) => !a.deleted);
  const byTag = new Map<string, Asset>();
  const bySerial = new Map<string, Asset | null>(); // null: serial shared by several assets
  const byContent = new Map<string, Asset | null>();
  for (const a of live) {
    if (a.assetTag) byTag.set(norm(a.assetTag), a);
    if (a.serial) {
      const k = norm(a.serial);
      bySerial.set(k, bySerial.has(k) ? null : a);
    }
    if (!a.assetTag && !a.serial) {
      const k = contentKey(a);
      byContent.set(k, byContent.has(k) ? null : a);
    }
  }
  const out: ImportPreview = { added: [], changed: [], unchanged: [], problems: [...problems] };
  const claimed = new Map<AssetId, AssetCandidate>();
  for (const c of candidates) {
    let asset: Asset | undefined;
    let matchedBy: ChangedRow['matchedBy'] = 'assetTag';
    if (c.data.assetTag) asset = byTag.get(norm(c.data.assetTag));
    if (!asset && c.data.serial) {
      const a = bySerial.get(norm(c.data.serial));
      if (a && (!a.assetTag || !c.data.assetTag)) {
        asset = a;
        matchedBy = 'serial';
      }
    }
    if (!asset && !c.data.assetTag && !c.data.serial) {
      const a = byContent.get(contentKey(c.data));
      if (a) {
        asset = a;
        matchedBy = 'content';
      }
    }
    if (!asset) {
      out.added.push(c);
      continue;
    }
    const prior = claimed.get(asset.id);
    if (prior) {
      out.problems.push({
        sheet: c.sheet,
        row: c.row,
        reason: `matches the same existing asset as ${prior.sheet} row ${prior.row}`,
        cells: Object.assign(Object.create(null) as Record<string, string>, c.data.original),
      });
      continue;
    }
    claimed.set(asset.id, c);
    const changes = diffAsset(asset, c.data);
    if (changes.length) out.changed.push({ candidate: c, asset, matchedBy, changes });
    else out.unchanged.push({ candidate: c, asset, matchedBy });
  }
  return out;
}

export interface CommitOptions {
  now: number;
  importId?: ImportId;
  newId: () => AssetId;
}

/** The records a preview commits: new assets, and new versions of changed ones (never edits in place). */
export function commitPreview(preview: ImportPreview, opts: CommitOptions): { created: Asset[]; updated: Asset[] } {
  const created: Asset[] = preview.added.map((c) => {
    const a: Asset = { ...copyData(c.data), id: opts.newId(), version: 1, updatedAt: opts.now };
    if (opts.importId) a.importId = opts.importId;
    return a;
  });
  const updated: Asset[] = preview.changed.map(({ asset, candidate }) => {
    const d = candidate.data;
    const next: Asset = { ...asset, version: asset.version + 1, updatedAt: opts.now };
    for (const f of SCALARS) if (str(d[f]) !== undefined) (next as unknown as Record<string, unknown>)[f] = d[f];
    next.macs = [...asset.macs, ...d.macs.filter((m) => !asset.macs.includes(m))];
    next.ips = [...asset.ips, ...d.ips.filter((m) => !asset.ips.includes(m))];
    next.extra = Object.assign(Object.create(null) as Record<string, string>, asset.extra, d.extra);
    next.original = Object.assign(Object.create(null) as Record<string, string>, asset.original, d.original);
    if (opts.importId) next.importId = opts.importId;
    return next;
  });
  return { created, updated };
}

function copyData(d: AssetData): AssetData {
  return {
    ...d,
    macs: [...d.macs],
    ips: [...d.ips],
    extra: Object.assign(Object.create(null) as Record<string, string>, d.extra),
    original: Object.assign(Object.create(null) as Record<string, string>, d.original),
  };
}
