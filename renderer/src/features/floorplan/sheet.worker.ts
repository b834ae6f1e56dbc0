// Parses a spreadsheet off the UI thread (xlsx, xls, ods, csv) into rows of cell text. Bounded: a
// hostile or huge file cannot freeze the window. Only the first sheet is read.
import * as XLSX from 'xlsx';

export interface SheetRequest {
  buffer: ArrayBuffer;
}
export type SheetResponse = { ok: true; rows: string[][]; sheetName: string } | { ok: false; error: string };

const MAX_ROWS = 50_000;
const MAX_COLS = 200;

self.onmessage = (e: MessageEvent<SheetRequest>) => {
  let out: SheetResponse;
  try {
    const wb = XLSX.read(new Uint8Array(e.data.buffer), { type: 'array', cellFormula: false, cellHTML: false, sheetRows: MAX_ROWS });
    const name = wb.SheetNames[0];
    const sheet = name ? wb.Sheets[name] : undefined;
    if (!name || !sheet) out = { ok: false, error: 'The file has no sheet.' };
    else {
      const raw = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
      const rows = raw.slice(0, MAX_ROWS).map((r) => (Array.isArray(r) ? r.slice(0, MAX_COLS).map((c) => (c === null || c === undefined ? '' : String(c))) : []));
      out = { ok: true, rows, sheetName: name };
    }
  } catch (err) {
    out = { ok: false, error: `Not a readable spreadsheet (${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'}).` };
  }
  (self as unknown as Worker).postMessage(out);
};
