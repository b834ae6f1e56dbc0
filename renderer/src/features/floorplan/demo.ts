// The bundled demo hospital (assets/demo): one ward with a plan, 12 rooms, ~40 assets, a little
// history (a finished survey two months ago, confirmations last week, one device that moved, some
// never seen) and a small capture of the ward (assets/renderer-public/demo/ward-3b.pcap, made by
// test/demo/demo-capture.ts) imported through the real discovery pipeline.
import planSvg from '../../../../assets/demo/ward-3b.svg?raw';
import demo from '../../../../assets/demo/ward-3b.json';
import { newId, parseMac } from '../../../../core/model/ids';
import type { AssetId, BuildingId, ConfirmationId, FloorId, RoomId, SiteId } from '../../../../core/model/ids';
import type { Asset } from '../../../../core/model/asset';
import type { Confirmation, Room } from '../../../../core/model/location';
import type { Survey } from '../../../../core/model/survey';
import { DAY_MS } from '../../../../core/survey/locations';
import { db } from '../../db/schema';
import { defineAction } from '../../actions/registry';
import { DiscoveryRunner } from '../discover/runner';
import { audit } from '../../actions/audit';

interface DemoAsset {
  assetTag: string;
  serial: string;
  type: string;
  maker: string;
  model: string;
  room: string;
  status: Asset['status'];
  mac?: string;
}

export interface DemoIds {
  siteId: SiteId;
  buildingId: BuildingId;
  floorId: FloorId;
}

/** Build every demo record for `now` (pure apart from ids). */
export function demoRecords(now: number, by: string) {
  const t = now;
  const siteId = newId<'SiteId'>('site') as SiteId;
  const buildingId = newId<'BuildingId'>('bldg') as BuildingId;
  const floorId = newId<'FloorId'>('floor') as FloorId;
  const dataUrl = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(planSvg)));
  const meta = { version: 1, createdAt: t, updatedAt: t };
  const rooms: Room[] = demo.rooms.map((r) => ({
    id: newId<'RoomId'>('room') as RoomId,
    floorId,
    number: r.number,
    name: r.name,
    department: r.department,
    type: r.type,
    shape: r.shape.map(([x, y]) => ({ x: x!, y: y! })),
    ...('jacks' in r && Array.isArray(r.jacks) ? { jacks: r.jacks as string[] } : {}),
    ...meta,
  }));
  const roomByNumber = new Map(rooms.map((r) => [r.number, r]));
  const assets: Asset[] = (demo.assets as DemoAsset[]).map((d) => {
    const room = roomByNumber.get(d.room);
    const mac = d.mac ? parseMac(d.mac) : undefined;
    const a: Asset = {
      id: newId<'AssetId'>('asset') as AssetId,
      assetTag: d.assetTag,
      serial: d.serial,
      type: d.type,
      maker: d.maker,
      model: d.model,
      department: 'Cardiology 3B',
      room: d.room,
      macs: mac ? [mac] : [],
      ips: [],
      extra: {},
      original: {},
      status: d.status ?? 'in-service',
      version: 1,
      updatedAt: t,
    };
    if (room) a.roomId = room.id;
    return a;
  });
  // History: a finished round 60 days ago (most assets), confirmations 3 days ago (about half).
  const prevSurvey: Survey = {
    id: newId('survey'),
    name: 'Ward 3B — spring round',
    scope: { kind: 'floor', floorId },
    by: 'demo',
    startedAt: t - 61 * DAY_MS,
    finishedAt: t - 60 * DAY_MS,
    roomIds: rooms.map((r) => r.id),
    expectedAssetIds: assets.map((a) => a.id),
    roomsDone: rooms.map((r) => r.id),
    ...meta,
  };
  const confirmations: Confirmation[] = [];
  const never = new Set(['W3B-IP-015', 'W3B-IP-016', 'W3B-US-002']);
  assets.forEach((a, i) => {
    if (never.has(a.assetTag!) || !a.roomId) return;
    if (i % 9 !== 4) {
      confirmations.push({ id: newId<'ConfirmationId'>('conf') as ConfirmationId, assetId: a.id, roomId: a.roomId, at: prevSurvey.startedAt + i * 60_000, by: 'demo', how: 'scan', surveyId: prevSurvey.id });
    }
    if (i % 2 === 0) {
      let roomId = a.roomId;
      const c: Confirmation = { id: newId<'ConfirmationId'>('conf') as ConfirmationId, assetId: a.id, roomId, at: t - 3 * DAY_MS + i * 60_000, by: 'demo', how: i % 4 === 0 ? 'scan' : 'ticked' };
      if (a.assetTag === 'W3B-IP-003') {
        roomId = roomByNumber.get('3.09')!.id;
        c.roomId = roomId;
        c.moved = { fromRoomId: a.roomId };
      }
      confirmations.push(c);
    }
  });
  return {
    ids: { siteId, buildingId, floorId } as DemoIds,
    site: { id: siteId, name: demo.site, ...meta },
    building: { id: buildingId, siteId, name: demo.building, ...meta },
    floor: { id: floorId, buildingId, name: demo.floor, level: demo.level, plan: { dataUrl, width: 1600, height: 1000, metresPerPixel: demo.metresPerPixel }, ...meta },
    rooms,
    assets,
    confirmations,
    survey: prevSurvey,
    by,
  };
}

/** Fetch the bundled demo capture and import it like a user-opened file. */
async function importDemoCapture(): Promise<void> {
  const res = await fetch(new URL('./demo/ward-3b.pcap', document.baseURI));
  if (!res.ok) throw new Error('the demo capture is missing from this build');
  const file = new File([await res.arrayBuffer()], 'ward-3b-demo.pcap', { type: 'application/vnd.tcpdump.pcap' });
  const runner = new DiscoveryRunner(() => undefined);
  try {
    await runner.run([file]);
  } finally {
    runner.dispose();
  }
}

export const loadDemo = defineAction<{ by: string; onLoaded?: (ids: DemoIds) => void; importCapture?: () => Promise<void> }>({
  name: 'demo:load',
  label: () => 'Load the demo hospital',
  perform: async ({ by, onLoaded, importCapture = importDemoCapture }) => {
    const r = demoRecords(Date.now(), by);
    await db().transaction('rw', [db().sites, db().buildings, db().floors, db().rooms, db().assets, db().confirmations, db().surveys, db().auditLog], async () => {
      await db().sites.add(r.site);
      await db().buildings.add(r.building);
      await db().floors.add(r.floor);
      await db().rooms.bulkAdd(r.rooms);
      await db().assets.bulkAdd(r.assets);
      await db().confirmations.bulkAdd(r.confirmations);
      await db().surveys.add(r.survey);
      await audit(by, 'demo:load', `demo hospital: ${r.rooms.length} rooms, ${r.assets.length} assets`);
    });
    // The demo's small capture goes through the same pipeline as any capture the user opens: decoded
    // and identified in the discovery worker, merged into the stored devices (network hints, jacks).
    await importCapture();
    onLoaded?.(r.ids);
    return async () => {
      const t = Date.now();
      const del = <T extends { version: number }>(x: T) => ({ ...x, deleted: true, version: x.version + 1, updatedAt: t });
      await db().transaction('rw', [db().sites, db().buildings, db().floors, db().rooms, db().assets, db().surveys], async () => {
        await db().sites.put(del(r.site));
        await db().buildings.put(del(r.building));
        await db().floors.put(del(r.floor));
        await db().rooms.bulkPut(r.rooms.map(del));
        await db().assets.bulkPut(r.assets.map(del));
        await db().surveys.put(del(r.survey));
      });
    };
  },
});
