// A survey bundle: one surveyor's work (rooms and the places they hang on, placements, confirmations,
// identification overrides, imports, surveys, assets, audit log) as one versioned, checksummed file
// that another laptop merges record by record (core/bundle/merge.ts).
//
// Every record travels with its lineage: `known`, the content hashes of states of that record the
// sender has had (its current state last). A receiver can then tell "theirs is newer and I did not
// touch mine" (my current hash is in their lineage) from "we both changed it" (neither lineage holds
// the other's current state) — versions alone cannot (v3→v4 here and v3→v5 there look like "theirs
// is newer"). Reading a bundle never trusts it: damaged, foreign or newer-format files are refused.
import { sha256 } from '../model/sha256';
import { TABLE_KEYS } from '../model/tables';

export const BUNDLE_FORMAT = 'wardwalk-survey-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
/** Refuse anything larger before parsing. */
export const BUNDLE_MAX_CHARS = 1_000_000_000;
/** Lineage kept per record: older ancestors fall off (that can only cause a conflict, never an overwrite). */
export const MAX_KNOWN = 16;

/** The tables a bundle carries, in the order they are merged (places before what hangs on them). */
export const BUNDLE_TABLES = [
  'sites',
  'buildings',
  'floors',
  'rooms',
  'assets',
  'placements',
  'confirmations',
  'overrides',
  'surveys',
  'imports',
  'auditLog',
] as const;
export type BundleTable = (typeof BUNDLE_TABLES)[number];

export interface BundleEntry {
  /** The record's own version (absent for append-only records such as confirmations and audit entries). */
  version?: number;
  /** Content hashes (recordHash) of states of this record the sender has had, current state last. */
  known: string[];
  record: Record<string, unknown>;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  /** Dexie schema version the records were read from. */
  schemaVersion: number;
  appVersion: string;
  /** Surveyor's name as entered in Wardwalk. */
  author: string;
  /** Stable id of the exporting installation. */
  laptopId: string;
  createdAt: number;
  counts: Record<string, number>;
  /** "sha256:<hex>" of JSON.stringify(tables). */
  checksum: string;
  tables: Partial<Record<BundleTable, BundleEntry[]>>;
}

export type BundleReadResult = { ok: true; bundle: Bundle; dropped: string[] } | { ok: false; reason: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON with object keys sorted, so the same record hashes the same wherever it was stored. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',') + ']';
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',') + '}';
}

/** A record's content hash (128 bits of SHA-256 over its canonical JSON). */
export function recordHash(record: unknown): string {
  return sha256(canonicalJson(record)).slice(0, 32);
}

export function checksumBundleTables(tables: Bundle['tables']): string {
  return 'sha256:' + sha256(JSON.stringify(tables));
}

/** Records of local bookkeeping that stay on this laptop (see merge.ts: why merges would never settle). */
export function isLocalOnly(table: string, record: Record<string, unknown>): boolean {
  if (table === 'imports') return record.kind === 'bundle';
  if (table === 'auditLog') return record.action === 'bundle:import';
  return false;
}

export function makeBundle(
  tables: Partial<Record<BundleTable, BundleEntry[]>>,
  meta: { schemaVersion: number; appVersion: string; author: string; laptopId: string; createdAt: number },
): Bundle {
  const counts: Record<string, number> = {};
  for (const [k, v] of Object.entries(tables)) counts[k] = v.length;
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    schemaVersion: meta.schemaVersion,
    appVersion: meta.appVersion,
    author: meta.author.slice(0, 200),
    laptopId: meta.laptopId.slice(0, 200),
    createdAt: meta.createdAt,
    counts,
    checksum: checksumBundleTables(tables),
    tables,
  };
}

export function serializeBundle(b: Bundle): string {
  return JSON.stringify(b);
}

const HASH = /^[0-9a-f]{32}$/;

/** Parse and verify a bundle. Nothing in it is trusted until every check has passed. */
export function readBundle(text: string, maxSchemaVersion: number): BundleReadResult {
  if (text.length > BUNDLE_MAX_CHARS) return { ok: false, reason: 'The file is too large to be a Wardwalk survey bundle.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not a Wardwalk survey bundle: it is not valid JSON (damaged, cut short, or a different kind of file).' };
  }
  if (!isObj(raw) || raw.format !== BUNDLE_FORMAT) {
    if (isObj(raw) && raw.format === 'wardwalk-db') {
      return { ok: false, reason: 'This is a whole-database backup, not a survey bundle: restore it from Data & backups instead.' };
    }
    return { ok: false, reason: 'The file is not a Wardwalk survey bundle (its format marker is missing).' };
  }
  if (typeof raw.formatVersion !== 'number' || !Number.isInteger(raw.formatVersion) || raw.formatVersion < 1) {
    return { ok: false, reason: 'The survey bundle is damaged: its format version is missing.' };
  }
  if (raw.formatVersion > BUNDLE_FORMAT_VERSION) {
    return { ok: false, reason: 'The survey bundle was written by a newer Wardwalk. Update Wardwalk on this computer, then import it.' };
  }
  if (typeof raw.schemaVersion !== 'number' || raw.schemaVersion > maxSchemaVersion) {
    return { ok: false, reason: 'The survey bundle holds a newer database schema. Update Wardwalk on this computer, then import it.' };
  }
  if (!isObj(raw.tables)) return { ok: false, reason: 'The survey bundle is damaged: it has no tables.' };
  const tables = raw.tables;
  for (const v of Object.values(tables)) {
    if (!Array.isArray(v)) return { ok: false, reason: 'The survey bundle is damaged: a table is not a list of records.' };
  }
  if (typeof raw.checksum !== 'string' || raw.checksum !== checksumBundleTables(tables as Bundle['tables'])) {
    return { ok: false, reason: 'The survey bundle is damaged: its checksum does not match its contents. Ask for it to be exported again.' };
  }
  const dropped: string[] = [];
  const kept: Partial<Record<BundleTable, BundleEntry[]>> = {};
  for (const [name, entries] of Object.entries(tables) as [string, unknown[]][]) {
    if (!(BUNDLE_TABLES as readonly string[]).includes(name)) {
      dropped.push(`table "${name}" (${entries.length} records): not part of a survey bundle in this version`);
      continue;
    }
    const key = TABLE_KEYS[name] ?? 'id';
    const out: BundleEntry[] = [];
    for (const e of entries) {
      if (!isObj(e) || !isObj(e.record) || typeof e.record[key] !== 'string' || e.record[key] === '') {
        return { ok: false, reason: `The survey bundle is damaged: a record in "${name}" has no ${key}.` };
      }
      const known = Array.isArray(e.known) ? e.known.filter((h): h is string => typeof h === 'string' && HASH.test(h)).slice(-MAX_KNOWN) : [];
      const entry: BundleEntry = { known, record: e.record };
      if (typeof e.version === 'number') entry.version = e.version;
      out.push(entry);
    }
    kept[name as BundleTable] = out;
  }
  return {
    ok: true,
    dropped,
    bundle: {
      format: BUNDLE_FORMAT,
      formatVersion: raw.formatVersion,
      schemaVersion: raw.schemaVersion,
      appVersion: typeof raw.appVersion === 'string' ? raw.appVersion.slice(0, 50) : 'unknown',
      author: typeof raw.author === 'string' ? raw.author.slice(0, 200) : 'unknown',
      laptopId: typeof raw.laptopId === 'string' ? raw.laptopId.slice(0, 200) : 'unknown',
      createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
      counts: isObj(raw.counts) ? (raw.counts as Record<string, number>) : {},
      checksum: raw.checksum,
      tables: kept,
    },
  };
}
