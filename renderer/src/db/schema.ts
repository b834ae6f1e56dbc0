// The dexie database. Every schema version ever shipped stays here (Dexie's advice): a user's
// database upgrades step by step from whatever version it holds.
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Asset } from '../../../core/model/asset';
import type { AuditEntry, Building, Confirmation, Floor, ImportRecord, Placement, Room, Site } from '../../../core/model/location';
import type { Device } from '../../../core/model/device';
import type { DeviceIdentityOverrides } from '../../../core/model/identity-override';
import type { Survey } from '../../../core/model/survey';
import type { BundleConflict } from '../../../core/bundle/merge';
import type { Advisory } from '../../../core/advisories/csaf';
import type { Mds2Facts } from '../../../core/risk/mds2';
import { DB_NAME, DB_SCHEMA_VERSION } from '../../../core/model/tables';

export interface StoredObservation {
  id: string;
  deviceId: string;
  kind: string;
  value: string;
  source: string;
  ts: number;
}

/** A person's identification corrections for one device (id = deviceId); see core/model/identity-override. */
export interface OverrideRecord extends DeviceIdentityOverrides {
  id: string;
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

/** A record's lineage for survey-bundle merges (id = "<table>:<record id>"); see core/bundle/merge. */
export interface SyncStateRecord {
  id: string;
  known: string[];
}

/** A merge conflict found while importing a survey bundle, open until a person settles it. */
export interface BundleConflictRecord {
  id: string;
  /** superseded: a newer bundle brought a newer disagreement about the same record(s). */
  status: 'open' | 'settled' | 'superseded';
  detectedAt: number;
  conflict: BundleConflict;
  from: { author: string; laptopId: string; createdAt: number };
  settled?: { choice: 'mine' | 'theirs'; by: string; at: number };
}

/** An imported CSAF advisory (core/advisories/csaf) and when it was stored. */
export interface AdvisoryRecord extends Advisory {
  importedAt: number;
  /** The file it came from, as the person chose it. */
  fileName?: string;
}

/** MDS2 facts for one device model (id = "mds2:<maker>|<model>", lower-case): one form per model. */
export interface Mds2Record extends Mds2Facts {
  id: string;
  importedAt: number;
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
  surveys!: Table<Survey, string>;
  syncState!: Table<SyncStateRecord, string>;
  bundleConflicts!: Table<BundleConflictRecord, string>;
  advisories!: Table<AdvisoryRecord, string>;
  mds2!: Table<Mds2Record, string>;

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
    // Version 3: survey rounds (floor plans and the ward walk, issue 6).
    this.version(3).stores({
      surveys: 'id, startedAt, finishedAt',
    });
    // Version 4 (issue 10): inventory sort indexes on assets (large sites), survey-bundle lineage per
    // record and the conflicts waiting for a person to settle them.
    this.version(4).stores({
      assets: 'id, assetTag, serial, maker, department, roomId, deviceId, *macs, model, type, room, status, updatedAt',
      syncState: 'id',
      bundleConflicts: 'id, status, detectedAt',
    });
    // Version 5 (issue 9): imported CSAF advisories (one record per tracking id: a newer revision
    // replaces the older) and MDS2 facts per device model.
    this.version(5).stores({
      advisories: 'trackingId, version',
      mds2: 'id, maker, model',
    });
  }
}

export const SCHEMA_VERSION = DB_SCHEMA_VERSION;

let instance: WardwalkDb | null = null;
export function db(): WardwalkDb {
  if (!instance) instance = new WardwalkDb();
  return instance;
}
