// Survey rounds: start (rooms and expected assets fixed at that moment), mark rooms done, finish.
import { newId } from '../../../core/model/ids';
import type { RoomId } from '../../../core/model/ids';
import type { Survey, SurveyScope } from '../../../core/model/survey';
import { assetsInRooms, roomsInScope } from '../../../core/survey/rounds';
import { expectedRoom, latestPlacements } from '../../../core/survey/locations';
import { db } from '../db/schema';
import { defineAction } from './registry';
import { audit } from './audit';

const now = () => Date.now();

export const startSurvey = defineAction<{ scope: SurveyScope; name: string; by: string; onStarted?: (id: string) => void }>({
  name: 'survey:start',
  label: (a) => `Start survey "${a.name}"`,
  perform: async ({ scope, name, by, onStarted }) => {
    const rooms = roomsInScope(await db().rooms.toArray(), scope);
    if (!rooms.length) throw new Error('There are no rooms in that floor or department yet.');
    const placed = latestPlacements(await db().placements.toArray());
    const ids = new Set(rooms.map((r) => r.id));
    const expected = assetsInRooms(await db().assets.toArray(), ids, (a) => expectedRoom(a, placed.get(a.id)));
    const t = now();
    const s: Survey = {
      id: newId('survey'),
      name: name.trim() || `Survey ${new Date(t).toISOString().slice(0, 10)}`,
      scope,
      by,
      startedAt: t,
      roomIds: rooms.map((r) => r.id),
      expectedAssetIds: expected.map((a) => a.id),
      roomsDone: [],
      version: 1,
      createdAt: t,
      updatedAt: t,
    };
    await db().surveys.add(s);
    await audit(by, 'survey:start', `"${s.name}": ${rooms.length} rooms, ${expected.length} assets expected`);
    onStarted?.(s.id);
    return async () => {
      await db().surveys.put({ ...s, deleted: true, version: 2, updatedAt: now() });
    };
  },
});

export const markRoomDone = defineAction<{ surveyId: string; roomId: RoomId; done: boolean; by: string }>({
  name: 'survey:room-done',
  label: (a) => (a.done ? 'Mark room done' : 'Mark room not done'),
  perform: async ({ surveyId, roomId, done, by }) => {
    const before = await db().surveys.get(surveyId);
    if (!before) throw new Error('That survey no longer exists.');
    const set = new Set(before.roomsDone);
    if (done) set.add(roomId);
    else set.delete(roomId);
    await db().surveys.put({ ...before, roomsDone: [...set], version: before.version + 1, updatedAt: now() });
    await audit(by, 'survey:room-done', `${done ? 'done' : 'not done'}`);
    return async () => {
      await db().surveys.put({ ...before, version: before.version + 2, updatedAt: now() });
    };
  },
});

export const finishSurvey = defineAction<{ surveyId: string; by: string }>({
  name: 'survey:finish',
  label: () => 'Finish survey',
  perform: async ({ surveyId, by }) => {
    const before = await db().surveys.get(surveyId);
    if (!before || before.finishedAt !== undefined) throw new Error('That survey is not running.');
    await db().surveys.put({ ...before, finishedAt: now(), version: before.version + 1, updatedAt: now() });
    await audit(by, 'survey:finish', `"${before.name}"`);
    return async () => {
      await db().surveys.put({ ...before, version: before.version + 2, updatedAt: now() });
    };
  },
});
