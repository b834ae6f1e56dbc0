// A survey round: a walk of one floor or one department, from start to finish. The confirmations
// made during it carry its id; rooms and expected assets are fixed when it starts so progress and the
// comparison with the previous round do not shift when rooms are edited later.
import type { AssetId, FloorId, RoomId } from './ids';
import type { RecordMeta } from './location';

export type SurveyScope = { kind: 'floor'; floorId: FloorId } | { kind: 'department'; department: string };

export interface Survey extends RecordMeta {
  id: string;
  name: string;
  scope: SurveyScope;
  by: string;
  startedAt: number;
  finishedAt?: number;
  /** Rooms in scope when the survey started. */
  roomIds: RoomId[];
  /** Assets expected in those rooms when the survey started. */
  expectedAssetIds: AssetId[];
  /** Rooms a person marked as done (walked, everything checked). */
  roomsDone: RoomId[];
}
