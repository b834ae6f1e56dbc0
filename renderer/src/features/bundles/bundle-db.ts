// Survey bundles against dexie: export this laptop's survey work, preview and import a bundle
// (record-by-record merge, core/bundle/merge.ts), settle conflicts. The decisions are pure and live in
// core/; this module gathers what they need and writes their outcome, each import or settlement in
// ONE transaction (re-planned inside it, so an edit made while the preview was open is never lost).
import { newId } from '../../../../core/model/ids';
import { restoreRows } from '../../../../core/model/restore';
import { BUNDLE_TABLES, isLocalOnly, makeBundle, readBundle, recordHash, serializeBundle } from '../../../../core/bundle/format';
import type { Bundle, BundleEntry, BundleTable } from '../../../../core/bundle/format';
import { lineageForExport, lineageKey, planMerge, settleConflict } from '../../../../core/bundle/merge';
import type { BundleConflict, LineageUpdate, LocalData, LocalRecord, MergePlan, Rec } from '../../../../core/bundle/merge';
import type { BundleConflictRecord, WardwalkDb } from '../../db/schema';
import { SCHEMA_VERSION } from '../../db/schema';
import { APP_VERSION, describeDbError } from '../../db/snapshot';

const CHUNK = 5000;

async function chunkedPut(db: WardwalkDb, table: string, rows: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.table(table).bulkPut(rows.slice(i, i + CHUNK));
}

/** This installation's stable id, created on first use. */
export async function laptopId(db: WardwalkDb): Promise<string> {
  const s = await db.settings.get('laptopId');
  if (typeof s?.value === 'string') return s.value;
  const id = newId('laptop');
  await db.settings.put({ key: 'laptopId', value: id });
  return id;
}

const bundleTables = (db: WardwalkDb) => BUNDLE_TABLES.map((t) => db.table(t));

/** Every survey record of this laptop as one bundle; remembers what it exported (lineage). */
export async function exportBundle(db: WardwalkDb, author: string, now = Date.now()): Promise<{ text: string; counts: Record<string, number> }> {
  const id = await laptopId(db);
  const tables: Partial<Record<BundleTable, BundleEntry[]>> = {};
  const updates: { id: string; known: string[] }[] = [];
  await db.transaction('r', [...bundleTables(db), db.syncState], async () => {
    for (const t of BUNDLE_TABLES) {
      const rows = ((await db.table(t).toArray()) as Rec[]).filter((r) => !isLocalOnly(t, r));
      const keys = rows.map((r) => lineageKey(t, String(r.id)));
      const stored = await db.syncState.bulkGet(keys);
      tables[t] = rows.map((record, i) => {
        const before = stored[i]?.known ?? [];
        const known = lineageForExport(before, record);
        if (known.length !== before.length || known.some((h, j) => h !== before[j])) updates.push({ id: keys[i]!, known });
        const e: BundleEntry = { known, record };
        if (typeof record.version === 'number') e.version = record.version;
        return e;
      });
    }
  });
  const bundle = makeBundle(tables, { schemaVersion: SCHEMA_VERSION, appVersion: APP_VERSION, author, laptopId: id, createdAt: now });
  if (updates.length) await db.transaction('rw', db.syncState, () => chunkedPut(db, 'syncState', updates));
  return { text: serializeBundle(bundle), counts: bundle.counts };
}

export interface BundlePreview {
  bundle: Pick<Bundle, 'author' | 'laptopId' | 'createdAt' | 'counts' | 'appVersion'>;
  plan: MergePlan;
  /** Conflicts found that are already waiting here (the same bundle imported before). */
  alreadyWaiting: number;
  /** Tables and records left out, with why. */
  dropped: string[];
}

export type PreviewResult = { ok: true; preview: BundlePreview; tables: Bundle['tables'] } | { ok: false; reason: string };

/** Verify a bundle and run defaults over its records (restoreRows); nothing is written. */
function readAndClean(text: string, now: number): { ok: true; bundle: Bundle; dropped: string[] } | { ok: false; reason: string } {
  const read = readBundle(text, SCHEMA_VERSION);
  if (!read.ok) return read;
  const dropped = [...read.dropped];
  for (const t of BUNDLE_TABLES) {
    const entries = read.bundle.tables[t];
    if (!entries) continue;
    const cleaned = restoreRows(t, entries.map((e) => e.record), now);
    const keptIdx = new Set(entries.map((_, i) => i));
    for (const d of cleaned.report.dropped) {
      keptIdx.delete(d.index);
      dropped.push(`${t} record ${d.index + 1}: ${d.reason}`);
    }
    const kept = entries.filter((_, i) => keptIdx.has(i));
    read.bundle.tables[t] = kept.map((e, i) => ({ ...e, record: cleaned.rows[i]! }));
    // Bookkeeping of the sender's own imports is not merged (see isLocalOnly).
    read.bundle.tables[t] = read.bundle.tables[t]!.filter((e) => !isLocalOnly(t, e.record));
  }
  return { ok: true, bundle: read.bundle, dropped };
}

/** Read what the merge needs about this laptop. Call inside a transaction over the bundle tables. */
async function gatherLocal(db: WardwalkDb, tables: Bundle['tables']): Promise<LocalData> {
  const local: LocalData = { records: {}, byAsset: { placements: new Map(), confirmations: new Map() } };
  for (const t of BUNDLE_TABLES) {
    const entries = tables[t];
    if (!entries) continue;
    const ids = entries.map((e) => String(e.record.id));
    const rows = (await db.table(t).bulkGet(ids)) as (Rec | undefined)[];
    const states = await db.syncState.bulkGet(ids.map((id) => lineageKey(t, id)));
    const m = new Map<string, LocalRecord>();
    rows.forEach((r, i) => {
      if (r) m.set(ids[i]!, { record: r, known: states[i]?.known ?? [] });
    });
    local.records[t] = m;
  }
  for (const t of ['placements', 'confirmations'] as const) {
    const assetIds = [...new Set((tables[t] ?? []).map((e) => e.record.assetId).filter((a): a is string => typeof a === 'string'))];
    if (!assetIds.length) continue;
    const rows = (await db.table(t).where('assetId').anyOf(assetIds).toArray()) as Rec[];
    for (const r of rows) {
      const list = local.byAsset[t].get(r.assetId as string) ?? [];
      list.push(r);
      local.byAsset[t].set(r.assetId as string, list);
    }
  }
  return local;
}

/** What importing would do: new / updated / unchanged / conflicts. Writes nothing. */
export async function previewBundle(db: WardwalkDb, text: string, now = Date.now()): Promise<PreviewResult> {
  const read = readAndClean(text, now);
  if (!read.ok) return read;
  const { plan, waiting } = await db.transaction('r', [...bundleTables(db), db.syncState, db.bundleConflicts], async () => {
    const p = planMerge(read.bundle, await gatherLocal(db, read.bundle.tables));
    const existing = await db.bundleConflicts.bulkGet(p.conflicts.map((c) => c.id));
    return { plan: p, waiting: existing.filter(Boolean).length };
  });
  const b = read.bundle;
  return {
    ok: true,
    tables: b.tables,
    preview: { bundle: { author: b.author, laptopId: b.laptopId, createdAt: b.createdAt, counts: b.counts, appVersion: b.appVersion }, plan, alreadyWaiting: waiting, dropped: read.dropped },
  };
}

export type ImportOutcome =
  | { ok: true; plan: MergePlan; newConflicts: number; changed: boolean; dropped: string[] }
  | { ok: false; reason: string };

/** Merge a bundle: one transaction; a refused or failed import leaves the data exactly as it was. */
export async function importBundle(db: WardwalkDb, text: string, by: string, fileName: string, now = Date.now()): Promise<ImportOutcome> {
  const read = readAndClean(text, now);
  if (!read.ok) return read;
  const b = read.bundle;
  try {
    return await db.transaction('rw', [...bundleTables(db), db.syncState, db.bundleConflicts], async () => {
      const plan = planMerge(b, await gatherLocal(db, b.tables));
      const existing = await db.bundleConflicts.bulkGet(plan.conflicts.map((c) => c.id));
      const fresh: BundleConflictRecord[] = plan.conflicts
        .filter((_, i) => !existing[i])
        .map((conflict) => ({ id: conflict.id, status: 'open', detectedAt: now, conflict, from: { author: b.author, laptopId: b.laptopId, createdAt: b.createdAt } }));
      await writePlan(db, plan.writes, plan.lineage);
      if (fresh.length) {
        // A newer disagreement about the same thing replaces an older one still open (settling the
        // older one would write a state that is no longer theirs).
        const keys = new Set(fresh.map((f) => f.conflict.key));
        const stale = (await db.bundleConflicts.where('status').equals('open').toArray()).filter((o) => keys.has(o.conflict.key));
        if (stale.length) await db.bundleConflicts.bulkPut(stale.map((o) => ({ ...o, status: 'superseded' as const })));
        await db.bundleConflicts.bulkAdd(fresh);
      }
      const changed = plan.writes.length > 0 || plan.lineage.length > 0 || fresh.length > 0;
      // Re-importing the same bundle changes nothing: not even a line in the import history.
      if (changed) {
        const t = plan.totals;
        await db.imports.add({
          id: newId('import'), at: now, by, kind: 'bundle', fileName: fileName.slice(0, 200),
          summary: { author: b.author.slice(0, 100), new: t.new, updated: t.updated, unchanged: t.unchanged, conflicts: t.conflicts },
        });
        await db.auditLog.add({
          id: newId('audit'), at: now, by, action: 'bundle:import',
          detail: `bundle from ${b.author.slice(0, 60)}: ${t.new} new, ${t.updated} updated, ${t.unchanged} unchanged, ${t.conflicts} in conflict`,
        });
      }
      return { ok: true as const, plan, newConflicts: fresh.length, changed, dropped: read.dropped };
    });
  } catch (e) {
    return { ok: false, reason: `The import failed and nothing was changed: ${describeDbError(e)}` };
  }
}

async function writePlan(db: WardwalkDb, writes: { table: BundleTable; record: Rec }[], lineage: LineageUpdate[]): Promise<void> {
  const byTable = new Map<BundleTable, Rec[]>();
  for (const w of writes) {
    const list = byTable.get(w.table) ?? [];
    list.push(w.record);
    byTable.set(w.table, list);
  }
  for (const [t, rows] of byTable) await chunkedPut(db, t, rows);
  await chunkedPut(db, 'syncState', lineage.map((l) => ({ id: lineageKey(l.table, l.id), known: l.known })));
}

export type SettleOutcome = { ok: true; undo: { records: { table: BundleTable; id: string; before: Rec | undefined }[]; lineage: { id: string; before: string[] | undefined }[] } } | { ok: false; reason: string };

/** Settle one conflict: the chosen side wins for every record in it. */
export async function settleBundleConflict(db: WardwalkDb, id: string, choice: 'mine' | 'theirs', by: string, now = Date.now()): Promise<SettleOutcome> {
  return db.transaction('rw', [...bundleTables(db), db.syncState, db.bundleConflicts], async () => {
    const rec = await db.bundleConflicts.get(id);
    if (!rec) return { ok: false as const, reason: 'That conflict no longer exists.' };
    if (rec.status !== 'open') return { ok: false as const, reason: 'That conflict is already settled.' };
    const c: BundleConflict = rec.conflict;
    // My side must be what it was when the conflict was found: otherwise someone changed it since.
    for (const it of c.items) {
      if (!it.mine) continue;
      const cur = (await db.table(it.table).get(it.id)) as Rec | undefined;
      if (!cur || recordHash(cur) !== recordHash(it.mine)) {
        return { ok: false as const, reason: 'This record changed on this computer after the conflict was found. Import the bundle again to compare afresh.' };
      }
    }
    const out = settleConflict(c, choice, now);
    const before: { table: BundleTable; id: string; before: Rec | undefined }[] = [];
    for (const w of out.writes) before.push({ table: w.table, id: String(w.record.id), before: (await db.table(w.table).get(String(w.record.id))) as Rec | undefined });
    const lineageBefore = await db.syncState.bulkGet(out.lineage.map((l) => lineageKey(l.table, l.id)));
    await writePlan(db, out.writes, out.lineage);
    await db.bundleConflicts.put({ ...rec, status: 'settled', settled: { choice, by, at: now } });
    await db.auditLog.add({
      id: newId('audit'), at: now, by, action: 'bundle:settle',
      detail: `${c.key.split(':')[0]} conflict settled: kept ${choice === 'mine' ? 'this computer\'s' : `${rec.from.author.slice(0, 60)}'s`} version (${c.items.length} records)`,
    });
    return {
      ok: true as const,
      undo: { records: before, lineage: out.lineage.map((l, i) => ({ id: lineageKey(l.table, l.id), before: lineageBefore[i]?.known })) },
    };
  });
}

/** Undo a settlement: the records and lineage as they were, the conflict open again. */
export async function unsettleBundleConflict(db: WardwalkDb, id: string, undo: Extract<SettleOutcome, { ok: true }>['undo']): Promise<void> {
  await db.transaction('rw', [...bundleTables(db), db.syncState, db.bundleConflicts], async () => {
    for (const r of undo.records) {
      // A record that came only with the bundle goes back into the conflict it came from.
      if (r.before) await db.table(r.table).put(r.before);
      else if (r.id) await db.table(r.table).delete(r.id);
    }
    for (const l of undo.lineage) {
      if (l.before) await db.syncState.put({ id: l.id, known: l.before });
      else await db.syncState.delete(l.id);
    }
    const rec = await db.bundleConflicts.get(id);
    if (rec) {
      const { settled: _s, ...open } = rec;
      await db.bundleConflicts.put({ ...open, status: 'open' });
    }
  });
}
