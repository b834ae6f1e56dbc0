// Room edits as pure functions from the record before to the record after. The renderer's actions
// store the "before" for undo; these decide what an edit means (versions, validation, merges).
import type { Point, Room } from '../model/location';
import type { FloorId } from '../model/ids';
import { isValidPolygon, mergeOutlines } from './geometry';

export type RoomPatch = Partial<Pick<Room, 'number' | 'name' | 'department' | 'type' | 'shape' | 'jacks'>>;

export class RoomEditError extends Error {}

/** Room numbers are unique per floor (case-insensitive, ignoring spaces). */
export function roomNumberTaken(rooms: readonly Room[], floorId: FloorId, number: string, exceptId?: string): Room | undefined {
  const k = number.replace(/\s+/g, '').toUpperCase();
  return rooms.find((r) => !r.deleted && r.floorId === floorId && r.id !== exceptId && r.number.replace(/\s+/g, '').toUpperCase() === k);
}

const clean = (s: string | undefined) => (s ?? '').trim();

/** Apply a patch: trims text, drops emptied optional fields, validates, bumps the version. */
export function patchRoom(room: Room, patch: RoomPatch, siblings: readonly Room[], now: number): Room {
  const next: Room = { ...room, version: room.version + 1, updatedAt: now };
  if (patch.number !== undefined) {
    const n = clean(patch.number);
    if (!n) throw new RoomEditError('A room needs a number.');
    const dup = roomNumberTaken(siblings, room.floorId, n, room.id);
    if (dup) throw new RoomEditError(`Room ${n} already exists on this floor.`);
    next.number = n;
  }
  for (const f of ['name', 'department', 'type'] as const) {
    if (patch[f] === undefined) continue;
    const v = clean(patch[f]);
    if (v) next[f] = v;
    else delete next[f];
  }
  if (patch.shape !== undefined) {
    if (!isValidPolygon(patch.shape)) throw new RoomEditError('A room outline needs at least three points and some area.');
    next.shape = patch.shape.map((p) => ({ x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 }));
  }
  if (patch.jacks !== undefined) {
    const jacks = [...new Set(patch.jacks.map((j) => j.trim()).filter(Boolean))];
    if (jacks.length) next.jacks = jacks;
    else delete next.jacks;
  }
  return next;
}

/**
 * Merge `gone` into `keep` (two bays knocked into one): keep's number and name stay; outlines merge;
 * missing fields come from `gone`; jacks are combined. `gone` is marked deleted (never removed).
 */
export function mergeRooms(keep: Room, gone: Room, now: number): { keep: Room; gone: Room } {
  if (keep.id === gone.id) throw new RoomEditError('Choose two different rooms to merge.');
  if (keep.floorId !== gone.floorId) throw new RoomEditError('Only rooms on the same floor can be merged.');
  const merged: Room = { ...keep, version: keep.version + 1, updatedAt: now };
  for (const f of ['name', 'department', 'type'] as const) {
    if (!merged[f] && gone[f]) merged[f] = gone[f];
  }
  let shape: Point[] | undefined;
  if (keep.shape && gone.shape) shape = mergeOutlines(keep.shape, gone.shape);
  else shape = keep.shape ?? gone.shape;
  if (shape) merged.shape = shape;
  const jacks = [...new Set([...(keep.jacks ?? []), ...(gone.jacks ?? [])])];
  if (jacks.length) merged.jacks = jacks;
  return { keep: merged, gone: { ...gone, deleted: true, version: gone.version + 1, updatedAt: now } };
}

/** Next free room number after the highest numeric suffix on the floor ("3.09" → "3.10"). */
export function suggestRoomNumber(rooms: readonly Room[], floorId: FloorId): string {
  let best: { prefix: string; n: number; width: number } | undefined;
  for (const r of rooms) {
    if (r.deleted || r.floorId !== floorId) continue;
    const m = /^(.*?)(\d+)$/.exec(r.number);
    if (!m) continue;
    const n = Number(m[2]);
    if (!best || n > best.n) best = { prefix: m[1]!, n, width: m[2]!.length };
  }
  if (!best) return '1';
  return best.prefix + String(best.n + 1).padStart(best.width, '0');
}
