// Small demo data for the sheets unit tests (a site, one building, two floors, rooms and assets).
import type { Asset } from '../model/asset';
import type { Building, Confirmation, Floor, Placement, Room, Site } from '../model/location';
import type { AssetId, BuildingId, ConfirmationId, FloorId, RoomId, SiteId } from '../model/ids';
import type { SheetData } from './model';

const meta = { version: 1, createdAt: 1, updatedAt: 1 };

export function room(id: string, floorId: string, number: string, extra: Partial<Room> = {}): Room {
  return { id: id as RoomId, floorId: floorId as FloorId, number, ...meta, ...extra };
}

export function asset(id: string, extra: Partial<Asset> = {}): Asset {
  return { id: id as AssetId, macs: [], ips: [], extra: {}, original: {}, version: 1, updatedAt: 1, ...extra };
}

export function confirmation(id: string, assetId: string, roomId: string, at: number, by = 'ana'): Confirmation {
  return { id: id as ConfirmationId, assetId: assetId as AssetId, roomId: roomId as RoomId, at, by, how: 'scan' };
}

export function demoData(): SheetData {
  const sites: Site[] = [{ id: 's1' as SiteId, name: 'St Mary General', ...meta }];
  const buildings: Building[] = [{ id: 'b1' as BuildingId, siteId: 's1' as SiteId, name: 'North Wing', ...meta }];
  const floors: Floor[] = [
    { id: 'f3' as FloorId, buildingId: 'b1' as BuildingId, name: 'Level 3', level: 3, ...meta },
    { id: 'f2' as FloorId, buildingId: 'b1' as BuildingId, name: 'Level 2', level: 2, ...meta },
  ];
  const rooms: Room[] = [
    room('r310', 'f3', '3.10', { name: 'Bay 10', department: 'ICU' }),
    room('r302', 'f3', '3.2', { name: 'Bay 2', department: 'ICU' }),
    room('r303', 'f3', '3.3', { department: 'Cardiology' }),
    room('r201', 'f2', '2.1', { department: 'ICU' }),
    room('rdel', 'f3', '3.99', { deleted: true }),
  ];
  const assets: Asset[] = [
    asset('a1', { assetTag: 'BME-0002', type: 'infusion-pump', maker: 'Becton Dickinson', model: 'Alaris 8015', serial: 'S-1', roomId: 'r302' as RoomId, highRisk: true }),
    asset('a2', { assetTag: 'BME-0010', type: 'patient-monitor', maker: 'Philips', model: 'MX450', serial: 'S-2', roomId: 'r302' as RoomId, lifeSupport: true }),
    asset('a3', { assetTag: 'BME-0001', type: 'ventilator', roomId: 'r302' as RoomId }),
    asset('a4', { serial: 'SN-NO-TAG', description: 'Suction unit', roomId: 'r310' as RoomId }),
    asset('a5', { assetTag: 'BME-0099', roomId: 'r310' as RoomId, status: 'retired' }),
    asset('a6', { assetTag: 'BME-0100', roomId: 'r310' as RoomId, deleted: true }),
    asset('a7', { assetTag: 'BME-0200', roomId: 'r201' as RoomId }),
    // inventory says 3.10, a person placed it in 3.3: the placement wins
    asset('a8', { assetTag: 'BME-0300', roomId: 'r310' as RoomId }),
  ];
  const placements: Placement[] = [{ id: 'p1', assetId: 'a8' as AssetId, roomId: 'r303' as RoomId, by: 'ana', ...meta }];
  const confirmations: Confirmation[] = [
    confirmation('c1', 'a1', 'r302', Date.UTC(2026, 5, 1), 'ana'),
    confirmation('c2', 'a1', 'r310', Date.UTC(2026, 6, 2), 'ben'),
    { ...confirmation('c3', 'a2', 'r302', Date.UTC(2026, 7, 3), 'cy'), note: '[retracted] mistaken scan' },
  ];
  return { sites, buildings, floors, rooms, assets, confirmations, placements };
}
