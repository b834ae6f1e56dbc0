import { describe, expect, it } from 'vitest';
import type { Survey } from '../model/survey';
import { compareRounds, previousRound, roomsInScope, surveyProgress } from './rounds';
import { FLOOR, aid, conf, rid, room } from './fixtures.test-helpers';
import { RETRACTED } from './locations';

function survey(id: string, startedAt: number, extra: Partial<Survey> = {}): Survey {
  return {
    id,
    name: id,
    scope: { kind: 'floor', floorId: FLOOR },
    by: 't',
    startedAt,
    roomIds: [rid('r1'), rid('r2'), rid('r3')],
    expectedAssetIds: [aid('a'), aid('b'), aid('c')],
    roomsDone: [],
    version: 1,
    createdAt: startedAt,
    updatedAt: startedAt,
    ...extra,
  };
}

describe('survey rounds', () => {
  it('selects rooms by floor or department', () => {
    const rooms = [room('r1', '1', { department: 'ICU' }), room('r2', '2', { department: 'icu ' }), room('r3', '3', { department: 'ED', deleted: true })];
    expect(roomsInScope(rooms, { kind: 'floor', floorId: FLOOR }).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(roomsInScope(rooms, { kind: 'department', department: 'ICU' }).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('reports progress: rooms done, expected confirmed, not found, moved', () => {
    const s = survey('s1', 0, { roomsDone: [rid('r3')] });
    const cs = [
      conf('a', 'r1', 10, { surveyId: 's1' }),
      conf('b', 'r2', 11, { surveyId: 's1', moved: { fromRoomId: rid('r1') } }),
      conf('x', 'r2', 12, { surveyId: 's1' }),
      conf('c', 'r1', 13, { surveyId: 'other' }),
      conf('c', 'r1', 14, { surveyId: 's1', note: RETRACTED }),
    ];
    const p = surveyProgress(s, cs);
    expect(p).toMatchObject({ roomsTotal: 3, roomsDone: 3, expected: 3, confirmedExpected: 2, confirmedTotal: 3, notFound: ['c'], moved: ['b'] });
  });

  it('compares with the previous round of the same scope', () => {
    const prev = survey('s1', 0, { finishedAt: 50 });
    const cur = survey('s2', 100);
    const cs = [
      conf('a', 'r1', 10, { surveyId: 's1' }),
      conf('b', 'r1', 11, { surveyId: 's1' }),
      conf('c', 'r2', 12, { surveyId: 's1' }),
      conf('a', 'r1', 110, { surveyId: 's2' }),
      conf('b', 'r3', 111, { surveyId: 's2' }),
      conf('d', 'r2', 112, { surveyId: 's2' }),
    ];
    const cmp = compareRounds(cur, prev, cs);
    expect(cmp.added).toEqual(['d']);
    expect(cmp.missing).toEqual(['c']);
    expect(cmp.moved).toEqual([{ assetId: 'b', from: 'r1', to: 'r3' }]);
    expect(cmp.unchanged).toEqual(['a']);
  });

  it('finds the previous finished round of the same scope only', () => {
    const a = survey('a', 0, { finishedAt: 5 });
    const b = survey('b', 10, { finishedAt: 15 });
    const unfinished = survey('u', 20);
    const dept = survey('d', 25, { finishedAt: 26, scope: { kind: 'department', department: 'ICU' } });
    const cur = survey('c', 30);
    expect(previousRound(cur, [a, b, unfinished, dept, cur])?.id).toBe('b');
    expect(previousRound(a, [a, b])).toBeUndefined();
  });
});
