// Named, undoable actions for floor plans, rooms and pins (issue 6). Each performs one change in one
// transaction and returns how to put the records back as they were.
import { newId } from '../../../core/model/ids';
import type { AssetId, FloorId, RoomId } from '../../../core/model/ids';
import type { Asset } from '../../../core/model/asset';
import type { FloorPlanImage, Placement, Point, Room } from '../../../core/model/location';
import { mergeRooms, patchRoom, roomNumberTaken } from '../../../core/survey/room-edits';
import type { RoomPatch } from '../../../core/survey/room-edits';
import type { AssetDraft, RoomDraft } from '../../../core/survey/sheet-rows';
import { typeIdFor } from '../../../core/survey/types';
import { db } from '../db/schema';
import { defineAction } from './registry';
import { audit } from './audit';

const now = () => Date.now();

/**
 * Replace a floor's plan. When the new plan has the old one's proportions (the same drawing exported
 * at another resolution), room outlines and pin positions are scaled with it and the calibration is
 * kept (rescaled); otherwise outlines stay in pixels and the person redraws what no longer fits.
 */
export const setFloorPlan = defineAction<{ floorId: FloorId; plan: FloorPlanImage; fileName: string; by: string }>({
  name: 'floor:set-plan',
  label: (a) => `Import plan ${a.fileName}`,
  perform: async ({ floorId, plan, fileName, by }) => {
    const before = await db().floors.get(floorId);
    if (!before) throw new Error('That floor no longer exists.');
    const old = before.plan;
    const k = old ? plan.width / old.width : 1;
    const sameShape = old !== undefined && Math.abs(plan.height / old.height / k - 1) < 0.02 && Math.abs(k - 1) > 0.001;
    const rooms = sameShape ? (await db().rooms.where('floorId').equals(floorId).toArray()).filter((r) => !r.deleted && r.shape) : [];
    const pins = sameShape && rooms.length ? (await db().placements.where('roomId').anyOf(rooms.map((r) => r.id)).toArray()).filter((p) => !p.deleted && p.x !== undefined) : [];
    const t = now();
    const next: FloorPlanImage = { ...plan };
    if (sameShape && old?.metresPerPixel && next.metresPerPixel === undefined) next.metresPerPixel = old.metresPerPixel / k;
    await db().transaction('rw', [db().floors, db().rooms, db().placements, db().auditLog], async () => {
      await db().floors.update(floorId, { plan: next, version: before.version + 1, updatedAt: t });
      await db().rooms.bulkPut(rooms.map((r) => ({ ...r, shape: r.shape!.map((p) => ({ x: p.x * k, y: p.y * k })), version: r.version + 1, updatedAt: t })));
      await db().placements.bulkPut(pins.map((p) => ({ ...p, x: Math.round(p.x! * k), y: Math.round((p.y ?? 0) * k), version: p.version + 1, updatedAt: t })));
      await audit(by, 'floor:set-plan', `plan ${fileName.slice(0, 100)} (${plan.width}×${plan.height}) on "${before.name}"${rooms.length ? `, ${rooms.length} outlines scaled ×${k.toFixed(3)}` : ''}`);
    });
    return async () => {
      const t2 = now();
      await db().transaction('rw', [db().floors, db().rooms, db().placements], async () => {
        await db().floors.put({ ...before, version: before.version + 2, updatedAt: t2 });
        await db().rooms.bulkPut(rooms.map((r) => ({ ...r, version: r.version + 2, updatedAt: t2 })));
        await db().placements.bulkPut(pins.map((p) => ({ ...p, version: p.version + 2, updatedAt: t2 })));
      });
    };
  },
});

export const calibrateFloor = defineAction<{ floorId: FloorId; metresPerPixel: number; by: string }>({
  name: 'floor:calibrate',
  label: (a) => `Calibrate plan (${(1 / a.metresPerPixel).toFixed(1)} px per metre)`,
  perform: async ({ floorId, metresPerPixel, by }) => {
    const before = await db().floors.get(floorId);
    if (!before?.plan) throw new Error('Import a plan before calibrating it.');
    await db().floors.update(floorId, { plan: { ...before.plan, metresPerPixel }, version: before.version + 1, updatedAt: now() });
    await audit(by, 'floor:calibrate', `${metresPerPixel.toFixed(5)} m/px on "${before.name}"`);
    return async () => {
      await db().floors.put({ ...before, version: before.version + 2, updatedAt: now() });
    };
  },
});

export const createRoom = defineAction<{ floorId: FloorId; number: string; name?: string; department?: string; type?: string; shape?: Point[]; by: string }>({
  name: 'room:create',
  label: (a) => `Add room ${a.number.trim()}`,
  perform: async ({ floorId, by, ...fields }) => {
    const siblings = await db().rooms.where('floorId').equals(floorId).toArray();
    const t = now();
    const blank: Room = { id: newId<'RoomId'>('room') as RoomId, floorId, number: '?', version: 0, createdAt: t, updatedAt: t };
    const patch: RoomPatch = { number: fields.number };
    for (const f of ['name', 'department', 'type', 'shape'] as const) if (fields[f] !== undefined) (patch as Record<string, unknown>)[f] = fields[f];
    const room = patchRoom(blank, patch, siblings, t);
    await db().transaction('rw', db().rooms, db().auditLog, async () => {
      await db().rooms.add(room);
      await audit(by, 'room:create', `room ${room.number}`);
    });
    return async () => {
      const cur = await db().rooms.get(room.id);
      if (cur) await db().rooms.put({ ...cur, deleted: true, version: cur.version + 1, updatedAt: now() });
    };
  },
});

export const updateRoom = defineAction<{ id: RoomId; patch: RoomPatch; by: string; what?: string }>({
  name: 'room:update',
  label: (a) => a.what ?? (a.patch.number ? `Rename room to ${a.patch.number.trim()}` : a.patch.shape ? 'Reshape room' : 'Edit room'),
  perform: async ({ id, patch, by }) => {
    const before = await db().rooms.get(id);
    if (!before || before.deleted) throw new Error('That room no longer exists.');
    const siblings = await db().rooms.where('floorId').equals(before.floorId).toArray();
    const next = patchRoom(before, patch, siblings, now());
    await db().transaction('rw', db().rooms, db().auditLog, async () => {
      await db().rooms.put(next);
      await audit(by, 'room:update', `room ${before.number}${next.number !== before.number ? ` → ${next.number}` : ''}: ${Object.keys(patch).join(', ')}`);
    });
    return async () => {
      await db().rooms.put({ ...before, version: next.version + 1, updatedAt: now() });
    };
  },
});

export const deleteRoom = defineAction<{ id: RoomId; by: string }>({
  name: 'room:delete',
  label: () => 'Delete room',
  perform: async ({ id, by }) => {
    const before = await db().rooms.get(id);
    if (!before || before.deleted) throw new Error('That room no longer exists.');
    await db().rooms.put({ ...before, deleted: true, version: before.version + 1, updatedAt: now() });
    await audit(by, 'room:delete', `room ${before.number}`);
    return async () => {
      await db().rooms.put({ ...before, version: before.version + 2, updatedAt: now() });
    };
  },
});

/** Merge `goneId` into `keepId`: outlines, jacks; assets and pins of the merged room move with it. */
export const mergeRoomsAction = defineAction<{ keepId: RoomId; goneId: RoomId; by: string }>({
  name: 'room:merge',
  label: () => 'Merge rooms',
  perform: async ({ keepId, goneId, by }) => {
    const [keep, gone] = await Promise.all([db().rooms.get(keepId), db().rooms.get(goneId)]);
    if (!keep || !gone || keep.deleted || gone.deleted) throw new Error('Both rooms must exist.');
    const t = now();
    const merged = mergeRooms(keep, gone, t);
    const assets = await db().assets.where('roomId').equals(goneId).toArray();
    const pins = (await db().placements.where('roomId').equals(goneId).toArray()).filter((p) => !p.deleted);
    await db().transaction('rw', [db().rooms, db().assets, db().placements, db().auditLog], async () => {
      await db().rooms.bulkPut([merged.keep, merged.gone]);
      await db().assets.bulkPut(assets.map((a) => ({ ...a, roomId: keepId, room: merged.keep.number, version: a.version + 1, updatedAt: t })));
      await db().placements.bulkPut(pins.map((p) => ({ ...p, roomId: keepId, version: p.version + 1, updatedAt: t })));
      await audit(by, 'room:merge', `room ${gone.number} merged into ${keep.number} (${assets.length} assets, ${pins.length} pins)`);
    });
    return async () => {
      const t2 = now();
      await db().transaction('rw', [db().rooms, db().assets, db().placements], async () => {
        await db().rooms.bulkPut([
          { ...keep, version: merged.keep.version + 1, updatedAt: t2 },
          { ...gone, version: merged.gone.version + 1, updatedAt: t2 },
        ]);
        await db().assets.bulkPut(assets.map((a) => ({ ...a, version: a.version + 2, updatedAt: t2 })));
        await db().placements.bulkPut(pins.map((p) => ({ ...p, version: p.version + 2, updatedAt: t2 })));
      });
    };
  },
});

/** Rooms from a spreadsheet room list: new numbers are added (without outlines, laid out later). */
export const importRooms = defineAction<{ floorId: FloorId; drafts: RoomDraft[]; fileName: string; by: string; onResult?: (added: number, skipped: number) => void }>({
  name: 'room:import-list',
  label: (a) => `Import room list ${a.fileName}`,
  perform: async ({ floorId, drafts, fileName, by, onResult }) => {
    const existing = (await db().rooms.where('floorId').equals(floorId).toArray()).filter((r) => !r.deleted);
    const t = now();
    const added: Room[] = [];
    for (const d of drafts) {
      if (roomNumberTaken([...existing, ...added], floorId, d.number)) continue;
      const r: Room = { id: newId<'RoomId'>('room') as RoomId, floorId, number: d.number, version: 1, createdAt: t, updatedAt: t };
      if (d.name) r.name = d.name;
      if (d.department) r.department = d.department;
      if (d.type) r.type = d.type;
      added.push(r);
    }
    await db().transaction('rw', [db().rooms, db().imports, db().auditLog], async () => {
      await db().rooms.bulkAdd(added);
      await db().imports.add({ id: newId('import'), at: t, by, kind: 'spreadsheet', fileName: fileName.slice(0, 200), summary: { rooms: added.length, skipped: drafts.length - added.length } });
      await audit(by, 'room:import-list', `${added.length} rooms from ${fileName.slice(0, 100)}`);
    });
    onResult?.(added.length, drafts.length - added.length);
    return async () => {
      const t2 = now();
      await db().rooms.bulkPut(added.map((r) => ({ ...r, deleted: true, version: 2, updatedAt: t2 })));
    };
  },
});

/** Assets from a small sheet (tag, serial, type, maker, model, room): rooms matched by number on the floor. */
export const importAssets = defineAction<{ floorId: FloorId | undefined; drafts: AssetDraft[]; fileName: string; by: string; onResult?: (added: number, skipped: number) => void }>({
  name: 'asset:import-list',
  label: (a) => `Import assets ${a.fileName}`,
  perform: async ({ floorId, drafts, fileName, by, onResult }) => {
    const rooms = floorId ? (await db().rooms.where('floorId').equals(floorId).toArray()).filter((r) => !r.deleted) : [];
    const existing = await db().assets.toArray();
    const tags = new Set(existing.filter((a) => !a.deleted && a.assetTag).map((a) => a.assetTag!.toUpperCase()));
    const t = now();
    const importId = newId<'ImportId'>('import');
    const added: Asset[] = [];
    let skipped = 0;
    for (const d of drafts) {
      if (d.assetTag && tags.has(d.assetTag.toUpperCase())) {
        skipped++;
        continue;
      }
      if (d.assetTag) tags.add(d.assetTag.toUpperCase());
      const room = d.room && floorId ? roomNumberTaken(rooms, floorId, d.room) : undefined;
      const a: Asset = { id: newId<'AssetId'>('asset') as AssetId, macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: t, importId, status: 'in-service' };
      for (const f of ['assetTag', 'serial', 'maker', 'model', 'description', 'department', 'room'] as const) if (d[f]) a[f] = d[f];
      const typeId = typeIdFor(d.type);
      if (typeId) a.type = typeId;
      else if (d.type) a.type = d.type;
      if (d.type) a.original['type'] = d.type;
      if (room) a.roomId = room.id;
      added.push(a);
    }
    await db().transaction('rw', [db().assets, db().imports, db().auditLog], async () => {
      await db().assets.bulkAdd(added);
      await db().imports.add({ id: importId, at: t, by, kind: 'spreadsheet', fileName: fileName.slice(0, 200), summary: { assets: added.length, skipped } });
      await audit(by, 'asset:import-list', `${added.length} assets from ${fileName.slice(0, 100)}`);
    });
    onResult?.(added.length, skipped);
    return async () => {
      const t2 = now();
      await db().assets.bulkPut(added.map((a) => ({ ...a, deleted: true, version: 2, updatedAt: t2 })));
    };
  },
});

/**
 * Place an asset (its expected, home room) with an optional pin position. A new placement record is
 * written and the previous one marked deleted: the history of where it was expected stays.
 */
export const placeAsset = defineAction<{ assetId: AssetId; roomId: RoomId; x?: number; y?: number; by: string; roomLabel?: string }>({
  name: 'asset:place',
  label: (a) => `Place device in ${a.roomLabel ?? 'room'}`,
  perform: async ({ assetId, roomId, x, y, by }) => {
    const asset = await db().assets.get(assetId);
    const room = await db().rooms.get(roomId);
    if (!asset || !room) throw new Error('The device or room no longer exists.');
    const old = (await db().placements.where('assetId').equals(assetId).toArray()).filter((p) => !p.deleted);
    const t = now();
    const p: Placement = { id: newId('place'), assetId, roomId, by, version: 1, createdAt: t, updatedAt: t };
    if (x !== undefined && y !== undefined) {
      p.x = Math.round(x);
      p.y = Math.round(y);
    }
    await db().transaction('rw', [db().placements, db().assets, db().auditLog], async () => {
      await db().placements.bulkPut(old.map((o) => ({ ...o, deleted: true, version: o.version + 1, updatedAt: t })));
      await db().placements.add(p);
      await db().assets.put({ ...asset, roomId, room: room.number, version: asset.version + 1, updatedAt: t });
      await audit(by, 'asset:place', `${asset.assetTag ?? asset.serial ?? asset.id} → room ${room.number}`);
    });
    return async () => {
      const t2 = now();
      await db().transaction('rw', [db().placements, db().assets], async () => {
        await db().placements.put({ ...p, deleted: true, version: 2, updatedAt: t2 });
        await db().placements.bulkPut(old.map((o) => ({ ...o, version: o.version + 2, updatedAt: t2 })));
        await db().assets.put({ ...asset, version: asset.version + 2, updatedAt: t2 });
      });
    };
  },
});
