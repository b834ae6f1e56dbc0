import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { db } from '../db/schema';
import { keyBackSheet } from './sheets';
import { undoLast } from './registry';
import type { KeyBackPlan } from '../../../core/sheets/keyback';
import type { AssetId, ConfirmationId, RoomId } from '../../../core/model/ids';
import { isRetracted } from '../../../core/survey/locations';

const room = 'room_1' as RoomId;
const plan: KeyBackPlan = {
  confirmations: [
    { id: 'c1' as ConfirmationId, assetId: 'a1' as AssetId, roomId: room, at: 5, by: 'ana', how: 'paper-sheet', note: 'by bed 2' },
    { id: 'c2' as ConfirmationId, assetId: 'a2' as AssetId, roomId: 'room_2' as RoomId, at: 5, by: 'ana', how: 'paper-sheet', moved: { fromRoomId: room } },
  ],
  flags: [
    { kind: 'missing', assetId: 'a3' as AssetId, assetTag: 'BME-3', roomId: room, at: 5, by: 'ana', how: 'paper-sheet', note: 'patient name here must not be logged' },
    { kind: 'moved', assetId: 'a2' as AssetId, assetTag: 'BME-2', roomId: room, toRoomId: 'room_2' as RoomId, at: 5, by: 'ana', how: 'paper-sheet' },
  ],
  unlisted: [{ text: 'NEW-1', note: 'vendor loan' }],
  problems: [],
};

describe('sheets:key-back action', () => {
  it('writes confirmations and PHI-free audit lines in one go, and undo retracts them', async () => {
    const ok = await keyBackSheet({ roomId: room, roomNumber: '3.01', plan, by: 'ana', roomNumbers: { room_1: '3.01', room_2: '3.02' } });
    expect(ok).toBe(true);
    const confs = await db().confirmations.toArray();
    expect(confs.map((c) => [c.id, c.how, c.roomId])).toEqual([['c1', 'paper-sheet', 'room_1'], ['c2', 'paper-sheet', 'room_2']]);
    const audit = await db().auditLog.toArray();
    const actions = audit.map((a) => a.action).sort();
    expect(actions).toEqual(['sheets:flag-missing', 'sheets:flag-moved', 'sheets:key-back', 'sheets:unlisted']);
    expect(audit.find((a) => a.action === 'sheets:flag-moved')!.detail).toBe('BME-2 ticked moved on the paper sheet of room 3.01; found in room 3.02');
    expect(audit.find((a) => a.action === 'sheets:key-back')!.detail).toBe('Room 3.01: 2 confirmed, 1 moved, 1 missing, 1 unlisted');
    expect(JSON.stringify(audit)).not.toContain('patient');
    expect(JSON.stringify(audit)).not.toContain('vendor loan');

    expect(await undoLast()).toBe('Key back the sheet of room 3.01');
    const after = await db().confirmations.toArray();
    expect(after).toHaveLength(2); // never deleted
    expect(after.every((c) => isRetracted(c))).toBe(true);
    expect(after.find((c) => c.id === 'c1')!.note).toBe('[retracted] by bed 2');
    expect((await db().auditLog.toArray()).some((a) => a.action === 'sheets:key-back-undone')).toBe(true);
  });

  it('refuses an empty sheet', async () => {
    const ok = await keyBackSheet({ roomId: room, roomNumber: '3.01', plan: { confirmations: [], flags: [], unlisted: [], problems: [] }, by: 'ana', roomNumbers: {} });
    expect(ok).toBe(false);
  });
});
