// The database's tables and their primary keys, shared by the renderer's dexie schema and by every
// reader of snapshots (backups, restore). Later schema versions add tables here; never remove one.
export const DB_NAME = 'wardwalk';

/** Current dexie schema version (renderer/src/db/schema.ts keeps every version). */
export const DB_SCHEMA_VERSION = 5;

/** table → primary key, for every table in the current schema. */
export const TABLE_KEYS: Record<string, string> = {
  sites: 'id',
  buildings: 'id',
  floors: 'id',
  rooms: 'id',
  assets: 'id',
  observations: 'id',
  placements: 'id',
  confirmations: 'id',
  imports: 'id',
  auditLog: 'id',
  // version 2
  devices: 'id',
  overrides: 'id',
  mappingProfiles: 'id',
  settings: 'key',
  // version 3
  surveys: 'id',
  // version 4
  syncState: 'id',
  bundleConflicts: 'id',
  // version 5
  advisories: 'trackingId',
  mds2: 'id',
};
