// The dexie database. Every schema version ever shipped stays here (Dexie's advice): a user's
// database upgrades step by step from whatever version it holds.
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Asset } from '../../../core/model/asset';
import type { AuditEntry, Building, Confirmation, Floor, ImportRecord, Placement, Room, Site } from '../../../core/model/location';
import type { Device } from '../../../core/model/device';
import { DB_NAME, DB_SCHEMA_VERSION } from '../../../core/model/tables';

export interface StoredObservation {
  id: string;
  deviceId: string;
  kind: string;
  value: string;
  source: string;
  ts: number;
}

export interface OverrideRecord {
  id: string; // `${deviceId}:${attribute}`
  deviceId: string;
  attribute: string;
  value: string;
  by: string;
  at: number;
  reason?: string;
}

export interface MappingProfileRecord {
  id: string; // shape signature
  name: string;
  mapping: Record<string, string>;
  updatedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class WardwalkDb extends Dexie {
  sites!: Table<Site, string>;
  buildings!: Table<Building, string>;
  floors!: Table<Floor, string>;
  rooms!: Table<Room, string>;
  assets!: Table<Asset, string>;
  observations!: Table<StoredObservation, string>;
  placements!: Table<Placement, string>;
  confirmations!: Table<Confirmation, string>;
  imports!: Table<ImportRecord, string>;
  auditLog!: Table<AuditEntry, string>;
  devices!: Table<Device, string>;
  overrides!: Table<OverrideRecord, string>;
  mappingProfiles!: Table<MappingProfileRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: the foundation.
    this.version(1).stores({
      sites: 'id, name',
      buildings: 'id, siteId',
      floors: 'id, buildingId',
      rooms: 'id, floorId, number, department',
      assets: 'id, assetTag, serial, maker, department, roomId, deviceId, *macs',
      observations: 'id, deviceId, kind, ts',
      placements: 'id, assetId, deviceId, roomId',
      confirmations: 'id, assetId, deviceId, roomId, at, surveyId',
      imports: 'id, at, kind',
      auditLog: 'id, at, action',
    });
    // Version 2: discovered devices, identification overrides, spreadsheet mapping profiles, settings.
    this.version(2).stores({
      devices: 'id, mac, lastSeen, *ips',
      overrides: 'id, deviceId',
      mappingProfiles: 'id, updatedAt',
      settings: 'key',
    });
  }
}

export const SCHEMA_VERSION = DB_SCHEMA_VERSION;

let instance: WardwalkDb | null = null;
export function db(): WardwalkDb {
  if (!instance) instance = new WardwalkDb();
  return instance;
}
