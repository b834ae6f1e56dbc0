// Export a sheet set as an .xlsx workbook (for sites that keep the audit in a spreadsheet). The rows
// and the formula-injection escaping come from core/sheets/export-rows.
import * as XLSX from 'xlsx';
import type { SheetSet } from '../../../../core/sheets/model';
import { download, XLSX_TYPE } from '../../lib/download';
import { sheetSetRows } from '../../../../core/sheets/export-rows';

export function sheetWorkbook(set: SheetSet): Uint8Array {
  const rows = sheetSetRows(set);
  const wb = XLSX.utils.book_new();
  const sheets = XLSX.utils.aoa_to_sheet(rows.sheets);
  sheets['!cols'] = [14, 14, 14, 8, 14, 14, 14, 18, 16, 14, 16, 8, 8, 12, 14, 8, 8, 8, 30].map((wch) => ({ wch }));
  sheets['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.sheets.length - 1), c: rows.sheets[0]!.length - 1 } }) };
  const rooms = XLSX.utils.aoa_to_sheet(rows.rooms);
  rooms['!cols'] = [14, 14, 14, 8, 14, 14, 10, 10, 12, 8, 12, 14].map((wch) => ({ wch }));
  XLSX.utils.book_append_sheet(wb, sheets, 'Sheets');
  XLSX.utils.book_append_sheet(wb, rooms, 'Rooms');
  wb.Props = { Title: set.title.slice(0, 200), Author: 'Wardwalk' };
  return XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as Uint8Array;
}

export function downloadWorkbook(set: SheetSet): string {
  const data = sheetWorkbook(set);
  const name = `${set.title.replace(/[^\w .,-]+/g, ' ').replace(/\s+/g, ' ').trim() || 'sheets'} ${set.date}.xlsx`;
  download(data as BlobPart, name, XLSX_TYPE);
  return name;
}
