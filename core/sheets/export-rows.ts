// A sheet set as spreadsheet rows (the renderer writes them with the xlsx package). One "Sheets" table
// with a row per expected asset, filterable by room, and one "Rooms" table with each room's totals.
// Every text cell is escaped against formula injection (OWASP ASVS 1.2.10, CWE-1236): a cell starting
// with = + - @ tab CR (or NUL / LF) gets a leading apostrophe. Tags, hostnames and notes can come from
// a spreadsheet someone else made or off the wire, so nothing is trusted.
import type { SheetSet } from './model';

export type Cell = string | number;

export { escapeFormula as escapeCell } from '../model/cells';
import { escapeFormula as escapeCell } from '../model/cells';

export const SHEET_COLUMNS = [
  'Site', 'Building', 'Floor', 'Room', 'Room name', 'Department', 'Asset tag', 'Type', 'Maker', 'Model', 'Serial',
  'High risk', 'Life support', 'Last confirmed', 'Confirmed by', 'Present', 'Moved', 'Missing', 'Notes',
] as const;

export const ROOM_COLUMNS = ['Site', 'Building', 'Floor', 'Room', 'Room name', 'Department', 'Expected assets', 'High risk', 'Never confirmed', 'Pages', 'Date', 'Surveyor'] as const;

export interface SheetWorkbookRows {
  sheets: Cell[][];
  rooms: Cell[][];
}

export function sheetSetRows(set: SheetSet): SheetWorkbookRows {
  const t = (s: string) => escapeCell(s);
  const sheets: Cell[][] = [[...SHEET_COLUMNS]];
  const rooms: Cell[][] = [[...ROOM_COLUMNS]];
  for (const sec of set.sections) {
    const h = sec.header;
    const place = [t(h.site), t(h.building), t(h.floor), t(h.roomNumber), t(h.roomName), t(h.department)];
    for (const r of sec.rows) {
      sheets.push([
        ...place,
        t(r.tag === '—' ? '' : r.tag),
        t(r.type),
        t(r.maker),
        t(r.model),
        t(r.serial),
        r.highRisk ? 'yes' : '',
        r.lifeSupport ? 'yes' : '',
        r.last ? t(r.last.date) : '',
        r.last ? t(r.last.by) : '',
        '',
        '',
        '',
        '',
      ]);
    }
    rooms.push([...place, sec.totals.expected, sec.totals.highRisk, sec.totals.neverConfirmed, sec.pages.length, t(h.date), t(h.surveyor)]);
  }
  return { sheets, rooms };
}
