// Two laptops, two IndexedDB databases (fake-indexeddb): they share a common bundle, diverge, merge
// both ways through real bundle files and end identical, with the one real conflict surfaced.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WardwalkDb } from '../../db/schema';
import { BUNDLE_TABLES, canonicalJson, isLocalOnly } from '../../../../core/bundle/format';
import type { Rec } from '../../../../core/bundle/merge';
import { exportBundle, importBundle, previewBundle, settleBundleConflict, unsettleBundleConflict } from './bundle-db';

let n = 0;
const dbs: WardwalkDb[] = [];
function laptop(): WardwalkDb {
  const d = new WardwalkDb(`bundle-test-${n++}-${Math.random()}`);
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

const T0 = 1_750_000_000_000;
const meta = (t = T0) => ({ version: 1, createdAt: t, updatedAt: t });

async function seed(d: WardwalkDb) {
  await d.sites.add({ id: 'site_1' as never, name: 'St Mary', ...meta() });
  await d.buildings.add({ id: 'bld_1' as never, siteId: 'site_1' as never, name: 'North', ...meta() });
  await d.floors.add({ id: 'floor_1' as never, buildingId: 'bld_1' as never, name: 'Level 3', ...meta() });
  for (const [id, number] of [['room_1', '3B-12'], ['room_2', '3B-14'], ['room_3', '3B-16']] as const) {
    await d.rooms.add({ id: id as never, floorId: 'floor_1' as never, number, ...meta() });
  }
  await d.assets.bulkAdd([
    { id: 'asset_pump' as never, assetTag: 'BME-00017', type: 'infusion-pump', roomId: 'room_1' as never, room: '3B-12', macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: T0 },
    { id: 'asset_mon' as never, assetTag: 'BME-00018', type: 'patient-monitor', roomId: 'room_2' as never, room: '3B-14', macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: T0 },
  ]);
  await d.placements.add({ id: 'place_0', assetId: 'asset_pump' as never, roomId: 'room_1' as never, by: 'ana', ...meta() });
  await d.confirmations.add({ id: 'conf_0' as never, assetId: 'asset_pump' as never, roomId: 'room_1' as never, at: T0, by: 'ana', how: 'scan' });
  await d.overrides.add({ id: 'dev_1', deviceId: 'dev_1' as never, overrides: { type: { value: 'infusion-pump', by: 'ana', at: T0 } }, version: 1, updatedAt: T0 });
  await d.surveys.add({ id: 'survey_1', name: 'Level 3 walk', scope: { kind: 'floor', floorId: 'floor_1' as never }, by: 'ana', startedAt: T0, roomIds: ['room_1' as never], expectedAssetIds: [], roomsDone: [], ...meta() });
  await d.auditLog.add({ id: 'audit_0', at: T0, by: 'ana', action: 'room:create', detail: 'room 3B-12' });
  // A device (network evidence) is not survey work: it does not travel in a bundle.
  await d.devices.add({ id: 'dev_1' as never, ips: [], hostnames: [], firstSeen: T0, lastSeen: T0, packets: 1, evidence: [] });
}

/** placeAsset as the app writes it (renderer/src/actions/rooms.ts). */
async function move(d: WardwalkDb, assetId: string, roomId: string, number: string, at: number, placeId: string, by: string) {
  await d.transaction('rw', [d.placements, d.assets, d.auditLog], async () => {
    const old = (await d.placements.where('assetId').equals(assetId).toArray()).filter((p) => !p.deleted);
    await d.placements.bulkPut(old.map((o) => ({ ...o, deleted: true, version: o.version + 1, updatedAt: at })));
    await d.placements.add({ id: placeId, assetId: assetId as never, roomId: roomId as never, by, version: 1, createdAt: at, updatedAt: at });
    const a = (await d.assets.get(assetId))!;
    await d.assets.put({ ...a, roomId: roomId as never, room: number, version: a.version + 1, updatedAt: at });
    await d.auditLog.add({ id: `audit_${placeId}`, at, by, action: 'asset:place', detail: `${a.assetTag} → room ${number}` });
  });
}

/** Everything a bundle carries, canonical: what "identical" means for two laptops. */
async function surveyData(d: WardwalkDb): Promise<string> {
  const out: Record<string, Rec[]> = {};
  for (const t of BUNDLE_TABLES) {
    out[t] = ((await d.table(t).toArray()) as Rec[]).filter((r) => !isLocalOnly(t, r)).sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  }
  return canonicalJson(out);
}

/** Every table, bookkeeping included: "changes nothing" means this is equal. */
async function everything(d: WardwalkDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = await t.toArray();
  return canonicalJson(out);
}

describe('survey bundles between two laptops', () => {
  it('diverge from a common bundle, merge both ways, end identical with the one real conflict surfaced', async () => {
    const a = laptop();
    const b = laptop();
    await seed(a);
    const common = await exportBundle(a, 'ana', T0 + 1);
    const first = await importBundle(b, common.text, 'ben', 'common.wwbundle', T0 + 2);
    expect(first.ok && first.plan.totals).toMatchObject({ new: 13, updated: 0, conflicts: 0 });
    expect(await surveyData(b)).toBe(await surveyData(a));
    expect(await b.devices.count()).toBe(0);

    // Ana (laptop A): renames a room, moves the pump to 3B-14, corrects an identification.
    await a.rooms.update('room_1', { name: 'Bay 12', version: 2, updatedAt: T0 + 100 });
    await move(a, 'asset_pump', 'room_2', '3B-14', T0 + 60_000, 'place_a', 'ana');
    await a.overrides.put({ id: 'dev_1', deviceId: 'dev_1' as never, overrides: { type: { value: 'syringe-pump', by: 'ana', at: T0 + 200 } }, version: 2, updatedAt: T0 + 200 });
    // Ben (laptop B), minutes later: moves the same pump to 3B-16, adds a room, confirms the monitor.
    await move(b, 'asset_pump', 'room_3', '3B-16', T0 + 240_000, 'place_b', 'ben');
    await b.rooms.add({ id: 'room_4' as never, floorId: 'floor_1' as never, number: '3B-18', ...meta(T0 + 300) });
    await b.confirmations.add({ id: 'conf_b' as never, assetId: 'asset_mon' as never, roomId: 'room_2' as never, at: T0 + 400, by: 'ben', how: 'typed' });

    const fromA = await exportBundle(a, 'ana', T0 + 500_000);
    const fromB = await exportBundle(b, 'ben', T0 + 500_000);

    // Preview on B: what importing Ana's bundle would do, nothing written yet.
    const before = await everything(b);
    const pv = await previewBundle(b, fromA.text, T0 + 600_000);
    expect(pv.ok).toBe(true);
    if (!pv.ok) return;
    expect(pv.preview.bundle.author).toBe('ana');
    expect(pv.preview.plan.conflicts).toHaveLength(1);
    expect(pv.preview.plan.counts.rooms).toEqual({ new: 0, updated: 1, unchanged: 2, conflicts: 0 });
    expect(await everything(b)).toBe(before);

    const atB = await importBundle(b, fromA.text, 'ben', 'ana.wwbundle', T0 + 600_000);
    const atA = await importBundle(a, fromB.text, 'ana', 'ben.wwbundle', T0 + 600_000);
    expect(atB.ok && atA.ok).toBe(true);
    if (!atB.ok || !atA.ok) return;
    expect(atB.plan.conflicts.map((c) => c.key)).toEqual(['asset:asset_pump']);
    expect(atA.plan.conflicts.map((c) => c.key)).toEqual(['asset:asset_pump']);
    expect(atA.plan.conflicts[0]!.id).toBe(atB.plan.conflicts[0]!.id);
    // Everything else merged; the pump stays where each laptop had it until a person decides.
    expect((await b.rooms.get('room_1'))!.name).toBe('Bay 12');
    expect((await a.rooms.get('room_4'))!.number).toBe('3B-18');
    expect((await b.overrides.get('dev_1'))!.overrides.type!.value).toBe('syringe-pump');
    expect((await b.assets.get('asset_pump'))!.roomId).toBe('room_3');
    expect((await a.assets.get('asset_pump'))!.roomId).toBe('room_2');
    expect(await b.bundleConflicts.where('status').equals('open').count()).toBe(1);

    // Re-importing the same bundle changes nothing at all (bookkeeping included).
    const snap = await everything(b);
    const again = await importBundle(b, fromA.text, 'ben', 'ana.wwbundle', T0 + 700_000);
    expect(again.ok && again.changed).toBe(false);
    expect(await everything(b)).toBe(snap);

    // Settle: both keep Ana's 3B-14 (Ana chooses hers, Ben chooses theirs).
    const cid = atB.plan.conflicts[0]!.id;
    expect((await settleBundleConflict(a, cid, 'mine', 'ana', T0 + 800_000)).ok).toBe(true);
    const sb = await settleBundleConflict(b, cid, 'theirs', 'ben', T0 + 800_000);
    expect(sb.ok).toBe(true);
    expect((await b.assets.get('asset_pump'))!.roomId).toBe('room_2');
    expect((await b.placements.get('place_b'))!.deleted).toBe(true);
    expect((await settleBundleConflict(b, cid, 'mine', 'ben')).ok).toBe(false);

    // One more exchange both ways: identical, nothing left to settle.
    const a2 = await exportBundle(a, 'ana', T0 + 900_000);
    const b2 = await exportBundle(b, 'ben', T0 + 900_000);
    const r1 = await importBundle(b, a2.text, 'ben', 'ana2', T0 + 950_000);
    const r2 = await importBundle(a, b2.text, 'ana', 'ben2', T0 + 950_000);
    expect(r1.ok && r1.plan.conflicts).toEqual([]);
    expect(r2.ok && r2.plan.conflicts).toEqual([]);
    expect(await surveyData(a)).toBe(await surveyData(b));
    const live = (await a.placements.where('assetId').equals('asset_pump').toArray()).filter((p) => !p.deleted);
    expect(live.map((p) => p.roomId)).toEqual(['room_2']);
    expect(await a.bundleConflicts.where('status').equals('open').count()).toBe(0);
    expect(await b.bundleConflicts.where('status').equals('open').count()).toBe(0);
    // Both settlements are in both audit logs.
    expect((await a.auditLog.where('action').equals('bundle:settle').count())).toBe(2);
  });

  it('a settlement can be undone: records and the open conflict come back', async () => {
    const a = laptop();
    const b = laptop();
    await seed(a);
    await importBundle(b, (await exportBundle(a, 'ana', T0 + 1)).text, 'ben', 'x', T0 + 2);
    await move(a, 'asset_pump', 'room_2', '3B-14', T0 + 60_000, 'place_a', 'ana');
    await move(b, 'asset_pump', 'room_3', '3B-16', T0 + 90_000, 'place_b', 'ben');
    const r = await importBundle(b, (await exportBundle(a, 'ana', T0 + 100_000)).text, 'ben', 'x', T0 + 100_001);
    const cid = r.ok ? r.plan.conflicts[0]!.id : '';
    const data = await surveyData(b);
    const s = await settleBundleConflict(b, cid, 'theirs', 'ben', T0 + 200_000);
    if (!s.ok) throw new Error(s.reason);
    expect((await b.placements.get('place_a'))?.roomId).toBe('room_2');
    await unsettleBundleConflict(b, cid, s.undo);
    expect(await b.placements.get('place_a')).toBeUndefined();
    expect((await b.bundleConflicts.get(cid))!.status).toBe('open');
    const after = JSON.parse(await surveyData(b)) as Record<string, Rec[]>;
    const expected = JSON.parse(data) as Record<string, Rec[]>;
    // Only the settlement's audit line remains (the audit trail is append-only).
    expected.auditLog = after.auditLog!;
    expect(after).toEqual(expected);
  });

  it('refuses damaged, foreign and newer bundles and leaves the data untouched', async () => {
    const a = laptop();
    const b = laptop();
    await seed(a);
    await seed(b);
    await b.rooms.update('room_2', { name: 'Changed here', version: 2, updatedAt: T0 + 5 });
    const good = (await exportBundle(a, 'ana', T0 + 1)).text;
    const snap = await everything(b);
    const damaged = good.replace('"3B-12"', '"3B-99"');
    const cut = good.slice(0, Math.floor(good.length / 2));
    const newer = JSON.stringify({ ...(JSON.parse(good) as object), formatVersion: 99 });
    const results = [
      await importBundle(b, damaged, 'ben', 'damaged'),
      await importBundle(b, cut, 'ben', 'cut'),
      await importBundle(b, newer, 'ben', 'newer'),
      await importBundle(b, '{"format":"something-else"}', 'ben', 'foreign'),
    ];
    expect(results.map((r) => (r.ok ? 'ok' : r.reason.split(':')[0]))).toEqual([
      'The survey bundle is damaged',
      'The file is not a Wardwalk survey bundle',
      'The survey bundle was written by a newer Wardwalk. Update Wardwalk on this computer, then import it.',
      'The file is not a Wardwalk survey bundle (its format marker is missing).',
    ]);
    expect(await everything(b)).toBe(snap);
  });
});

describe('a newer bundle about the same disagreement', () => {
  it('supersedes the older open conflict instead of leaving two', async () => {
    const a = laptop();
    const b = laptop();
    await seed(a);
    await importBundle(b, (await exportBundle(a, 'ana', T0 + 1)).text, 'ben', 'x', T0 + 2);
    await a.rooms.update('room_2', { name: 'Store', version: 2, updatedAt: T0 + 10 });
    await b.rooms.update('room_2', { name: 'Clean utility', version: 2, updatedAt: T0 + 11 });
    const r1 = await importBundle(b, (await exportBundle(a, 'ana', T0 + 20)).text, 'ben', 'x', T0 + 21);
    await a.rooms.update('room_2', { name: 'Store room', version: 3, updatedAt: T0 + 30 });
    const r2 = await importBundle(b, (await exportBundle(a, 'ana', T0 + 40)).text, 'ben', 'x', T0 + 41);
    expect(r1.ok && r2.ok).toBe(true);
    if (!r1.ok || !r2.ok) return;
    expect(r1.plan.conflicts[0]!.id).not.toBe(r2.plan.conflicts[0]!.id);
    const open = await b.bundleConflicts.where('status').equals('open').toArray();
    expect(open.map((c) => c.id)).toEqual([r2.plan.conflicts[0]!.id]);
    expect((await b.bundleConflicts.get(r1.plan.conflicts[0]!.id))!.status).toBe('superseded');
    const s = await settleBundleConflict(b, open[0]!.id, 'theirs', 'ben', T0 + 50);
    expect(s.ok).toBe(true);
    expect((await b.rooms.get('room_2'))!.name).toBe('Store room');
  });
});
