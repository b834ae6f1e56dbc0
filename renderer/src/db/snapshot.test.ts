import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WardwalkDb } from './schema';
import { exportSnapshot, restoreSnapshot } from './snapshot';

let n = 0;
const dbs: WardwalkDb[] = [];
function freshDb() {
  const d = new WardwalkDb(`test-${n++}-${Math.random()}`);
  dbs.push(d);
  return d;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

async function seed(d: WardwalkDb) {
  await d.sites.add({ id: 'site_1' as never, name: 'St Mary', version: 1, createdAt: 1, updatedAt: 1 });
  await d.rooms.add({ id: 'room_1' as never, floorId: 'floor_1' as never, number: '3B-12', name: 'Bay 12', version: 2, createdAt: 1, updatedAt: 5, shape: [{ x: 1, y: 2 }] });
  await d.assets.add({
    id: 'asset_1' as never, assetTag: 'BME-00017', serial: '0012345678901', maker: 'Becton Dickinson', makerOriginal: 'CareFusion',
    macs: ['00:1b:44:11:3a:b7' as never], ips: ['10.1.2.3'], extra: { 'Cost centre': '4410', 'Ünïcødé': 'ñ' }, original: { serial: '12345678901' },
    version: 1, updatedAt: 2, highRisk: true,
  });
  await d.confirmations.add({ id: 'conf_1' as never, assetId: 'asset_1' as never, roomId: 'room_1' as never, at: 9, by: 'ana', how: 'scan' });
  await d.auditLog.add({ id: 'a1', at: 9, by: 'ana', action: 'confirm', detail: 'BME-00017 in 3B-12' });
  await d.settings.put({ key: 'surveyor', value: { name: 'ana', nested: [1, 2, { deep: true }] } });
}

async function dump(d: WardwalkDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of d.tables) out[t.name] = await t.toArray();
  return out;
}

describe('database snapshot', () => {
  it('a full export → restore round trip loses nothing', async () => {
    const a = freshDb();
    await seed(a);
    const text = await exportSnapshot(a);
    const b = freshDb();
    const r = await restoreSnapshot(b, text);
    expect(r.ok).toBe(true);
    expect(await dump(b)).toEqual(await dump(a));
    // and again: export of the restored db is identical apart from its timestamp
    const again = JSON.parse(await exportSnapshot(b, 0));
    const first = JSON.parse(text);
    expect(again.tables).toEqual(first.tables);
    expect(again.checksum).toBe(first.checksum);
  });

  it('a damaged or foreign file is refused and the current data is untouched', async () => {
    const a = freshDb();
    await seed(a);
    const before = await dump(a);
    const text = await exportSnapshot(a);
    for (const bad of [text.slice(0, text.length / 2), text.replace('BME-00017', 'BME-99999'), '{"format":"other"}', 'PK\u0003\u0004garbage']) {
      const r = await restoreSnapshot(a, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/backup|damaged|JSON/i);
    }
    expect(await dump(a)).toEqual(before);
  });

  it('restoring replaces the database with the snapshot', async () => {
    const a = freshDb();
    await seed(a);
    const text = await exportSnapshot(a);
    await a.sites.add({ id: 'site_2' as never, name: 'Later', version: 1, createdAt: 1, updatedAt: 1 });
    const r = await restoreSnapshot(a, text);
    expect(r.ok).toBe(true);
    expect((await a.sites.toArray()).map((s) => s.name)).toEqual(['St Mary']);
  });
});
