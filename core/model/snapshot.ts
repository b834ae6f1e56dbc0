// A snapshot is the whole database as one versioned, checksummed JSON document: the format of
// automatic backups and of "export everything". Reading one never trusts it: a damaged or foreign
// file is refused with a clear message, and unknown tables are reported, not silently merged.
import { sha256 } from './sha256';

export const SNAPSHOT_FORMAT = 'wardwalk-db';
export const SNAPSHOT_FORMAT_VERSION = 1;
/** Refuse anything larger before parsing (a whole hospital fits well under this). */
export const SNAPSHOT_MAX_CHARS = 1_500_000_000;

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  formatVersion: number;
  /** Dexie schema version the tables were read from. */
  schemaVersion: number;
  appVersion: string;
  createdAt: number;
  counts: Record<string, number>;
  /** "sha256:<hex>" of JSON.stringify(tables). */
  checksum: string;
  tables: Record<string, unknown[]>;
}

export type SnapshotReadResult =
  | { ok: true; snapshot: Snapshot; dropped: string[] }
  | { ok: false; reason: string };

export function checksumTables(tables: Record<string, unknown[]>): string {
  return 'sha256:' + sha256(JSON.stringify(tables));
}

export function makeSnapshot(
  tables: Record<string, unknown[]>,
  meta: { schemaVersion: number; appVersion: string; createdAt: number },
): Snapshot {
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(tables)) counts[k] = v.length;
  return {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    schemaVersion: meta.schemaVersion,
    appVersion: meta.appVersion,
    createdAt: meta.createdAt,
    counts,
    checksum: checksumTables(tables),
    tables,
  };
}

export function serializeSnapshot(s: Snapshot): string {
  return JSON.stringify(s);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parse and verify a snapshot. `knownTables` maps table name → primary key field; rows of unknown
 * tables are dropped (and listed), rows without their key refuse the whole file.
 */
export function readSnapshot(
  text: string,
  knownTables: Record<string, string>,
  maxSchemaVersion: number,
): SnapshotReadResult {
  if (text.length > SNAPSHOT_MAX_CHARS) return { ok: false, reason: 'The file is too large to be a Wardwalk backup.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not a Wardwalk backup: it is not valid JSON (damaged or a different kind of file).' };
  }
  if (!isPlainObject(raw) || raw.format !== SNAPSHOT_FORMAT) {
    return { ok: false, reason: 'The file is not a Wardwalk backup (its format marker is missing).' };
  }
  if (typeof raw.formatVersion !== 'number' || raw.formatVersion > SNAPSHOT_FORMAT_VERSION) {
    return { ok: false, reason: 'The backup was written by a newer Wardwalk. Update Wardwalk, then restore it.' };
  }
  if (typeof raw.schemaVersion !== 'number' || raw.schemaVersion > maxSchemaVersion) {
    return { ok: false, reason: 'The backup holds a newer database schema. Update Wardwalk, then restore it.' };
  }
  if (!isPlainObject(raw.tables)) return { ok: false, reason: 'The backup is damaged: it has no tables.' };
  const tables = raw.tables as Record<string, unknown>;
  for (const v of Object.values(tables)) {
    if (!Array.isArray(v)) return { ok: false, reason: 'The backup is damaged: a table is not a list of records.' };
  }
  if (typeof raw.checksum !== 'string' || raw.checksum !== checksumTables(tables as Record<string, unknown[]>)) {
    return { ok: false, reason: 'The backup is damaged: its checksum does not match its contents. Try an older backup.' };
  }
  const dropped: string[] = [];
  const kept: Record<string, unknown[]> = Object.create(null) as Record<string, unknown[]>;
  for (const [name, rows] of Object.entries(tables)) {
    const key = Object.prototype.hasOwnProperty.call(knownTables, name) ? knownTables[name] : undefined;
    if (key === undefined) {
      dropped.push(`table "${name}" (${(rows as unknown[]).length} records): not known to this version`);
      continue;
    }
    for (const row of rows as unknown[]) {
      if (!isPlainObject(row) || row[key] === undefined || row[key] === null) {
        return { ok: false, reason: `The backup is damaged: a record in "${name}" has no ${key}.` };
      }
    }
    kept[name] = rows as unknown[];
  }
  return {
    ok: true,
    dropped,
    snapshot: {
      format: SNAPSHOT_FORMAT,
      formatVersion: raw.formatVersion,
      schemaVersion: raw.schemaVersion,
      appVersion: typeof raw.appVersion === 'string' ? raw.appVersion : 'unknown',
      createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
      counts: isPlainObject(raw.counts) ? (raw.counts as Record<string, number>) : {},
      checksum: raw.checksum,
      tables: kept,
    },
  };
}
