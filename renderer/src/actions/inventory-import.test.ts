// Import commit, undo and manual links against a real dexie database (fake-indexeddb): the commit
// writes in chunks and records an import and an audit entry; undo removes what it created and
// restores what it changed; a person's link sets deviceId and survives a later re-import.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AssetId, DeviceId } from '../../../core/model/ids';
import type { AssetCandidate, AssetData } from '../../../core/inventory/types';
import { previewImport } from '../../../core/inventory/preview';
import { reconcile } from '../../../core/inventory/reconcile';
import { db } from '../db/schema';
import { useStore } from '../store';
import { undoLast } from './registry';
import { commitImport, linkAsset, loadDecisions, loadExportLayout, loadProfiles, saveProfile, unlinkAsset } from './inventory-import';
import type { CommitImportArgs } from './inventory-import';

const by = 'tester';

function cand(row: number, data: Partial<AssetData>): AssetCandidate {
  return { sheet: 'Inventario', row, data: { macs: [], ips: [], extra: {}, original: {}, ...data }, warnings: [] };
}

async function commit(candidates: AssetCandidate[], fileName = 'inv.xlsx'): Promise<CommitImportArgs['outcome']> {
  const existing = await db().assets.toArray();
  const args: CommitImportArgs = { preview: previewImport(existing, candidates), fileName, sheets: ['Inventario'], by, layout: { sheet: 'Inventario', columns: [{ index: 0, header: 'N° Inventario', field: 'assetTag' }] } };
  expect(await commitImport(args)).toBe(true);
  return args.outcome;
}

beforeEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()));
  useStore.setState({ undoStack: [], notices: [] });
});

describe('commitImport', () => {
  it('writes 12,001 new assets across chunks with one import record and one audit entry; undo removes them all', async () => {
    const cands = Array.from({ length: 12_001 }, (_, i) => cand(i + 2, { assetTag: `T-${i}`, serial: `S${100000 + i}` }));
    const out = await commit(cands);
    expect(out).toMatchObject({ created: 12_001, updated: 0 });
    expect(await db().assets.count()).toBe(12_001);
    expect(await db().imports.count()).toBe(1);
    expect((await db().auditLog.toArray()).filter((e) => e.action === 'inventory:commit-import')).toHaveLength(1);
    expect((await loadExportLayout())?.columns[0]?.header).toBe('N° Inventario');
    expect(await undoLast()).toBe('Import inv.xlsx');
    expect(await db().assets.count()).toBe(0);
    expect(await db().imports.count()).toBe(0);
    expect(await loadExportLayout()).toBeUndefined();
  });

  it('a re-import updates changed assets as new versions; undo restores their earlier content', async () => {
    await commit([cand(2, { assetTag: 'A1', room: 'R-1' }), cand(3, { assetTag: 'A2', room: 'R-2' })]);
    const a1 = (await db().assets.where('assetTag').equals('A1').first())!;
    const out = await commit([cand(2, { assetTag: 'A1', room: 'R-9' }), cand(3, { assetTag: 'A2', room: 'R-2' }), cand(4, { assetTag: 'A3' })], 'inv-2020.xlsx');
    expect(out).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const moved = (await db().assets.get(a1.id))!;
    expect(moved.room).toBe('R-9');
    expect(moved.version).toBe(2);
    await undoLast();
    const back = (await db().assets.get(a1.id))!;
    expect(back.room).toBe('R-1');
    expect(back.version).toBe(3);
    expect(await db().assets.where('assetTag').equals('A3').count()).toBe(0);
    expect((await loadExportLayout())?.columns).toHaveLength(1);
  });

  it('refuses to commit a preview when an asset changed since it was made', async () => {
    await commit([cand(2, { assetTag: 'A1', room: 'R-1' })]);
    const preview = previewImport(await db().assets.toArray(), [cand(2, { assetTag: 'A1', room: 'R-2' })]);
    const a = (await db().assets.toArray())[0]!;
    await db().assets.put({ ...a, version: a.version + 1, room: 'R-5' });
    expect(await commitImport({ preview, fileName: 'x.xlsx', sheets: ['Inventario'], by })).toBe(false);
    expect((await db().assets.get(a.id))!.room).toBe('R-5');
    expect(await db().imports.count()).toBe(1);
  });
});

describe('manual links', () => {
  it('a link sets deviceId, outranks inference, and survives a re-import; unlink is remembered', async () => {
    await commit([cand(2, { assetTag: 'V-1', description: 'Ventilador' }), cand(3, { assetTag: 'P-1', macs: ['00:1b:44:11:3a:b7' as never] })]);
    const vent = (await db().assets.where('assetTag').equals('V-1').first())!;
    const pump = (await db().assets.where('assetTag').equals('P-1').first())!;
    const now = Date.now();
    const devices = [
      { id: 'dev-vent' as DeviceId, mac: '00:12:34:56:78:9a' as never, ips: ['10.0.0.7'], hostnames: [], firstSeen: now, lastSeen: now, packets: 3, evidence: [] },
      { id: 'dev-pump' as DeviceId, mac: '00:1b:44:11:3a:b7' as never, ips: ['10.0.0.8'], hostnames: [], firstSeen: now, lastSeen: now, packets: 3, evidence: [] },
    ];
    await db().devices.bulkPut(devices);
    expect(await linkAsset({ assetId: vent.id, deviceId: 'dev-vent' as DeviceId, assetName: 'V-1', deviceName: 'dev-vent', by })).toBe(true);
    expect((await db().assets.get(vent.id))!.deviceId).toBe('dev-vent');
    // Re-import with a change on the linked asset: the link stays.
    await commit([cand(2, { assetTag: 'V-1', description: 'Ventilador', room: 'UCI-3' })], 'again.xlsx');
    expect((await db().assets.get(vent.id))!).toMatchObject({ deviceId: 'dev-vent', room: 'UCI-3' });
    // The person says the pump is not the device whose MAC matches: inference never pairs them again.
    expect(await unlinkAsset({ assetId: pump.id as AssetId, deviceId: 'dev-pump' as DeviceId, assetName: 'P-1', deviceName: 'dev-pump', by })).toBe(true);
    const r = reconcile(await db().assets.toArray(), devices, await loadDecisions());
    expect(r.matched.map((m) => [m.assetId, m.deviceId, m.how])).toEqual([[vent.id, 'dev-vent', 'person']]);
    expect(r.inventoryNotSeen).toEqual([pump.id]);
    // Undo the unlink: the MAC match comes back.
    await undoLast();
    const r2 = reconcile(await db().assets.toArray(), devices, await loadDecisions());
    expect(r2.matched.find((m) => m.assetId === pump.id)?.how).toBe('mac');
  });
});

describe('mapping profiles', () => {
  it('stores the full profile beside the dexie record and reads it back', async () => {
    await saveProfile({ id: 'sig', name: 'inv.xlsx · Inventario', signature: 'no inventario|marca', columns: [{ headerKey: 'no inventario', field: 'assetTag' }, { headerKey: 'marca', field: 'maker' }], createdAt: 1 });
    const rec = await db().mappingProfiles.get('sig');
    expect(rec?.mapping).toEqual({ 'no inventario': 'assetTag', marca: 'maker' });
    expect((await loadProfiles())[0]?.columns).toHaveLength(2);
  });
});
