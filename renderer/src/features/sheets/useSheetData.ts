// Everything the sheets read, live (re-renders when a confirmation is keyed back).
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/schema';
import type { SheetData } from '../../../../core/sheets/model';
import type { Survey } from '../../../../core/model/survey';

export function useSheetData(): SheetData | undefined {
  return useLiveQuery(async () => {
    const d = db();
    // The surveys table arrives with the survey feature's schema version; read it when it is there.
    const surveyTable = d.tables.find((t) => t.name === 'surveys');
    const [sites, buildings, floors, rooms, assets, confirmations, placements, surveys] = await Promise.all([
      d.sites.toArray(),
      d.buildings.toArray(),
      d.floors.toArray(),
      d.rooms.toArray(),
      d.assets.toArray(),
      d.confirmations.toArray(),
      d.placements.toArray(),
      surveyTable ? (surveyTable.toArray() as Promise<Survey[]>) : Promise.resolve([] as Survey[]),
    ]);
    return {
      sites: sites.filter((s) => !s.deleted),
      buildings: buildings.filter((b) => !b.deleted),
      floors: floors.filter((f) => !f.deleted),
      rooms,
      assets,
      confirmations,
      placements,
      surveys: surveys.filter((s) => !s.deleted),
    };
  }, []);
}
