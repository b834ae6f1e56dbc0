// Export: rows from core/inventory/export.ts (already escaped so no cell starts with =, +, -, @, tab,
// CR or NUL) written as .xlsx or .csv. Every cell is written as a text cell: serials stay digits,
// dates stay as the user typed them, and nothing is ever a formula.
import * as XLSX from 'xlsx';
import { writeFile } from 'node:fs/promises';
import { toCsv } from '../../../core/inventory/export';

export type ExportFormat = 'xlsx' | 'csv';

/** Build .xlsx bytes from text rows; the sheet name is cleaned to Excel's rules. */
export function rowsToXlsx(rows: readonly string[][], sheetName = 'Inventory'): Uint8Array {
  const ws: XLSX.WorkSheet = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((v) => ({ t: 's', v }))) as unknown as XLSX.CellObject[][]);
  if (rows[0]) ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 0, c: Math.max(0, rows[0].length - 1) } }) };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, safeSheetName(sheetName));
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** CSV bytes: UTF-8 with a BOM so Excel opens accents correctly. */
export function rowsToCsv(rows: readonly string[][], separator = ','): Uint8Array {
  const body = new TextEncoder().encode(toCsv(rows, separator));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function safeSheetName(name: string): string {
  // Excel: at most 31 characters, none of : \ / ? * [ ], not blank, not "History".
  const n = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return n && n.toLowerCase() !== 'history' ? n : 'Inventory';
}

export async function writeExport(path: string, rows: readonly string[][], format: ExportFormat, sheetName?: string): Promise<void> {
  const bytes = format === 'xlsx' ? rowsToXlsx(rows, sheetName) : rowsToCsv(rows);
  await writeFile(path, bytes);
}
