// Named, undoable actions for the spreadsheet import (issue 5): commit a previewed import, and link
// or unlink an asset and a discovered device by hand. Nothing touches the database before commit;
// the commit writes in chunked transactions (one bulkPut per chunk, never one write per row).
import { newId } from '../../../core/model/ids';
import type { AssetId, DeviceId, ImportId } from '../../../core/model/ids';
import type { Asset } from '../../../core/model/asset';
import type { ImportPreview } from '../../../core/inventory/preview';
import { commitPreview } from '../../../core/inventory/preview';
import type { LinkDecision } from '../../../core/inventory/reconcile';
import type { MappingProfile } from '../../../core/inventory/mapping';
import type { ColumnMapping } from '../../../core/inventory/types';
import { db } from '../db/schema';
import type { MappingProfileRecord } from '../db/schema';
import { defineAction } from './registry';
import { audit } from './audit';

/** Settings key holding every manual link/unlink decision (LinkDecision[]). */
export const LINK_DECISIONS_KEY = 'inventory.link-decisions';
/** Settings key holding the column layout of the latest import, for export in the user's layout. */
export const EXPORT_LAYOUT_KEY = 'inventory.export-layout';

/** Rows per write transaction: dexie is 3–4× faster in chunks than one huge bulkPut (stack.md). */
const CHUNK = 5000;

export interface ExportLayout {
  fileName: string;
  sheet: string;
  columns: ColumnMapping[];
  at: number;
}

/** A mapping profile as stored: the dexie record plus the full core profile. */
type StoredProfile = MappingProfileRecord & { profile?: MappingProfile };

export async function loadProfiles(): Promise<MappingProfile[]> {
  const recs = (await db().mappingProfiles.toArray()) as StoredProfile[];
  return recs.flatMap((r) => (r.profile && typeof r.profile.signature === 'string' && Array.isArray(r.profile.columns) ? [r.profile] : []));
}

export async function saveProfile(profile: MappingProfile): Promise<void> {
  const mapping: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const c of profile.columns) mapping[c.headerKey] = c.ignore ? '(ignored)' : (c.field ?? '(extra field)');
  const rec: StoredProfile = { id: profile.id, name: profile.name, mapping, updatedAt: profile.createdAt, profile };
  await db().mappingProfiles.put(rec);
}

export async function loadDecisions(): Promise<LinkDecision[]> {
  const rec = await db().settings.get(LINK_DECISIONS_KEY);
  return Array.isArray(rec?.value) ? (rec.value as LinkDecision[]) : [];
}

export async function loadExportLayout(): Promise<ExportLayout | undefined> {
  const rec = await db().settings.get(EXPORT_LAYOUT_KEY);
  const v = rec?.value as ExportLayout | undefined;
  return v && Array.isArray(v.columns) ? v : undefined;
}

async function chunked<T>(items: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    await db().transaction('rw', [db().assets], () => write(chunk));
  }
}

export interface CommitImportArgs {
  preview: ImportPreview;
  fileName: string;
  sheets: string[];
  /** The column layout of the first imported sheet: exports follow it. */
  layout?: { sheet: string; columns: ColumnMapping[] };
  by: string;
  /** Filled by the action: what it wrote. */
  outcome?: { importId: ImportId; created: number; updated: number; unchanged: number; problems: number };
}

export const commitImport = defineAction<CommitImportArgs>({
  name: 'inventory:commit-import',
  label: (a) => `Import ${a.fileName}`,
  perform: async (args) => {
    const { preview, fileName, by } = args;
    const t = Date.now();
    const importId = newId<'ImportId'>('import') as ImportId;
    // Re-read what is being replaced so the undo restores exactly what was there at commit time.
    const ids = preview.changed.map((c) => c.asset.id);
    const previous = ids.length ? ((await db().assets.bulkGet(ids)) as Array<Asset | undefined>) : [];
    const stale = preview.changed.find((c, i) => !previous[i] || previous[i].deleted || previous[i].version !== c.asset.version);
    if (stale) throw new Error(`asset ${stale.asset.assetTag ?? stale.asset.serial ?? stale.asset.id} changed since the preview: preview again`);
    const prior = previous as Asset[];
    const prevLayout = await db().settings.get(EXPORT_LAYOUT_KEY);
    // Changes apply to the stored record itself, not the copy that went over IPC (which carries only
    // the contract's fields), so nothing another feature keeps on an asset is dropped.
    const rebased: ImportPreview = { ...preview, changed: preview.changed.map((c, i) => ({ ...c, asset: prior[i]! })) };
    const { created, updated } = commitPreview(rebased, { now: t, importId, newId: () => newId<'AssetId'>('asset') as AssetId });
    try {
      await chunked(created, (c) => db().assets.bulkAdd(c));
      await chunked(updated, (c) => db().assets.bulkPut(c));
    } catch (e) {
      // A chunk failed (disk full, quota): take back the chunks already written so the inventory
      // is as it was, then report.
      await chunked(created.map((a) => a.id), (c) => db().assets.bulkDelete(c)).catch(() => undefined);
      await chunked(prior, (c) => db().assets.bulkPut(c)).catch(() => undefined);
      throw e;
    }
    const summary = { created: created.length, updated: updated.length, unchanged: preview.unchanged.length, problems: preview.problems.length, sheets: args.sheets.join(', ').slice(0, 500) };
    await db().transaction('rw', [db().imports, db().auditLog, db().settings], async () => {
      await db().imports.put({ id: importId, at: t, by, kind: 'spreadsheet', fileName: fileName.slice(0, 255), summary });
      if (args.layout) {
        const layout: ExportLayout = { fileName: fileName.slice(0, 255), sheet: args.layout.sheet, columns: args.layout.columns, at: t };
        await db().settings.put({ key: EXPORT_LAYOUT_KEY, value: layout });
      }
      await audit(by, 'inventory:commit-import', `${fileName.slice(0, 120)}: ${created.length} new, ${updated.length} changed, ${preview.unchanged.length} unchanged, ${preview.problems.length} problem rows`);
    });
    args.outcome = { importId, created: created.length, updated: updated.length, unchanged: preview.unchanged.length, problems: preview.problems.length };
    const createdIds = created.map((a) => a.id);
    return async () => {
      const t2 = Date.now();
      const current = prior.length ? ((await db().assets.bulkGet(prior.map((p) => p.id))).filter(Boolean) as Asset[]) : [];
      const byId = new Map(current.map((a) => [a.id, a]));
      // Restore the earlier content as a newer version (records only move forward), keeping any
      // link a person made since.
      const restored = prior.map((p) => {
        const now = byId.get(p.id);
        const r: Asset = { ...p, version: (now?.version ?? p.version) + 1, updatedAt: t2 };
        if (now?.deviceId !== undefined && now.deviceId !== p.deviceId) r.deviceId = now.deviceId;
        return r;
      });
      await chunked(createdIds, (c) => db().assets.bulkDelete(c));
      await chunked(restored, (c) => db().assets.bulkPut(c));
      await db().transaction('rw', [db().imports, db().auditLog, db().settings], async () => {
        await db().imports.delete(importId);
        // The export layout goes back to the one before this import (unless a later import replaced it).
        const cur = (await db().settings.get(EXPORT_LAYOUT_KEY))?.value as ExportLayout | undefined;
        if (args.layout && cur?.at === t) {
          if (prevLayout) await db().settings.put(prevLayout);
          else await db().settings.delete(EXPORT_LAYOUT_KEY);
        }
        await audit(by, 'inventory:undo-import', `${fileName.slice(0, 120)}: removed ${createdIds.length} new, restored ${restored.length} changed`);
      });
    };
  },
});

async function writeDecision(dec: LinkDecision): Promise<void> {
  await db().transaction('rw', [db().settings], async () => {
    const list = await loadDecisions();
    await db().settings.put({ key: LINK_DECISIONS_KEY, value: [...list, dec] });
  });
}

async function removeDecision(dec: LinkDecision): Promise<void> {
  await db().transaction('rw', [db().settings], async () => {
    const list = await loadDecisions();
    await db().settings.put({ key: LINK_DECISIONS_KEY, value: list.filter((d) => !(d.at === dec.at && d.assetId === dec.assetId && d.deviceId === dec.deviceId && d.action === dec.action)) });
  });
}

async function setDeviceId(assetId: AssetId, deviceId: DeviceId | undefined): Promise<Asset | undefined> {
  const before = await db().assets.get(assetId);
  if (!before) throw new Error('That asset no longer exists.');
  const next: Asset = { ...before, version: before.version + 1, updatedAt: Date.now() };
  if (deviceId) next.deviceId = deviceId;
  else delete next.deviceId;
  await db().assets.put(next);
  return before;
}

export interface LinkArgs {
  assetId: AssetId;
  deviceId: DeviceId;
  /** Shown in the label and the audit log. */
  assetName: string;
  deviceName: string;
  by: string;
}

/** A person links an asset to a device: the decision outranks every inference, on every re-run. */
export const linkAsset = defineAction<LinkArgs>({
  name: 'inventory:link',
  label: (a) => `Link ${a.assetName} to ${a.deviceName}`,
  perform: async (a) => {
    const dec: LinkDecision = { assetId: a.assetId, deviceId: a.deviceId, action: 'link', by: a.by, at: Date.now() };
    let before: Asset | undefined;
    await db().transaction('rw', [db().settings, db().assets, db().auditLog], async () => {
      await writeDecision(dec);
      before = await setDeviceId(a.assetId, a.deviceId);
      await audit(a.by, 'inventory:link', `${a.assetName.slice(0, 100)} ↔ ${a.deviceName.slice(0, 100)}`);
    });
    return async () => {
      await db().transaction('rw', [db().settings, db().assets], async () => {
        await removeDecision(dec);
        await setDeviceId(a.assetId, before?.deviceId);
      });
    };
  },
});

/** A person says this asset is not this device: the pair is never matched again by inference. */
export const unlinkAsset = defineAction<LinkArgs>({
  name: 'inventory:unlink',
  label: (a) => `Unlink ${a.assetName} from ${a.deviceName}`,
  perform: async (a) => {
    const dec: LinkDecision = { assetId: a.assetId, deviceId: a.deviceId, action: 'unlink', by: a.by, at: Date.now() };
    let before: Asset | undefined;
    await db().transaction('rw', [db().settings, db().assets, db().auditLog], async () => {
      await writeDecision(dec);
      const cur = await db().assets.get(a.assetId);
      if (cur?.deviceId === a.deviceId) before = await setDeviceId(a.assetId, undefined);
      await audit(a.by, 'inventory:unlink', `${a.assetName.slice(0, 100)} ≠ ${a.deviceName.slice(0, 100)}`);
    });
    return async () => {
      await db().transaction('rw', [db().settings, db().assets], async () => {
        await removeDecision(dec);
        if (before) await setDeviceId(a.assetId, before.deviceId);
      });
    };
  },
});
