// Room sheets: what an engineer carries on the audit walk. For a scope (one room, a floor, a
// department, a survey round or a whole site) build one section per room: its header (site, building,
// floor, room, department, date, surveyor), the assets expected there (home room = the latest
// placement by a person, else the inventory's room), the last confirmation of each, totals, and the
// pages the section takes on paper (pagination uses the same millimetre geometry as the print page).
import type { Asset } from '../model/asset';
import type { Building, Confirmation, Floor, Placement, Room, Site } from '../model/location';
import type { AssetId, RoomId } from '../model/ids';
import type { Survey } from '../model/survey';
import { assetBarcodeText, roomBarcodeText } from '../survey/barcodes';
import { confirmationsByAsset, expectedRoom, latestPlacements } from '../survey/locations';
import { sheetLayout } from './geometry';
import type { Orientation, PaperSize, SheetLayout } from './geometry';

export type SheetScope =
  | { kind: 'room'; roomId: RoomId }
  | { kind: 'floor'; floorId: string }
  | { kind: 'department'; department: string }
  | { kind: 'survey'; surveyId: string }
  | { kind: 'site'; siteId: string };

export interface SheetData {
  sites: readonly Site[];
  buildings: readonly Building[];
  floors: readonly Floor[];
  rooms: readonly Room[];
  assets: readonly Asset[];
  confirmations: readonly Confirmation[];
  placements: readonly Placement[];
  surveys?: readonly Survey[];
}

export interface SheetOptions {
  paper: PaperSize;
  orientation: Orientation;
  /** Date printed on the sheet, as the user reads it (e.g. "2026-11-29"). */
  date: string;
  surveyor: string;
  /** Blank lines for devices found but not listed (default 4). */
  foundLines?: number;
  /** Formats a confirmation time for the "last confirmed" column (default: ISO date, UTC). */
  formatDate?: (ms: number) => string;
}

export interface LastConfirmed {
  at: number;
  date: string;
  by: string;
  how: Confirmation['how'];
  /** Set when the last confirmation was in another room than this one. */
  elsewhere?: string;
}

export interface SheetRow {
  assetId: AssetId;
  /** What is printed as the tag (asset tag, else serial, else "—"). */
  tag: string;
  /** Text encoded in the Code 128 symbol; absent when the asset has neither tag nor serial. */
  barcode?: string;
  /** True when the symbol carries the serial because the asset has no tag. */
  serialAsTag: boolean;
  type: string;
  maker: string;
  model: string;
  serial: string;
  highRisk: boolean;
  lifeSupport: boolean;
  last?: LastConfirmed;
}

export interface RoomHeader {
  site: string;
  building: string;
  floor: string;
  roomNumber: string;
  roomName: string;
  department: string;
  date: string;
  surveyor: string;
  /** Room barcode text for walk mode (core/survey/barcodes). */
  roomBarcode: string;
}

export interface SectionTotals {
  expected: number;
  highRisk: number;
  lifeSupport: number;
  neverConfirmed: number;
  withoutTag: number;
}

export interface SheetPage {
  /** 1-based number in the whole document. */
  pageNumber: number;
  /** 1-based page within the room's section, and the section's page count. */
  sectionPage: number;
  sectionPages: number;
  /** Index in the section's rows of this page's first row. */
  firstRow: number;
  rows: SheetRow[];
  /** The room's first page (full header). */
  first: boolean;
  /** The room's last page (found-not-listed block, totals, sign-off). */
  last: boolean;
}

export interface RoomSection {
  /** 1-based position of the room in the document. */
  index: number;
  roomId: RoomId;
  header: RoomHeader;
  rows: SheetRow[];
  totals: SectionTotals;
  pages: SheetPage[];
}

export interface SheetSet {
  title: string;
  scope: SheetScope;
  layout: SheetLayout;
  date: string;
  surveyor: string;
  sections: RoomSection[];
  pageCount: number;
  totals: { rooms: number; assets: number; highRisk: number; lifeSupport: number; neverConfirmed: number };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "infusion-pump" → "Infusion pump". */
export function humanType(type: string | undefined): string {
  if (!type) return '';
  const t = type.trim().replace(/[-_]+/g, ' ');
  return t ? t[0]!.toUpperCase() + t.slice(1) : '';
}

/** Natural order for room numbers and tags: "2.9" before "2.10", "B-2" before "B-10". */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** Rooms a scope covers, live rooms only, in walking order (building, floor level, room number). */
export function roomsForScope(data: SheetData, scope: SheetScope): Room[] {
  const live = data.rooms.filter((r) => !r.deleted);
  let picked: Room[];
  switch (scope.kind) {
    case 'room':
      picked = live.filter((r) => r.id === scope.roomId);
      break;
    case 'floor':
      picked = live.filter((r) => r.floorId === scope.floorId);
      break;
    case 'department': {
      const want = scope.department.trim().toLowerCase();
      picked = live.filter((r) => (r.department ?? '').trim().toLowerCase() === want);
      break;
    }
    case 'survey': {
      const s = data.surveys?.find((x) => x.id === scope.surveyId);
      const ids = new Set<string>(s?.roomIds ?? []);
      picked = live.filter((r) => ids.has(r.id));
      break;
    }
    case 'site': {
      const buildings = new Set(data.buildings.filter((b) => b.siteId === scope.siteId && !b.deleted).map((b) => b.id as string));
      const floors = new Set(data.floors.filter((f) => buildings.has(f.buildingId) && !f.deleted).map((f) => f.id as string));
      picked = live.filter((r) => floors.has(r.floorId));
      break;
    }
  }
  const floorById = new Map(data.floors.map((f) => [f.id as string, f]));
  const buildingById = new Map(data.buildings.map((b) => [b.id as string, b]));
  const key = (r: Room) => {
    const f = floorById.get(r.floorId);
    const b = f ? buildingById.get(f.buildingId) : undefined;
    return { b: b?.name ?? '', level: f?.level ?? 0, f: f?.name ?? '', n: r.number };
  };
  return picked
    .map((r) => ({ r, k: key(r) }))
    .sort((x, y) => naturalCompare(x.k.b, y.k.b) || x.k.level - y.k.level || naturalCompare(x.k.f, y.k.f) || naturalCompare(x.k.n, y.k.n))
    .map((x) => x.r);
}

/**
 * Split a section's rows into pages. The last page must also hold the tail (found-not-listed lines,
 * totals, sign-off); when the rows would fill it, at least one row moves on so the table continues
 * on the page that ends the room (a lone tail page reads like a stray sheet).
 */
export function paginate(rowCount: number, layout: Pick<SheetLayout, 'rowsFirst' | 'rowsCont' | 'rowsFirstWithTail' | 'rowsContWithTail'>): { firstRow: number; count: number }[] {
  const out: { firstRow: number; count: number }[] = [];
  let next = 0;
  let remaining = rowCount;
  for (let page = 0; ; page++) {
    const cap = page === 0 ? layout.rowsFirst : layout.rowsCont;
    const capTail = page === 0 ? layout.rowsFirstWithTail : layout.rowsContWithTail;
    if (remaining <= capTail) {
      out.push({ firstRow: next, count: remaining });
      return out;
    }
    const take = Math.max(1, Math.min(cap, remaining - 1));
    out.push({ firstRow: next, count: take });
    next += take;
    remaining -= take;
  }
}

export function buildSheetSet(data: SheetData, scope: SheetScope, opts: SheetOptions): SheetSet {
  const layout = sheetLayout(opts.paper, opts.orientation, opts.foundLines ?? 4);
  const fmt = opts.formatDate ?? isoDate;
  const rooms = roomsForScope(data, scope);
  const roomIds = new Set<string>(rooms.map((r) => r.id));
  const allRooms = new Map(data.rooms.map((r) => [r.id as string, r]));
  const floorById = new Map(data.floors.map((f) => [f.id as string, f]));
  const buildingById = new Map(data.buildings.map((b) => [b.id as string, b]));
  const siteById = new Map(data.sites.map((s) => [s.id as string, s]));

  // Expected assets per room (home room), live and not retired.
  const placed = latestPlacements(data.placements);
  const byRoom = new Map<string, Asset[]>();
  for (const a of data.assets) {
    if (a.deleted || a.status === 'retired') continue;
    const home = expectedRoom(a, placed.get(a.id));
    if (!home || !roomIds.has(home)) continue;
    let list = byRoom.get(home);
    if (!list) byRoom.set(home, (list = []));
    list.push(a);
  }
  const lastByAsset = confirmationsByAsset(data.confirmations);

  const sections: RoomSection[] = [];
  let pageNumber = 0;
  const totals = { rooms: 0, assets: 0, highRisk: 0, lifeSupport: 0, neverConfirmed: 0 };
  for (const room of rooms) {
    const floor = floorById.get(room.floorId);
    const building = floor ? buildingById.get(floor.buildingId) : undefined;
    const site = building ? siteById.get(building.siteId) : undefined;
    const header: RoomHeader = {
      site: site?.name ?? '',
      building: building?.name ?? '',
      floor: floor?.name ?? '',
      roomNumber: room.number,
      roomName: room.name ?? '',
      department: room.department ?? '',
      date: opts.date,
      surveyor: opts.surveyor,
      roomBarcode: roomBarcodeText(room),
    };
    const assets = (byRoom.get(room.id) ?? []).slice();
    assets.sort((a, b) => naturalCompare(a.assetTag ?? '\uffff' + (a.serial ?? ''), b.assetTag ?? '\uffff' + (b.serial ?? '')));
    const rows: SheetRow[] = assets.map((a) => {
      const barcode = assetBarcodeText(a);
      const row: SheetRow = {
        assetId: a.id,
        tag: a.assetTag?.trim() || a.serial?.trim() || '—',
        serialAsTag: !a.assetTag?.trim() && !!a.serial?.trim(),
        type: humanType(a.type) || a.description?.trim() || '',
        maker: a.maker ?? a.makerOriginal ?? '',
        model: a.model ?? '',
        serial: a.serial ?? '',
        highRisk: a.highRisk === true || a.lifeSupport === true,
        lifeSupport: a.lifeSupport === true,
      };
      if (barcode) row.barcode = barcode;
      const last = lastByAsset.get(a.id)?.[0];
      if (last) {
        row.last = { at: last.at, date: fmt(last.at), by: last.by, how: last.how };
        if (last.roomId !== room.id) row.last.elsewhere = allRooms.get(last.roomId)?.number ?? 'another room';
      }
      return row;
    });
    const sectionTotals: SectionTotals = {
      expected: rows.length,
      highRisk: rows.filter((r) => r.highRisk).length,
      lifeSupport: rows.filter((r) => r.lifeSupport).length,
      neverConfirmed: rows.filter((r) => !r.last).length,
      withoutTag: rows.filter((r) => !r.barcode).length,
    };
    const split = paginate(rows.length, layout);
    const pages: SheetPage[] = split.map((p, i) => ({
      pageNumber: ++pageNumber,
      sectionPage: i + 1,
      sectionPages: split.length,
      firstRow: p.firstRow,
      rows: rows.slice(p.firstRow, p.firstRow + p.count),
      first: i === 0,
      last: i === split.length - 1,
    }));
    sections.push({ index: sections.length + 1, roomId: room.id, header, rows, totals: sectionTotals, pages });
    totals.rooms++;
    totals.assets += sectionTotals.expected;
    totals.highRisk += sectionTotals.highRisk;
    totals.lifeSupport += sectionTotals.lifeSupport;
    totals.neverConfirmed += sectionTotals.neverConfirmed;
  }
  return {
    title: scopeTitle(data, scope),
    scope,
    layout,
    date: opts.date,
    surveyor: opts.surveyor,
    sections,
    pageCount: pageNumber,
    totals,
  };
}

/** A human title for the document ("Floor Level 3 — Ward 3B, North Wing"). */
export function scopeTitle(data: SheetData, scope: SheetScope): string {
  switch (scope.kind) {
    case 'room': {
      const r = data.rooms.find((x) => x.id === scope.roomId);
      return r ? `Room ${r.number}${r.name ? ` — ${r.name}` : ''}` : 'Room';
    }
    case 'floor': {
      const f = data.floors.find((x) => x.id === scope.floorId);
      const b = f ? data.buildings.find((x) => x.id === f.buildingId) : undefined;
      return f ? `Floor ${f.name}${b ? `, ${b.name}` : ''}` : 'Floor';
    }
    case 'department':
      return `Department ${scope.department}`;
    case 'survey': {
      const s = data.surveys?.find((x) => x.id === scope.surveyId);
      return s ? `Survey ${s.name}` : 'Survey';
    }
    case 'site': {
      const s = data.sites.find((x) => x.id === scope.siteId);
      return s ? `Site ${s.name}` : 'Site';
    }
  }
}

/** Distinct departments named on live rooms, sorted. */
export function departments(rooms: readonly Room[]): string[] {
  const seen = new Map<string, string>();
  for (const r of rooms) {
    const d = r.department?.trim();
    if (!r.deleted && d && !seen.has(d.toLowerCase())) seen.set(d.toLowerCase(), d);
  }
  return [...seen.values()].sort(naturalCompare);
}
