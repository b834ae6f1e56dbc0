// Small builders for core/survey tests.
import type { Asset } from '../model/asset';
import type { Confirmation, Placement, Room } from '../model/location';
import type { AssetId, ConfirmationId, FloorId, RoomId } from '../model/ids';

export const rid = (s: string) => s as RoomId;
export const aid = (s: string) => s as AssetId;
export const FLOOR = 'floor_1' as FloorId;

export function room(id: string, number: string, extra: Partial<Room> = {}): Room {
  return { id: rid(id), floorId: FLOOR, number, version: 1, createdAt: 0, updatedAt: 0, ...extra };
}
export function asset(id: string, extra: Partial<Asset> = {}): Asset {
  return { id: aid(id), macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: 0, ...extra };
}
let n = 0;
export function conf(assetId: string, roomId: string, at: number, extra: Partial<Confirmation> = {}): Confirmation {
  return { id: `c${++n}` as ConfirmationId, assetId: aid(assetId), roomId: rid(roomId), at, by: 'tester', how: 'scan', ...extra };
}
export function placement(assetId: string, roomId: string, at: number, extra: Partial<Placement> = {}): Placement {
  return { id: `p${++n}`, assetId: aid(assetId), roomId: rid(roomId), by: 'tester', version: 1, createdAt: at, updatedAt: at, ...extra };
}
