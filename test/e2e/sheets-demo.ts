// A deterministic demo survey for the sheets e2e test and benchmark, and a seeder that writes it into
// the app's IndexedDB from inside the page (raw IndexedDB, same stores and keys as the dexie schema).
import type { Page } from 'playwright-core';

const TYPES = ['infusion-pump', 'patient-monitor', 'ventilator', 'syringe-pump', 'defibrillator', 'ecg-cart', 'suction-unit', 'ultrasound', 'bladder-scanner', 'thermometer'];
const MAKERS: [string, string][] = [
  ['Becton Dickinson', 'Alaris 8015'],
  ['Philips', 'IntelliVue MX450'],
  ['Hamilton Medical', 'C6'],
  ['B. Braun', 'Perfusor Space'],
  ['ZOLL', 'R Series'],
  ['GE Healthcare', 'MAC 2000'],
  ['Laerdal', 'LCSU 4'],
  ['Sonosite', 'Edge II'],
  ['Verathon', 'BladderScan Prime'],
  ['Welch Allyn', 'SureTemp Plus 692'],
];
const HIGH_RISK = new Set(['infusion-pump', 'ventilator', 'defibrillator', 'syringe-pump']);

export interface DemoSurvey {
  sites: Record<string, unknown>[];
  buildings: Record<string, unknown>[];
  floors: Record<string, unknown>[];
  rooms: Record<string, unknown>[];
  assets: Record<string, unknown>[];
  confirmations: Record<string, unknown>[];
  surveys?: Record<string, unknown>[];
}

/**
 * `rooms` rooms over floors of 50; asset counts cycle 0..9 per room, with room 3 of the first floor
 * holding `bigRoom` assets (it spans pages). Every 17th asset has only a serial.
 */
export function demoSurvey(opts: { rooms: number; bigRoom?: number; at?: number; perRoom?: (i: number) => number; surveyRooms?: number[] }): DemoSurvey {
  const t = opts.at ?? Date.UTC(2026, 10, 29, 9);
  const meta = { version: 1, createdAt: t, updatedAt: t };
  const out: DemoSurvey = {
    sites: [{ id: 'site_demo', name: 'St Mary General', ...meta }],
    buildings: [{ id: 'bldg_demo', siteId: 'site_demo', name: 'North Wing', ...meta }],
    floors: [],
    rooms: [],
    assets: [],
    confirmations: [],
  };
  let assetNo = 4700;
  const floorsNeeded = Math.ceil(opts.rooms / 50);
  for (let f = 0; f < floorsNeeded; f++) {
    out.floors.push({ id: `floor_${f + 3}`, buildingId: 'bldg_demo', name: `Level ${f + 3} — Ward ${f + 3}B`, level: f + 3, ...meta });
  }
  for (let i = 0; i < opts.rooms; i++) {
    const f = Math.floor(i / 50);
    const n = (i % 50) + 1;
    const roomId = `room_${i}`;
    const number = `${f + 3}.${String(n).padStart(2, '0')}`;
    const department = n <= 30 ? 'ICU' : 'Cardiology';
    out.rooms.push({ id: roomId, floorId: `floor_${f + 3}`, number, name: n % 5 === 0 ? 'Nurses station' : `Bay ${n}`, department, ...meta });
    const count = i === 2 && opts.bigRoom !== undefined ? opts.bigRoom : opts.perRoom ? opts.perRoom(i) : (i * 7) % 10;
    for (let k = 0; k < count; k++) {
      const id = `asset_${assetNo}`;
      const ti = (assetNo + k) % TYPES.length;
      const type = TYPES[ti]!;
      const [maker, model] = MAKERS[ti]!;
      const tagless = assetNo % 17 === 0;
      const asset: Record<string, unknown> = {
        id,
        ...(tagless ? {} : { assetTag: `BME-${String(assetNo).padStart(6, '0')}` }),
        // every 11th asset has the long model and serial that real inventories carry (layout stress)
        serial: assetNo % 11 === 0 ? `SN-${assetNo}-2019-0000012345678-REV-C` : `${maker.slice(0, 2).toUpperCase()}${(assetNo * 7919) % 1000003}`,
        maker,
        model: assetNo % 11 === 0 ? `${model} with extended parameter module, wireless telemetry and docking station` : model,
        type,
        department,
        roomId,
        macs: [],
        ips: [],
        extra: {},
        original: {},
        highRisk: HIGH_RISK.has(type),
        ...(type === 'ventilator' ? { lifeSupport: true } : {}),
        status: 'in-service',
        version: 1,
        updatedAt: t,
      };
      out.assets.push(asset);
      if (assetNo % 3 === 0) {
        out.confirmations.push({ id: `conf_${assetNo}`, assetId: id, roomId, at: t - (assetNo % 90) * 86_400_000, by: assetNo % 2 ? 'J. Okafor' : 'M. Lindqvist', how: 'scan' });
      }
      assetNo++;
    }
  }
  if (opts.surveyRooms) {
    out.surveys = [{
      id: 'survey_demo', name: 'Cardiology Q4', scope: { kind: 'department', department: 'Cardiology' }, by: 'M. Lindqvist', startedAt: t,
      roomIds: opts.surveyRooms.map((i) => `room_${i}`), expectedAssetIds: [], roomsDone: [], ...meta,
    }];
  }
  return out;
}

/** Write the demo into the app's database (the app must have opened it once), then reload the app. */
export async function seedDemo(page: Page, demo: DemoSurvey): Promise<void> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'wardwalk'));
  // No named inner functions here: tsx/esbuild would wrap them in a __name() helper the page lacks.
  await page.evaluate(async (d) => {
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('wardwalk');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const stores = Object.keys(d) as (keyof typeof d)[];
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(stores as string[], 'readwrite');
      for (const s of stores) for (const rec of d[s] ?? []) tx.objectStore(s).put(rec);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  }, demo);
  await page.reload();
}
