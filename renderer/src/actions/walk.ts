// Walk-mode actions: confirm that an asset is in a room (scan, typed, ticked, network hint), create an
// unknown asset on the spot, remember a wall jack for a room. Confirmations are records of their own;
// undoing one marks it retracted (records are never deleted).
import { newId } from '../../../core/model/ids';
import type { AssetId, ConfirmationId, DeviceId, RoomId } from '../../../core/model/ids';
import type { Asset } from '../../../core/model/asset';
import type { Confirmation, ConfirmationHow } from '../../../core/model/location';
import { RETRACTED, confirmationsByAsset, expectedRoom, latestPlacements, movedFrom } from '../../../core/survey/locations';
import { typeIdFor } from '../../../core/survey/types';
import { db } from '../db/schema';
import { defineAction } from './registry';
import { audit } from './audit';

const now = () => Date.now();

async function buildConfirmation(assetId: AssetId, roomId: RoomId, how: ConfirmationHow, by: string, surveyId: string | undefined, deviceId?: DeviceId): Promise<Confirmation> {
  if (!by.trim()) throw new Error('Type your name first: every confirmation records who made it.');
  const asset = await db().assets.get(assetId);
  if (!asset || asset.deleted) throw new Error('That asset no longer exists.');
  const placements = await db().placements.where('assetId').equals(assetId).toArray();
  const previous = confirmationsByAsset(await db().confirmations.where('assetId').equals(assetId).toArray()).get(assetId)?.[0];
  const from = movedFrom(expectedRoom(asset, latestPlacements(placements).get(assetId)), previous, roomId);
  const c: Confirmation = { id: newId<'ConfirmationId'>('conf') as ConfirmationId, assetId, roomId, at: now(), by, how };
  if (from !== undefined) c.moved = { fromRoomId: from };
  if (surveyId) c.surveyId = surveyId;
  if (deviceId ?? asset.deviceId) c.deviceId = (deviceId ?? asset.deviceId)!;
  return c;
}

async function retract(id: ConfirmationId): Promise<void> {
  const c = await db().confirmations.get(id);
  if (c) await db().confirmations.put({ ...c, note: `${RETRACTED} undone at ${new Date().toISOString()}` });
}

export const confirmAsset = defineAction<{ assetId: AssetId; roomId: RoomId; how: ConfirmationHow; by: string; surveyId?: string; deviceId?: DeviceId; label?: string }>({
  name: 'walk:confirm',
  label: (a) => `Confirm ${a.label ?? 'device'}`,
  perform: async ({ assetId, roomId, how, by, surveyId, deviceId }) => {
    const c = await buildConfirmation(assetId, roomId, how, by, surveyId, deviceId);
    await db().transaction('rw', db().confirmations, db().auditLog, async () => {
      await db().confirmations.add(c);
      await audit(by, 'walk:confirm', `${how}${c.moved ? ' (moved)' : ''}`);
    });
    return () => retract(c.id);
  },
});

export interface QuickAsset {
  assetTag?: string;
  serial?: string;
  type?: string;
  maker?: string;
  model?: string;
  description?: string;
}

/** An unknown tag was scanned: create the asset with this room as its home, and confirm it there. */
export const createAndConfirm = defineAction<{ fields: QuickAsset; roomId: RoomId; roomNumber: string; how: ConfirmationHow; by: string; surveyId?: string }>({
  name: 'walk:new-asset',
  label: (a) => `New asset ${a.fields.assetTag ?? a.fields.serial ?? ''}`.trim(),
  perform: async ({ fields, roomId, roomNumber, how, by, surveyId }) => {
    if (!by.trim()) throw new Error('Type your name first: every confirmation records who made it.');
    const tag = fields.assetTag?.trim();
    const serial = fields.serial?.trim();
    if (!tag && !serial) throw new Error('A new asset needs an asset tag or a serial number.');
    if (tag && (await db().assets.where('assetTag').equals(tag).filter((a) => !a.deleted).count())) throw new Error(`Asset tag ${tag} already exists.`);
    const t = now();
    const a: Asset = { id: newId<'AssetId'>('asset') as AssetId, macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: t, status: 'in-service', roomId, room: roomNumber };
    if (tag) a.assetTag = tag;
    if (serial) a.serial = serial;
    for (const f of ['maker', 'model', 'description'] as const) {
      const v = fields[f]?.trim();
      if (v) a[f] = v;
    }
    const type = fields.type?.trim();
    if (type) a.type = typeIdFor(type) ?? type;
    await db().transaction('rw', [db().assets, db().confirmations, db().placements, db().auditLog], async () => {
      await db().assets.add(a);
      await audit(by, 'walk:new-asset', `asset ${tag ?? serial} in room ${roomNumber}`);
    });
    const c = await buildConfirmation(a.id, roomId, how, by, surveyId);
    await db().confirmations.add(c);
    return async () => {
      await retract(c.id);
      await db().assets.put({ ...a, deleted: true, version: 2, updatedAt: now() });
    };
  },
});

export const rememberJack = defineAction<{ roomId: RoomId; jack: string; by: string }>({
  name: 'room:remember-jack',
  label: (a) => `Remember jack ${a.jack}`,
  perform: async ({ roomId, jack, by }) => {
    const before = await db().rooms.get(roomId);
    if (!before) throw new Error('That room no longer exists.');
    if ((before.jacks ?? []).includes(jack)) return null;
    await db().rooms.put({ ...before, jacks: [...(before.jacks ?? []), jack], version: before.version + 1, updatedAt: now() });
    await audit(by, 'room:remember-jack', `${jack} → room ${before.number}`);
    return async () => {
      await db().rooms.put({ ...before, version: before.version + 2, updatedAt: now() });
    };
  },
});

export const setWalkSettings = defineAction<{ value: Record<string, number>; by: string }>({
  name: 'walk:settings',
  label: () => 'Change walk thresholds',
  perform: async ({ value, by }) => {
    const before = await db().settings.get('walk.settings');
    await db().settings.put({ key: 'walk.settings', value: { ...((before?.value as object) ?? {}), ...value } });
    await audit(by, 'walk:settings', JSON.stringify(value).slice(0, 200));
    return async () => {
      if (before) await db().settings.put(before);
      else await db().settings.delete('walk.settings');
    };
  },
});
