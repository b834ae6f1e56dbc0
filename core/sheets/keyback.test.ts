import { describe, expect, it } from 'vitest';
import { flagAuditDetail, planKeyBack } from './keyback';
import type { KeyBackInput } from './keyback';
import { demoData } from './fixture.test-helper';
import type { AssetId, ConfirmationId, RoomId } from '../model/ids';

function input(over: Partial<KeyBackInput>): KeyBackInput {
  const d = demoData();
  let n = 0;
  const homes: Record<string, string> = { a1: 'r302', a2: 'r302', a3: 'r302', a7: 'r201', a8: 'r303' };
  return {
    roomId: 'r302' as RoomId,
    listed: ['a1', 'a2', 'a3'] as AssetId[],
    rows: [],
    found: [],
    by: 'Ana Ruiz',
    at: 1000,
    assets: d.assets,
    homeOf: (id) => homes[id] as RoomId | undefined,
    newId: () => `c${++n}` as ConfirmationId,
    ...over,
  };
}

describe('planKeyBack', () => {
  it('present → paper-sheet confirmation here; missing → flag only; blank → nothing', () => {
    const plan = planKeyBack(input({ rows: [
      { assetId: 'a1' as AssetId, result: 'present', note: ' checked ' },
      { assetId: 'a2' as AssetId, result: 'missing' },
      { assetId: 'a3' as AssetId },
    ], surveyId: 'sv1' }));
    expect(plan.confirmations).toEqual([{ id: 'c1', assetId: 'a1', roomId: 'r302', at: 1000, by: 'Ana Ruiz', how: 'paper-sheet', surveyId: 'sv1', note: 'checked' }]);
    expect(plan.flags).toEqual([{ kind: 'missing', assetId: 'a2', assetTag: 'BME-0010', roomId: 'r302', at: 1000, by: 'Ana Ruiz', how: 'paper-sheet' }]);
    expect(plan.problems).toEqual([]);
  });

  it('moved with a destination confirms it there with moved.fromRoomId; without one it only flags', () => {
    const plan = planKeyBack(input({ rows: [
      { assetId: 'a1' as AssetId, result: 'moved', movedToRoomId: 'r310' as RoomId },
      { assetId: 'a2' as AssetId, result: 'moved' },
    ] }));
    expect(plan.confirmations).toHaveLength(1);
    expect(plan.confirmations[0]).toMatchObject({ assetId: 'a1', roomId: 'r310', moved: { fromRoomId: 'r302' }, how: 'paper-sheet' });
    expect(plan.flags.map((f) => [f.kind, f.assetId, f.toRoomId])).toEqual([['moved', 'a1', 'r310'], ['moved', 'a2', undefined]]);
    expect(flagAuditDetail(plan.flags[0]!, (id) => id.slice(1))).toBe('BME-0002 ticked moved on the paper sheet of room 302; found in room 310');
    expect(flagAuditDetail(plan.flags[1]!, (id) => id)).toContain('where to is not known');
  });

  it('found lines: a known tag from elsewhere is confirmed here as moved; unknown text is kept as unlisted', () => {
    const plan = planKeyBack(input({ found: [
      { text: ' bme-0200 ', note: 'on the windowsill' },
      { text: 'UNKNOWN-77' },
      { text: 'ROOM:3.2' },
      { text: '   ' },
    ] }));
    expect(plan.confirmations).toEqual([{ id: 'c1', assetId: 'a7', roomId: 'r302', at: 1000, by: 'Ana Ruiz', how: 'paper-sheet', moved: { fromRoomId: 'r201' }, note: 'on the windowsill' }]);
    expect(plan.unlisted).toEqual([{ text: 'UNKNOWN-77' }]);
    expect(plan.problems).toEqual(['"ROOM:3.2" is a room code, not a device; ignored.']);
  });

  it('a listed asset ticked missing but written as found is recorded as found; duplicates once', () => {
    const plan = planKeyBack(input({
      rows: [{ assetId: 'a2' as AssetId, result: 'missing' }, { assetId: 'a1' as AssetId, result: 'present' }],
      found: [{ text: 'BME-0010' }, { text: 'BME-0002' }],
    }));
    expect(plan.flags).toEqual([]);
    expect(plan.confirmations.map((c) => c.assetId).sort()).toEqual(['a1', 'a2']);
    expect(plan.confirmations.every((c) => c.roomId === 'r302' && !c.moved)).toBe(true);
    expect(plan.problems).toHaveLength(2);
  });

  it('ignores results for assets the sheet did not list', () => {
    const plan = planKeyBack(input({ rows: [{ assetId: 'a7' as AssetId, result: 'present' }] }));
    expect(plan.confirmations).toEqual([]);
    expect(plan.problems[0]).toContain('not on this room');
  });
});
