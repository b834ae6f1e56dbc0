// Export the whole database to one snapshot and restore it. A restore happens in one transaction:
// if anything fails, the database is exactly as it was.
import { makeSnapshot, readSnapshot, serializeSnapshot } from '../../../core/model/snapshot';
import { restoreRows } from '../../../core/model/restore';
import type { RestoreReport } from '../../../core/model/restore';
import { TABLE_KEYS } from '../../../core/model/tables';
import type { WardwalkDb } from './schema';
import { SCHEMA_VERSION } from './schema';

export const APP_VERSION = '0.1.0';

export async function exportSnapshot(db: WardwalkDb, now = Date.now()): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const t of db.tables) tables[t.name] = await t.toArray();
  });
  return serializeSnapshot(makeSnapshot(tables, { schemaVersion: SCHEMA_VERSION, appVersion: APP_VERSION, createdAt: now }));
}

export type RestoreOutcome =
  | { ok: true; reports: RestoreReport[]; droppedTables: string[]; counts: Record<string, number> }
  | { ok: false; reason: string };

const CHUNK = 5000;

/** Replace the database with the snapshot's contents. Refused snapshots leave the data untouched. */
export async function restoreSnapshot(db: WardwalkDb, text: string, now = Date.now()): Promise<RestoreOutcome> {
  const read = readSnapshot(text, TABLE_KEYS, SCHEMA_VERSION);
  if (!read.ok) return read;
  const reports: RestoreReport[] = [];
  const prepared: [string, Record<string, unknown>[]][] = [];
  for (const [name, rows] of Object.entries(read.snapshot.tables)) {
    const r = restoreRows(name, rows, now);
    reports.push(r.report);
    prepared.push([name, r.rows]);
  }
  const counts: Record<string, number> = {};
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const t of db.tables) await t.clear();
      for (const [name, rows] of prepared) {
        const table = db.table(name);
        for (let i = 0; i < rows.length; i += CHUNK) await table.bulkPut(rows.slice(i, i + CHUNK));
        counts[name] = rows.length;
      }
    });
  } catch (e) {
    return { ok: false, reason: `The restore failed and nothing was changed: ${describeDbError(e)}` };
  }
  return { ok: true, reports, droppedTables: read.dropped, counts };
}

export function describeDbError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return 'the disk is full (storage quota exceeded). Free disk space and try again; your data is unchanged.';
  }
  return e instanceof Error ? e.message : String(e);
}
