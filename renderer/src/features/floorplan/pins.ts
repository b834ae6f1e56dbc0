// Pins for a floor: one per asset whose last confirmed room (else home room) is on this floor.
import type { Asset } from '../../../../core/model/asset';
import type { Room } from '../../../../core/model/location';
import type { AssetLocation } from '../../../../core/survey/locations';
import { formatAge, freshness } from '../../../../core/survey/locations';
import { pinSlots } from '../../../../core/survey/geometry';
import type { Placement } from '../../../../core/model/location';
import { shortType } from '../../../../core/survey/types';
import type { Pin } from './PlanCanvas';
import { pinScale } from './PlanCanvas';

const GLYPHS: Record<string, string> = {
  'infusion-pump': 'IP',
  'patient-monitor': 'PM',
  'vital-signs-monitor': 'VS',
  ventilator: 'V',
  defibrillator: 'D',
  ultrasound: 'US',
  ecg: 'E',
  workstation: 'PC',
  laptop: 'L',
  printer: 'Pr',
  'ip-phone': 'T',
  'central-station': 'CS',
  'medication-cabinet': 'MC',
};

export function glyphFor(type: string | undefined): string {
  if (!type) return '?';
  const g = GLYPHS[type];
  if (g) return g;
  return type
    .split(/[-\s]+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

export function assetLabel(a: Pick<Asset, 'assetTag' | 'serial' | 'id'>): string {
  return a.assetTag ?? (a.serial ? `SN ${a.serial}` : a.id.slice(0, 12));
}

export function buildPins(
  rooms: readonly Room[],
  assets: readonly Asset[],
  locations: ReadonlyMap<string, AssetLocation>,
  placements: ReadonlyMap<string, Placement>,
  now: number,
  staleDays: number,
  plan: { width: number; height: number } = { width: 1600, height: 1000 },
): Pin[] {
  const spacing = 18 * pinScale(plan);
  const byId = new Map<string, Room>(rooms.filter((r) => r.shape && r.shape.length >= 3).map((r) => [r.id, r]));
  const perRoom = new Map<string, Asset[]>();
  const where = new Map<string, string>();
  for (const a of assets) {
    const loc = locations.get(a.id);
    const roomId = loc?.lastRoomId && byId.has(loc.lastRoomId) ? loc.lastRoomId : loc?.expectedRoomId ?? a.roomId;
    if (!roomId || !byId.has(roomId)) continue;
    where.set(a.id, roomId);
    let list = perRoom.get(roomId);
    if (!list) perRoom.set(roomId, (list = []));
    list.push(a);
  }
  const pins: Pin[] = [];
  for (const [roomId, list] of perRoom) {
    const room = byId.get(roomId)!;
    const unplaced = list.filter((a) => {
      const p = placements.get(a.id);
      return !(p && p.roomId === roomId && p.x !== undefined && p.y !== undefined);
    });
    const slots = pinSlots(room.shape!, unplaced.length, spacing);
    let i = 0;
    for (const a of list) {
      const loc = locations.get(a.id);
      const p = placements.get(a.id);
      const pos = p && p.roomId === roomId && p.x !== undefined && p.y !== undefined ? { x: p.x, y: p.y } : slots[i++]!;
      const fresh = freshness(loc?.lastAt, now, staleDays);
      const pin: Pin = {
        id: a.id,
        x: pos.x,
        y: pos.y,
        fresh,
        glyph: glyphFor(a.type),
        title: `${assetLabel(a)} · ${shortType(a.type)} · ${a.status ?? 'status unknown'} · ${loc?.lastAt ? `confirmed ${formatAge(now - loc.lastAt)} ago` : 'never confirmed'}${loc?.moved ? ' · MOVED' : ''}`,
      };
      if (loc?.moved) pin.moved = true;
      if (a.status && a.status !== 'in-service') pin.inactive = true;
      pins.push(pin);
    }
  }
  return pins;
}
