// Survey rounds: progress while walking, and the comparison of a finished round with the previous one
// of the same scope (new, missing, moved).
import type { Asset } from '../model/asset';
import type { Confirmation, Room } from '../model/location';
import type { AssetId, RoomId } from '../model/ids';
import type { Survey, SurveyScope } from '../model/survey';
import { isRetracted } from './locations';

/** Rooms a survey of this scope covers (live rooms only). */
export function roomsInScope(rooms: readonly Room[], scope: SurveyScope): Room[] {
  return rooms.filter((r) => !r.deleted && (scope.kind === 'floor' ? r.floorId === scope.floorId : (r.department ?? '').trim().toLowerCase() === scope.department.trim().toLowerCase()));
}

/** Assets expected in those rooms: by their home room id. */
export function assetsInRooms(assets: readonly Asset[], roomIds: ReadonlySet<RoomId>, homeOf: (a: Asset) => RoomId | undefined): Asset[] {
  return assets.filter((a) => {
    if (a.deleted || a.status === 'retired') return false;
    const home = homeOf(a);
    return home !== undefined && roomIds.has(home);
  });
}

export function sameScope(a: SurveyScope, b: SurveyScope): boolean {
  if (a.kind === 'floor' && b.kind === 'floor') return a.floorId === b.floorId;
  if (a.kind === 'department' && b.kind === 'department') return a.department.trim().toLowerCase() === b.department.trim().toLowerCase();
  return false;
}

export interface SurveyProgress {
  roomsTotal: number;
  /** Rooms marked done or with at least one confirmation in this survey. */
  roomsDone: number;
  roomsVisited: RoomId[];
  expected: number;
  /** Expected assets confirmed (anywhere) during the survey. */
  confirmedExpected: number;
  /** All distinct assets confirmed during the survey (expected or not). */
  confirmedTotal: number;
  /** Expected assets not confirmed yet (at finish: missing). */
  notFound: AssetId[];
  /** Assets confirmed in a room other than their expected one during this survey. */
  moved: AssetId[];
}

/** Latest live confirmation per asset within one survey. */
export function surveyConfirmations(survey: Pick<Survey, 'id'>, confirmations: readonly Confirmation[]): Map<AssetId, Confirmation> {
  const out = new Map<AssetId, Confirmation>();
  for (const c of confirmations) {
    if (c.surveyId !== survey.id || !c.assetId || isRetracted(c)) continue;
    const cur = out.get(c.assetId);
    if (!cur || c.at > cur.at) out.set(c.assetId, c);
  }
  return out;
}

export function surveyProgress(survey: Survey, confirmations: readonly Confirmation[]): SurveyProgress {
  const latest = surveyConfirmations(survey, confirmations);
  const inScope = new Set(survey.roomIds);
  const visited = new Set<RoomId>(survey.roomsDone.filter((r) => inScope.has(r)));
  for (const c of latest.values()) if (inScope.has(c.roomId)) visited.add(c.roomId);
  let confirmedExpected = 0;
  const notFound: AssetId[] = [];
  for (const id of survey.expectedAssetIds) {
    if (latest.has(id)) confirmedExpected++;
    else notFound.push(id);
  }
  const moved: AssetId[] = [];
  for (const [id, c] of latest) if (c.moved) moved.push(id);
  return {
    roomsTotal: survey.roomIds.length,
    roomsDone: visited.size,
    roomsVisited: [...visited],
    expected: survey.expectedAssetIds.length,
    confirmedExpected,
    confirmedTotal: latest.size,
    notFound,
    moved,
  };
}

export interface RoundComparison {
  /** Confirmed in this round, not in the previous one. */
  added: AssetId[];
  /** Confirmed in the previous round, not in this one. */
  missing: AssetId[];
  /** Confirmed in both, in different rooms. */
  moved: { assetId: AssetId; from: RoomId; to: RoomId }[];
  /** Confirmed in both, same room. */
  unchanged: AssetId[];
}

export function compareRounds(current: Survey, previous: Survey, confirmations: readonly Confirmation[]): RoundComparison {
  const now = surveyConfirmations(current, confirmations);
  const before = surveyConfirmations(previous, confirmations);
  const out: RoundComparison = { added: [], missing: [], moved: [], unchanged: [] };
  for (const [id, c] of now) {
    const b = before.get(id);
    if (!b) out.added.push(id);
    else if (b.roomId !== c.roomId) out.moved.push({ assetId: id, from: b.roomId, to: c.roomId });
    else out.unchanged.push(id);
  }
  for (const id of before.keys()) if (!now.has(id)) out.missing.push(id);
  return out;
}

/** The most recent finished survey of the same scope that started before this one. */
export function previousRound(current: Survey, surveys: readonly Survey[]): Survey | undefined {
  let best: Survey | undefined;
  for (const s of surveys) {
    if (s.id === current.id || s.deleted || s.finishedAt === undefined || s.startedAt >= current.startedAt) continue;
    if (!sameScope(s.scope, current.scope)) continue;
    if (!best || s.startedAt > best.startedAt) best = s;
  }
  return best;
}
