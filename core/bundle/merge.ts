// Record-by-record merge of a survey bundle into this laptop's data. Pure: the renderer gathers the
// local records the bundle names, this module decides, the renderer writes the plan in one
// transaction. Nothing is overwritten silently:
//
//  - theirs replaces mine only when theirs is a strict descendant: my current state is in their
//    lineage (they had what I have and changed it) and theirs is not in mine; versions must agree
//    (a descendant never has a lower version);
//  - mine stays when mine is the descendant (I already had theirs and changed it since);
//  - both changed since the common state → a conflict for a person to settle (choose mine / theirs),
//    never auto-resolved. Two people making the very same change (equal apart from version and
//    updatedAt, e.g. both deleted the same old placement) is not a conflict: both laptops pick the
//    same winner (higher version, then later updatedAt, then hash order) so they converge;
//  - append-only records (confirmations, audit entries, imports) merge by id as a union;
//  - a pump moved to different rooms by two people at nearly the same time: a new placement or
//    confirmation of theirs for an asset that I placed/confirmed in another room within
//    CONFLICT_WINDOW_MS (and they never saw mine) is a conflict too, grouped with any conflict on
//    the asset record itself, so a person settles "where is it" once.
// Re-importing the same bundle changes nothing: every state in it is then already known here.
import { RETRACTED } from '../survey/locations';
import { sha256 } from '../model/sha256';
import { BUNDLE_TABLES, MAX_KNOWN, canonicalJson, recordHash } from './format';
import type { Bundle, BundleTable } from './format';

/** "Nearly the same time": two people's placements/confirmations this close together compete. */
export const CONFLICT_WINDOW_MS = 60 * 60 * 1000;

export type Rec = Record<string, unknown>;

export interface LocalRecord {
  record: Rec;
  /** Stored lineage of this record on this laptop (may be empty). */
  known: string[];
}

/** What the merge needs to know about this laptop, gathered by the caller. */
export interface LocalData {
  /** Local records with the ids the bundle names, by table. */
  records: Partial<Record<BundleTable, Map<string, LocalRecord>>>;
  /** Local placements and confirmations of the assets the bundle's new ones concern. */
  byAsset: { placements: Map<string, Rec[]>; confirmations: Map<string, Rec[]> };
}

export interface TableCounts {
  new: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

export interface ConflictItem {
  table: BundleTable;
  id: string;
  mine?: Rec;
  theirs?: Rec;
  mineKnown: string[];
  theirsKnown: string[];
  /** Fields that differ (record conflicts) — names only, PHI-free. */
  fields: string[];
}

export interface BundleConflict {
  /** The same on both laptops for the same disagreement (symmetric in mine/theirs). */
  id: string;
  /** What the disagreement is about: "asset:<id>" or "<table>:<id>". */
  key: string;
  kind: 'record' | 'moved';
  assetId?: string;
  items: ConflictItem[];
}

export interface LineageUpdate {
  table: BundleTable;
  id: string;
  known: string[];
}

export interface MergePlan {
  counts: Partial<Record<BundleTable, TableCounts>>;
  totals: TableCounts;
  writes: { table: BundleTable; record: Rec }[];
  lineage: LineageUpdate[];
  conflicts: BundleConflict[];
}

export const lineageKey = (table: string, id: string) => `${table}:${id}`;

/** Union of lineages, `current` last, oldest dropped beyond MAX_KNOWN. Deterministic. */
export function mergeKnown(a: readonly string[], b: readonly string[], current: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const h of [...a, ...b]) {
    if (h === current || seen.has(h)) continue;
    seen.add(h);
    out.push(h);
  }
  out.push(current);
  return out.slice(-MAX_KNOWN);
}

/** The lineage a record is exported with: what this laptop knew of it, its current state last. */
export function lineageForExport(stored: readonly string[], record: Rec): string[] {
  return mergeKnown(stored, [], recordHash(record));
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function withoutMeta(r: Rec): string {
  const { version: _v, updatedAt: _u, ...rest } = r;
  return canonicalJson(rest);
}

/** Deterministic winner of a "same change on both sides": both laptops choose the same record. */
function sameChangeWinner(m: Rec, t: Rec, hm: string, ht: string): 'mine' | 'theirs' {
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  if (num(m.version) !== num(t.version)) return num(t.version) > num(m.version) ? 'theirs' : 'mine';
  if (num(m.updatedAt) !== num(t.updatedAt)) return num(t.updatedAt) > num(m.updatedAt) ? 'theirs' : 'mine';
  return ht > hm ? 'theirs' : 'mine';
}

function differingFields(m: Rec, t: Rec): string[] {
  const keys = new Set([...Object.keys(m), ...Object.keys(t)]);
  const out: string[] = [];
  for (const k of keys) {
    if (k === 'version' || k === 'updatedAt') continue;
    if (canonicalJson(m[k] ?? null) !== canonicalJson(t[k] ?? null)) out.push(k);
  }
  return out.sort();
}

const isLive = (table: BundleTable, r: Rec) =>
  table === 'placements' ? r.deleted !== true : !(typeof r.note === 'string' && r.note.startsWith(RETRACTED));
const timeOf = (table: BundleTable, r: Rec) => Number(table === 'placements' ? r.createdAt : r.at) || 0;

function groupKey(table: BundleTable, r: Rec, id: string): string {
  if (table === 'assets') return `asset:${id}`;
  if ((table === 'placements' || table === 'confirmations') && typeof r.assetId === 'string') return `asset:${r.assetId}`;
  return `${table}:${id}`;
}

export function conflictId(key: string, items: readonly ConflictItem[]): string {
  const parts = items
    .map((i) => {
      const hs = [i.mine ? recordHash(i.mine) : '-', i.theirs ? recordHash(i.theirs) : '-'].sort();
      return `${i.table}:${i.id}:${hs.join('/')}`;
    })
    .sort();
  return 'cf_' + sha256(key + '|' + parts.join('|')).slice(0, 24);
}

/** Decide, record by record, what importing `bundle` does here. Writes nothing. */
export function planMerge(bundle: Pick<Bundle, 'tables'>, local: LocalData, opts: { windowMs?: number } = {}): MergePlan {
  const windowMs = opts.windowMs ?? CONFLICT_WINDOW_MS;
  const counts: Partial<Record<BundleTable, TableCounts>> = {};
  const writes: MergePlan['writes'] = [];
  const lineage: LineageUpdate[] = [];
  const groups = new Map<string, { kind: BundleConflict['kind']; assetId?: string; items: ConflictItem[] }>();
  /** Records this plan will write, by table and id (to judge what stays live afterwards). */
  const planned = new Map<string, Rec>();
  const newPairCandidates: { table: 'placements' | 'confirmations'; rec: Rec; known: string[]; writeIndex: number }[] = [];

  const addConflict = (key: string, kind: BundleConflict['kind'], item: ConflictItem, assetId?: string) => {
    let g = groups.get(key);
    if (!g) {
      g = assetId ? { kind, assetId, items: [] } : { kind, items: [] };
      groups.set(key, g);
    }
    if (kind === 'moved') g.kind = 'moved';
    if (!g.items.some((i) => i.table === item.table && i.id === item.id)) g.items.push(item);
  };

  for (const table of BUNDLE_TABLES) {
    const entries = bundle.tables[table];
    if (!entries) continue;
    const c: TableCounts = { new: 0, updated: 0, unchanged: 0, conflicts: 0 };
    counts[table] = c;
    const localTable = local.records[table] ?? new Map<string, LocalRecord>();
    const seenIds = new Set<string>();
    for (const e of entries) {
      const theirs = e.record;
      const id = String(theirs.id);
      if (seenIds.has(id)) continue; // a damaged bundle listing a record twice: the first one counts
      seenIds.add(id);
      const ht = recordHash(theirs);
      const kt = mergeKnown(e.known, [], ht);
      const mine = localTable.get(id);
      if (!mine) {
        c.new++;
        writes.push({ table, record: theirs });
        planned.set(lineageKey(table, id), theirs);
        lineage.push({ table, id, known: kt });
        if ((table === 'placements' || table === 'confirmations') && typeof theirs.assetId === 'string' && isLive(table, theirs)) {
          newPairCandidates.push({ table, rec: theirs, known: kt, writeIndex: writes.length - 1 });
        }
        continue;
      }
      const hm = recordHash(mine.record);
      const km = mergeKnown(mine.known, [], hm);
      const keepLineage = (current: string) => {
        const next = mergeKnown(km, kt, current);
        if (!sameList(next, mine.known)) lineage.push({ table, id, known: next });
      };
      if (hm === ht) {
        c.unchanged++;
        keepLineage(hm);
        continue;
      }
      const vm = mine.record.version;
      const vt = theirs.version;
      const versionsAllow = (from: unknown, to: unknown) => typeof from !== 'number' || typeof to !== 'number' || to >= from;
      const theirsDescends = kt.includes(hm) && !km.includes(ht) && versionsAllow(vm, vt);
      const mineDescends = km.includes(ht) && !kt.includes(hm) && versionsAllow(vt, vm);
      if (theirsDescends) {
        c.updated++;
        writes.push({ table, record: theirs });
        planned.set(lineageKey(table, id), theirs);
        keepLineage(ht);
        continue;
      }
      if (mineDescends) {
        c.unchanged++;
        keepLineage(hm);
        continue;
      }
      if (withoutMeta(mine.record) === withoutMeta(theirs)) {
        if (sameChangeWinner(mine.record, theirs, hm, ht) === 'theirs') {
          c.updated++;
          writes.push({ table, record: theirs });
          planned.set(lineageKey(table, id), theirs);
          keepLineage(ht);
        } else {
          c.unchanged++;
          keepLineage(hm);
        }
        continue;
      }
      c.conflicts++;
      const key = groupKey(table, theirs, id);
      const assetId = key.startsWith('asset:') ? key.slice(6) : undefined;
      addConflict(key, 'record', { table, id, mine: mine.record, theirs, mineKnown: km, theirsKnown: kt, fields: differingFields(mine.record, theirs) }, assetId);
    }
  }

  // Two people, two rooms, nearly the same time.
  const held = new Set<number>();
  for (const cand of newPairCandidates) {
    const assetId = cand.rec.assetId as string;
    const inBundle = new Set((bundle.tables[cand.table] ?? []).map((e) => String(e.record.id)));
    const rivals = (local.byAsset[cand.table].get(assetId) ?? []).filter((r) => {
      const id = String(r.id);
      if (inBundle.has(id)) return false; // they have seen it
      const after = planned.get(lineageKey(cand.table, id)) ?? r;
      return isLive(cand.table, after) && after.roomId !== cand.rec.roomId && Math.abs(timeOf(cand.table, after) - timeOf(cand.table, cand.rec)) <= windowMs;
    });
    if (rivals.length === 0) continue;
    held.add(cand.writeIndex);
    const key = `asset:${assetId}`;
    const c = counts[cand.table]!;
    c.new--;
    c.conflicts++;
    addConflict(key, 'moved', { table: cand.table, id: String(cand.rec.id), theirs: cand.rec, mineKnown: [], theirsKnown: cand.known, fields: ['roomId'] }, assetId);
    for (const r of rivals) {
      const local0 = local.records[cand.table]?.get(String(r.id));
      const hm = recordHash(r);
      addConflict(key, 'moved', { table: cand.table, id: String(r.id), mine: r, mineKnown: mergeKnown(local0?.known ?? [], [], hm), theirsKnown: [], fields: ['roomId'] }, assetId);
    }
  }
  const heldIds = new Set([...held].map((i) => lineageKey(writes[i]!.table, String(writes[i]!.record.id))));

  const conflicts: BundleConflict[] = [...groups.entries()].map(([key, g]) => {
    const items = g.items.sort((a, b) => (a.table + a.id < b.table + b.id ? -1 : 1));
    const c: BundleConflict = { id: conflictId(key, items), key, kind: g.kind, items };
    if (g.assetId) c.assetId = g.assetId;
    return c;
  });
  const totals: TableCounts = { new: 0, updated: 0, unchanged: 0, conflicts: 0 };
  for (const c of Object.values(counts)) {
    totals.new += c.new;
    totals.updated += c.updated;
    totals.unchanged += c.unchanged;
    totals.conflicts += c.conflicts;
  }
  return {
    counts,
    totals,
    writes: writes.filter((_, i) => !held.has(i)),
    lineage: lineage.filter((l) => !heldIds.has(lineageKey(l.table, l.id))),
    conflicts,
  };
}

/** What settling a conflict writes: the chosen side stays or is written; the other side's rival
 *  placements are marked deleted and rival confirmations retracted (records are never deleted). */
export function settleConflict(conflict: BundleConflict, choice: 'mine' | 'theirs', now: number): { writes: { table: BundleTable; record: Rec }[]; lineage: LineageUpdate[] } {
  const writes: { table: BundleTable; record: Rec }[] = [];
  const lineage: LineageUpdate[] = [];
  // The room the chosen side says the asset is in (for the retraction note).
  const winnerRoom = conflict.items.map((i) => (choice === 'mine' ? i.mine : i.theirs)).find((r) => r && typeof r.roomId === 'string' && (r.deleted !== true))?.roomId;
  const loser = (table: BundleTable, r: Rec): Rec => {
    if (table === 'confirmations') return { ...r, note: `${RETRACTED} conflict settled${typeof winnerRoom === 'string' ? ` for room ${winnerRoom}` : ''}` };
    return { ...r, deleted: true, version: (typeof r.version === 'number' ? r.version : 1) + 1, updatedAt: now };
  };
  for (const it of conflict.items) {
    if (it.mine && it.theirs) {
      const hm = recordHash(it.mine);
      const ht = recordHash(it.theirs);
      if (choice === 'theirs') {
        writes.push({ table: it.table, record: it.theirs });
        lineage.push({ table: it.table, id: it.id, known: mergeKnown([...it.mineKnown, hm], it.theirsKnown, ht) });
      } else {
        // Mine is rewritten one version above both, so it is a strict descendant of theirs everywhere.
        const num = (v: unknown) => (typeof v === 'number' ? v : 0);
        const versioned = typeof it.mine.version === 'number' || typeof it.theirs.version === 'number';
        const kept = versioned ? { ...it.mine, version: Math.max(num(it.mine.version), num(it.theirs.version)) + 1, updatedAt: now } : it.mine;
        if (versioned) writes.push({ table: it.table, record: kept });
        lineage.push({ table: it.table, id: it.id, known: mergeKnown([...it.theirsKnown, ht, ...it.mineKnown, hm], [], recordHash(kept)) });
      }
      continue;
    }
    const side = it.theirs ? 'theirs' : 'mine';
    const r = (it.theirs ?? it.mine)!;
    const h = recordHash(r);
    const known = side === 'theirs' ? it.theirsKnown : it.mineKnown;
    if (side === choice) {
      if (side === 'theirs') {
        writes.push({ table: it.table, record: r });
        lineage.push({ table: it.table, id: it.id, known: mergeKnown(known, [], h) });
      }
      continue;
    }
    const lost = loser(it.table, r);
    writes.push({ table: it.table, record: lost });
    lineage.push({ table: it.table, id: it.id, known: mergeKnown([...known, h], [], recordHash(lost)) });
  }
  return { writes, lineage };
}
