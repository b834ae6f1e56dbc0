// Loaded data (a backup, an export, a bundle) goes through restoreRows(): it fills defaults that
// older versions did not write and reports every record it had to drop, and why. Nothing is
// dropped silently.
import { TABLE_KEYS } from './tables';

export interface RestoreReport {
  table: string;
  kept: number;
  dropped: { index: number; reason: string }[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Copy only own enumerable keys into a fresh object (no __proto__ games). */
export function plainCopy(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = v[k];
  }
  return out;
}

const VERSIONED = new Set(['sites', 'buildings', 'floors', 'rooms', 'assets', 'placements', 'surveys']);

export function restoreRows(table: string, rows: unknown[], now: number): { rows: Record<string, unknown>[]; report: RestoreReport } {
  const key = TABLE_KEYS[table];
  const report: RestoreReport = { table, kept: 0, dropped: [] };
  const out: Record<string, unknown>[] = [];
  rows.forEach((raw, index) => {
    if (!isObj(raw)) return report.dropped.push({ index, reason: 'not a record' });
    const row = plainCopy(raw);
    if (key && (row[key] === undefined || row[key] === null || row[key] === '')) {
      return report.dropped.push({ index, reason: `no ${key}` });
    }
    if (VERSIONED.has(table)) {
      if (typeof row.version !== 'number') row.version = 1;
      if (table !== 'assets' && typeof row.createdAt !== 'number') row.createdAt = now;
      if (typeof row.updatedAt !== 'number') row.updatedAt = typeof row.createdAt === 'number' ? row.createdAt : now;
    }
    if (table === 'assets') {
      if (!Array.isArray(row.macs)) row.macs = [];
      if (!Array.isArray(row.ips)) row.ips = [];
      if (!isObj(row.extra)) row.extra = {};
      if (!isObj(row.original)) row.original = {};
    }
    if (table === 'devices') {
      if (!Array.isArray(row.ips)) row.ips = [];
      if (!Array.isArray(row.hostnames)) row.hostnames = [];
      if (!Array.isArray(row.evidence)) row.evidence = [];
    }
    out.push(row);
    report.kept++;
  });
  return { rows: out, report };
}
