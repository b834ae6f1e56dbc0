// Room, walk and survey actions against a real dexie database (fake-indexeddb): each edit does what
// it says and its undo puts the records back; nothing is hard-deleted.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FloorId, RoomId } from '../../../core/model/ids';
import { rectFromCorners } from '../../../core/survey/geometry';
import { isRetracted } from '../../../core/survey/locations';
import { db } from '../db/schema';
import { useStore } from '../store';
import { undoLast } from './registry';
import { createRoom, importAssets, importRooms, mergeRoomsAction, placeAsset, setFloorPlan, updateRoom } from './rooms';
import { confirmAsset, createAndConfirm } from './walk';
import { finishSurvey, startSurvey } from './surveys';
import { loadDemo } from '../features/floorplan/demo';

const FLOOR = 'floor_t' as FloorId;
const by = 'tester';

beforeEach(async () => {
  await Promise.all(db().tables.map((t) => t.clear()));
  useStore.setState({ undoStack: [], notices: [] });
});

async function room(number: string, x: number) {
  expect(await createRoom({ floorId: FLOOR, number, shape: rectFromCorners({ x, y: 0 }, { x: x + 100, y: 100 }), by })).toBe(true);
  return (await db().rooms.where('number').equals(number).first())!;
}

describe('room actions', () => {
  it('creates, refuses a duplicate number, renames and undoes the rename', async () => {
    const a = await room('1.01', 0);
    await room('1.02', 100);
    expect(await createRoom({ floorId: FLOOR, number: ' 1.01 ', by })).toBe(false);
    expect(useStore.getState().notices.at(-1)?.text).toMatch(/already exists/);
    expect(await updateRoom({ id: a.id, patch: { number: '1.10', name: 'Bay' }, by })).toBe(true);
    expect((await db().rooms.get(a.id))!).toMatchObject({ number: '1.10', name: 'Bay', version: 2 });
    expect(await undoLast()).toBe('Rename room to 1.10');
    const back = (await db().rooms.get(a.id))!;
    expect(back.number).toBe('1.01');
    expect(back.name).toBeUndefined();
    expect(back.version).toBeGreaterThan(2);
  });

  it('merges two rooms (outline, assets, pins) and the undo restores both', async () => {
    const a = await room('1.01', 0);
    const b = await room('1.02', 100);
    await importAssets({ floorId: FLOOR, drafts: [{ assetTag: 'T1', room: '1.02', row: 2 }, { assetTag: 'T2', room: '1.01', row: 3 }], fileName: 'a.xlsx', by });
    const t1 = (await db().assets.where('assetTag').equals('T1').first())!;
    expect(t1.roomId).toBe(b.id);
    await placeAsset({ assetId: t1.id, roomId: b.id, x: 150, y: 50, by });
    expect(await mergeRoomsAction({ keepId: a.id, goneId: b.id, by })).toBe(true);
    expect((await db().rooms.get(a.id))!.shape).toEqual(rectFromCorners({ x: 0, y: 0 }, { x: 200, y: 100 }));
    expect((await db().rooms.get(b.id))!.deleted).toBe(true);
    expect((await db().assets.get(t1.id))!.roomId).toBe(a.id);
    expect((await db().placements.where('assetId').equals(t1.id).filter((p) => !p.deleted).first())!.roomId).toBe(a.id);
    await undoLast();
    expect((await db().rooms.get(b.id))!.deleted).toBeUndefined();
    expect((await db().rooms.get(a.id))!.shape).toEqual(rectFromCorners({ x: 0, y: 0 }, { x: 100, y: 100 }));
    expect((await db().assets.get(t1.id))!.roomId).toBe(b.id);
    expect((await db().placements.where('assetId').equals(t1.id).filter((p) => !p.deleted).first())!.roomId).toBe(b.id);
  });

  it('imports a room list without duplicating numbers', async () => {
    await room('1.01', 0);
    let added = -1;
    await importRooms({ floorId: FLOOR, drafts: [{ number: '1.01', row: 2 }, { number: '1.05', name: 'Store', row: 3 }], fileName: 'r.xlsx', by, onResult: (n) => (added = n) });
    expect(added).toBe(1);
    expect((await db().rooms.where('number').equals('1.05').first())!).toMatchObject({ name: 'Store', floorId: FLOOR });
    expect((await db().rooms.where('number').equals('1.05').first())!.shape).toBeUndefined();
  });
});

describe('walk and survey actions', () => {
  it('flags a confirmation in another room as moved; undo retracts it without deleting', async () => {
    const a = await room('1.01', 0);
    const b = await room('1.02', 100);
    await importAssets({ floorId: FLOOR, drafts: [{ assetTag: 'P1', type: 'Infusion pump', room: '1.01', row: 2 }], fileName: 'a.xlsx', by });
    const p1 = (await db().assets.where('assetTag').equals('P1').first())!;
    expect(p1.type).toBe('infusion-pump');
    await startSurvey({ scope: { kind: 'floor', floorId: FLOOR }, name: 'R1', by });
    const s = (await db().surveys.toArray())[0]!;
    expect(s.expectedAssetIds).toEqual([p1.id]);
    await confirmAsset({ assetId: p1.id, roomId: b.id as RoomId, how: 'scan', by, surveyId: s.id });
    const c = (await db().confirmations.toArray())[0]!;
    expect(c).toMatchObject({ roomId: b.id, how: 'scan', moved: { fromRoomId: a.id }, surveyId: s.id, by });
    await undoLast();
    const all = await db().confirmations.toArray();
    expect(all).toHaveLength(1);
    expect(isRetracted(all[0]!)).toBe(true);
    await confirmAsset({ assetId: p1.id, roomId: a.id as RoomId, how: 'ticked', by });
    expect((await db().confirmations.toArray()).find((x) => x.how === 'ticked')!.moved).toBeUndefined();
    await finishSurvey({ surveyId: s.id, by });
    expect((await db().surveys.get(s.id))!.finishedAt).toBeTypeOf('number');
    expect(await finishSurvey({ surveyId: s.id, by })).toBe(false);
  });

  it('creates an unknown asset and confirms it; refuses a known tag', async () => {
    const a = await room('1.01', 0);
    expect(await createAndConfirm({ fields: { assetTag: 'NEW-1', type: 'patient-monitor' }, roomId: a.id, roomNumber: '1.01', how: 'typed', by })).toBe(true);
    const n = (await db().assets.where('assetTag').equals('NEW-1').first())!;
    expect(n).toMatchObject({ roomId: a.id, type: 'patient-monitor' });
    expect((await db().confirmations.where('assetId').equals(n.id).first())!.how).toBe('typed');
    expect(await createAndConfirm({ fields: { assetTag: 'NEW-1' }, roomId: a.id, roomNumber: '1.01', how: 'typed', by })).toBe(false);
    expect(await createAndConfirm({ fields: {}, roomId: a.id, roomNumber: '1.01', how: 'typed', by })).toBe(false);
  });

  it('loads the demo hospital and undoes it', async () => {
    // The demo's capture goes through the discovery worker in the browser (checked end to end in
    // test/e2e/walk-demo and test/unit/demo-capture); here only that it is imported.
    let imported = 0;
    expect(await loadDemo({ by, importCapture: async () => void imported++ })).toBe(true);
    expect(imported).toBe(1);
    expect(await db().rooms.count()).toBe(12);
    expect(await db().assets.count()).toBeGreaterThanOrEqual(40);
    const pumps = (await db().assets.toArray()).filter((x) => x.type === 'infusion-pump');
    expect(pumps.length).toBeGreaterThanOrEqual(10);
    expect((await db().floors.toArray())[0]!.plan!.dataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect((await db().confirmations.toArray()).some((c) => c.moved)).toBe(true);
    await undoLast();
    expect((await db().floors.toArray()).every((f) => f.deleted)).toBe(true);
    expect((await db().assets.toArray()).every((x) => x.deleted)).toBe(true);
  });
});

describe('plan replacement', () => {
  it('scales outlines with a plan of the same proportions, and undo restores them', async () => {
    await db().floors.add({ id: FLOOR, buildingId: 'b' as never, name: 'L1', version: 1, createdAt: 1, updatedAt: 1 });
    await setFloorPlan({ floorId: FLOOR, plan: { dataUrl: 'data:,', width: 1000, height: 500, metresPerPixel: 0.05 }, fileName: 'a.png', by });
    const a = await room('1.01', 100);
    await setFloorPlan({ floorId: FLOOR, plan: { dataUrl: 'data:,', width: 2000, height: 1000 }, fileName: 'b.png', by });
    expect((await db().rooms.get(a.id))!.shape).toEqual(rectFromCorners({ x: 200, y: 0 }, { x: 400, y: 200 }));
    expect((await db().floors.get(FLOOR))!.plan!.metresPerPixel).toBeCloseTo(0.025);
    // Other proportions: outlines stay as they are.
    await setFloorPlan({ floorId: FLOOR, plan: { dataUrl: 'data:,', width: 800, height: 800 }, fileName: 'c.png', by });
    expect((await db().rooms.get(a.id))!.shape).toEqual(rectFromCorners({ x: 200, y: 0 }, { x: 400, y: 200 }));
    await undoLast();
    await undoLast();
    expect((await db().rooms.get(a.id))!.shape).toEqual(rectFromCorners({ x: 100, y: 0 }, { x: 200, y: 100 }));
    expect((await db().floors.get(FLOOR))!.plan!.width).toBe(1000);
  });
});
