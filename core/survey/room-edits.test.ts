import { describe, expect, it } from 'vitest';
import { RoomEditError, mergeRooms, patchRoom, suggestRoomNumber } from './room-edits';
import { rectFromCorners } from './geometry';
import { FLOOR, room } from './fixtures.test-helpers';

describe('room edits', () => {
  const rooms = [room('r1', '3.01', { name: 'Bay 1' }), room('r2', '3.02'), room('r3', '3.09', { deleted: true })];

  it('renames with trimming, drops emptied fields, bumps the version', () => {
    const r = patchRoom(rooms[0]!, { number: ' 3.11 ', name: '', department: ' ICU ' }, rooms, 50);
    expect(r).toMatchObject({ number: '3.11', department: 'ICU', version: 2, updatedAt: 50 });
    expect('name' in r).toBe(false);
  });

  it('refuses duplicate numbers on the floor, empty numbers and bad outlines', () => {
    expect(() => patchRoom(rooms[0]!, { number: '3.02' }, rooms, 1)).toThrow(RoomEditError);
    expect(() => patchRoom(rooms[0]!, { number: '  ' }, rooms, 1)).toThrow(/needs a number/);
    expect(() => patchRoom(rooms[0]!, { shape: [{ x: 0, y: 0 }] }, rooms, 1)).toThrow(/outline/);
    // A deleted room's number is free again.
    expect(patchRoom(rooms[0]!, { number: '3.09' }, rooms, 1).number).toBe('3.09');
  });

  it('merges outlines, fills fields and jacks, marks the other deleted', () => {
    const a = room('a', '1', { shape: rectFromCorners({ x: 0, y: 0 }, { x: 10, y: 10 }), jacks: ['sw|1'] });
    const b = room('b', '2', { name: 'Store', shape: rectFromCorners({ x: 10, y: 0 }, { x: 20, y: 10 }), jacks: ['sw|2', 'sw|1'] });
    const { keep, gone } = mergeRooms(a, b, 9);
    expect(keep).toMatchObject({ id: 'a', number: '1', name: 'Store', jacks: ['sw|1', 'sw|2'], version: 2 });
    expect(keep.shape).toEqual(rectFromCorners({ x: 0, y: 0 }, { x: 20, y: 10 }));
    expect(gone).toMatchObject({ id: 'b', deleted: true, version: 2 });
    expect(() => mergeRooms(a, a, 1)).toThrow(RoomEditError);
  });

  it('suggests the next room number', () => {
    expect(suggestRoomNumber(rooms, FLOOR)).toBe('3.03');
    expect(suggestRoomNumber([], FLOOR)).toBe('1');
  });
});
