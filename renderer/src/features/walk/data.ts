// Live queries and the shared "where am I" state for the floor plan, walk and survey views.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema';
import { registerSlice, useStore } from '../../store';
import type { Floor, Room } from '../../../../core/model/location';

export interface WalkSlice extends Record<string, unknown> {
  /** Floor shown by the plan and walk views. */
  floorId: string | undefined;
  setFloorId(id: string | undefined): void;
  /** Room the surveyor stands in (walk mode). */
  walkRoomId: string | undefined;
  setWalkRoomId(id: string | undefined): void;
  /** Survey confirmations are attributed to. */
  activeSurveyId: string | undefined;
  setActiveSurveyId(id: string | undefined): void;
}

registerSlice<WalkSlice>((set) => ({
  floorId: undefined,
  setFloorId: (floorId) => set({ floorId, walkRoomId: undefined }),
  walkRoomId: undefined,
  setWalkRoomId: (walkRoomId) => set({ walkRoomId }),
  activeSurveyId: undefined,
  setActiveSurveyId: (activeSurveyId) => set({ activeSurveyId }),
}));

export function useWalk<T>(pick: (s: WalkSlice) => T): T {
  return useStore((s) => pick(s as unknown as WalkSlice));
}
export const walkState = () => useStore.getState() as unknown as WalkSlice;

export interface FloorOption {
  floor: Floor;
  label: string;
}

/** Every live floor with "Site › Building › Floor" labels. */
export function useFloorOptions(): FloorOption[] | undefined {
  return useLiveQuery(async () => {
    const [sites, buildings, floors] = await Promise.all([db().sites.toArray(), db().buildings.toArray(), db().floors.toArray()]);
    const site = new Map(sites.map((s) => [s.id, s]));
    const bldg = new Map(buildings.map((b) => [b.id, b]));
    return floors
      .filter((f) => !f.deleted)
      .map((f) => {
        const b = bldg.get(f.buildingId);
        const s = b ? site.get(b.siteId) : undefined;
        return { floor: f, label: [s?.name, b?.name, f.name].filter(Boolean).join(' › ') };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, []);
}

export function useFloor(floorId: string | undefined) {
  return useLiveQuery(() => (floorId ? db().floors.get(floorId) : undefined), [floorId]);
}

const byNumber = (a: Room, b: Room) => a.number.localeCompare(b.number, undefined, { numeric: true });

export function useRooms(floorId: string | undefined): Room[] | undefined {
  return useLiveQuery(async () => (floorId ? (await db().rooms.where('floorId').equals(floorId).toArray()).filter((r) => !r.deleted).sort(byNumber) : []), [floorId]);
}
export function useAllRooms() {
  return useLiveQuery(async () => (await db().rooms.toArray()).filter((r) => !r.deleted).sort(byNumber), []);
}
export function useAssets() {
  return useLiveQuery(async () => (await db().assets.toArray()).filter((a) => !a.deleted), []);
}
export function usePlacements() {
  return useLiveQuery(() => db().placements.toArray(), []);
}
export function useConfirmations() {
  return useLiveQuery(() => db().confirmations.orderBy('at').toArray(), []);
}
export function useDevices() {
  return useLiveQuery(() => db().devices.toArray(), []);
}
export function useSurveys() {
  return useLiveQuery(async () => (await db().surveys.orderBy('startedAt').reverse().toArray()).filter((s) => !s.deleted), []);
}

export interface WalkSettings {
  staleDays: number;
  auditDays: number;
  /** Minutes a device counts as "on the wire now". */
  hintMinutes: number;
}
export const DEFAULT_WALK_SETTINGS: WalkSettings = { staleDays: 30, auditDays: 365, hintMinutes: 15 };
export const WALK_SETTINGS_KEY = 'walk.settings';

export function useWalkSettings(): WalkSettings {
  const s = useLiveQuery(() => db().settings.get(WALK_SETTINGS_KEY), []);
  const v = (s?.value ?? {}) as Partial<WalkSettings>;
  return { ...DEFAULT_WALK_SETTINGS, ...v };
}

const SURVEYOR_KEY = 'walk.surveyor';

/** The surveyor's name is a preference of this laptop: restored on start, saved when edited. */
export function useRememberedSurveyor(): void {
  const setSurveyor = useStore((s) => s.setSurveyor);
  const rec = useLiveQuery(() => db().settings.get(SURVEYOR_KEY), []);
  useEffect(() => {
    if (typeof rec?.value === 'string' && rec.value.trim()) setSurveyor(rec.value);
  }, [rec, setSurveyor]);
}

export async function rememberSurveyor(name: string): Promise<void> {
  const clean = name.trim().slice(0, 100);
  if (clean) await db().settings.put({ key: SURVEYOR_KEY, value: clean });
}
