// Query hooks: the renderer reads persisted data through these (live: they re-render on change).
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './schema';

export function useSites() {
  return useLiveQuery(() => db().sites.filter((s) => !s.deleted).sortBy('name'), [], undefined);
}
export function useBuildings(siteId: string | undefined) {
  return useLiveQuery(
    () => (siteId ? db().buildings.where('siteId').equals(siteId).filter((b) => !b.deleted).sortBy('name') : []),
    [siteId],
    undefined,
  );
}
export function useFloors(buildingId: string | undefined) {
  return useLiveQuery(
    () => (buildingId ? db().floors.where('buildingId').equals(buildingId).filter((f) => !f.deleted).sortBy('name') : []),
    [buildingId],
    undefined,
  );
}
export function useCounts() {
  return useLiveQuery(async () => {
    const out: Record<string, number> = {};
    for (const t of db().tables) out[t.name] = await t.count();
    return out;
  }, []);
}
