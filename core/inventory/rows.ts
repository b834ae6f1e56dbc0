// Rows → asset candidates + problem rows. Nothing is dropped silently: mapped cells keep their
// original text (asset.original), unmapped columns become extra fields, and every row that cannot be
// used is listed with its sheet, row number and reason.
import type { AssetStatus } from '../model/asset';
import type { Mac } from '../model/ids';
import type { AssetCandidate, AssetData, AssetField, ColumnMapping, DateOrder, ProblemRow, RawCell, RawSheet } from './types';
import { DATE_FIELDS } from './types';
import { cellDate, cellText, parseIpList, parseMacList, parseYesNo } from './values';
import { fold, isPlaceholder } from './text';
import { canonicalMaker } from './makers';
import { columnLetter } from './header';

const TOTAL_ROW = /^(sub)?totale?s?\b|^suma\b|^summe\b|^gesamt|^jumlah\b|^total\s*:/;

export interface BuildOptions {
  /** 0-based index of the first data row. */
  dataStart: number;
  headers: string[];
  date1904?: boolean;
  /** Report progress every so many rows (for big sheets in a worker). */
  onProgress?: (done: number, total: number) => void;
}

export interface SheetImport {
  sheet: string;
  candidates: AssetCandidate[];
  problems: ProblemRow[];
  /** Empty rows passed over (not problems). */
  emptyRows: number;
}

const STATUS_WORDS: Array<[AssetStatus, string[]]> = [
  ['retired', ['retired', 'disposed', 'scrapped', 'decommissioned', 'baja', 'dado de baja', 'de baja', 'desechado', 'reforme', 'ausgemustert', 'verschrottet', 'ausgesondert', 'dihapus']],
  ['out-of-service', ['out of service', 'broken', 'faulty', 'inoperative', 'not working', 'down', 'fuera de servicio', 'averiado', 'danado', 'no operativo', 'inoperativo', 'en reparacion', 'hors service', 'en panne', 'ausser betrieb', 'defekt', 'rusak berat', 'rusak']],
  ['in-store', ['in store', 'in storage', 'stored', 'spare', 'almacen', 'en almacen', 'bodega', 'en bodega', 'reserva', 'en stock', 'stock', 'reserve', 'lager', 'im lager', 'gudang']],
  ['in-service', ['in service', 'active', 'operational', 'working', 'in use', 'ok', 'good', 'en servicio', 'operativo', 'activo', 'funcionando', 'bueno', 'en uso', 'en service', 'actif', 'fonctionnel', 'in betrieb', 'aktiv', 'baik', 'rusak ringan', 'berfungsi']],
];
const STATUS = new Map<string, AssetStatus>();
for (const [s, words] of STATUS_WORDS) for (const w of words) STATUS.set(w, s);

/** Status text in several languages → a status (undefined when not recognised; the text is kept). */
export function parseStatus(text: string): AssetStatus | undefined {
  const t = fold(text).replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return STATUS.get(t);
}

function parseRisk(text: string): boolean | undefined {
  const yn = parseYesNo(text);
  if (yn !== undefined) return yn;
  const t = fold(text).trim();
  if (/^(medio|media|medium|moyen|mittel|moderate|moderado|bajo|low)$/.test(t)) return false;
  if (/^(alto|alta|high|eleve|hoch|critical|critico|critica|vital)$/.test(t)) return true;
  if (/\b(iii|3|iib|c|d)$/.test(t) && /(clase|class|classe|klasse)/.test(t)) return true;
  if (/\b(i|1|iia|ii|2|a|b)$/.test(t) && /(clase|class|classe|klasse)/.test(t)) return false;
  return undefined;
}

/** Key under which a mapped column's original text is kept: "mac", then "mac#2" for a second MAC column. */
export function originalKey(field: AssetField, nth: number): string {
  return nth <= 1 ? field : `${field}#${nth}`;
}

function newData(): AssetData {
  return { macs: [], ips: [], extra: Object.create(null) as Record<string, string>, original: Object.create(null) as Record<string, string> };
}

interface Ctx {
  warnings: string[];
  notes: string[];
  date1904: boolean;
}

/** Apply one mapped cell to the data. Exported for the export side's "is the original still right?" check. */
export function applyField(data: AssetData, field: AssetField, cell: RawCell, text: string, dateOrder: DateOrder | undefined, ctx: Ctx): void {
  if (DATE_FIELDS.has(field)) {
    const iso = cellDate(cell, dateOrder ?? 'dmy', ctx.date1904);
    if (iso) (data as unknown as Record<string, string>)[field] = iso;
    else ctx.warnings.push(`${field}: '${text}' is not a date; kept as typed`);
    return;
  }
  switch (field) {
    case 'mac': {
      const { macs, bad } = parseMacList(text);
      for (const m of macs) if (!data.macs.includes(m)) data.macs.push(m as Mac);
      if (bad.length) ctx.warnings.push(`mac: '${bad.join(' ')}' is not a MAC address; kept as typed`);
      return;
    }
    case 'ip': {
      const { ips, bad } = parseIpList(text);
      for (const ip of ips) if (!data.ips.includes(ip)) data.ips.push(ip);
      if (bad.length) ctx.warnings.push(`ip: '${bad.join(' ')}' is not an IP address; kept as typed`);
      return;
    }
    case 'maker': {
      const m = canonicalMaker(text);
      data.maker = m.canonical;
      data.makerOriginal = text;
      if (m.reason) ctx.notes.push(m.reason);
      return;
    }
    case 'status': {
      const s = parseStatus(text);
      if (s) data.status = s;
      else {
        data.status = 'unknown';
        ctx.notes.push(`status: '${text}' not recognised; kept as typed`);
      }
      return;
    }
    case 'highRisk':
    case 'lifeSupport': {
      const b = parseRisk(text);
      if (b !== undefined) data[field] = b;
      else ctx.warnings.push(`${field}: '${text}' is not yes/no; kept as typed`);
      return;
    }
    case 'serial':
    case 'assetTag':
    case 'udi':
      // Excel keeps 15 significant digits: a longer code typed as a number was already rounded in the file.
      if (typeof cell === 'number' && Math.abs(cell) > 999_999_999_999_999)
        ctx.warnings.push(`${field}: '${text}' was stored as a number with more than 15 digits; Excel may have rounded it, check the original`);
      if (typeof cell === 'string' && /^\d+(\.\d+)?e\+\d+$/i.test(text))
        ctx.warnings.push(`${field}: '${text}' is a number in scientific notation; the file lost its digits, check the original`);
      (data as unknown as Record<string, string>)[field] = text;
      return;
    default:
      (data as unknown as Record<string, string>)[field] = text;
  }
}

function rowCells(row: RawCell[] | undefined, headers: string[], date1904: boolean): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  if (!row) return out;
  for (let c = 0; c < row.length; c++) {
    const t = cellText(row[c] ?? null, date1904);
    if (t) out[headers[c] ?? `Column ${columnLetter(c)}`] = t;
  }
  return out;
}

/** Turn a sheet's data rows into candidates and problems with a confirmed column mapping. */
export function buildCandidates(sheet: RawSheet, mapping: readonly ColumnMapping[], opts: BuildOptions): SheetImport {
  const date1904 = opts.date1904 ?? false;
  const headers = opts.headers.slice();
  const candidates: AssetCandidate[] = [];
  const problems: ProblemRow[] = [];
  let emptyRows = 0;
  const byIndex = new Map<number, ColumnMapping>();
  for (const m of mapping) byIndex.set(m.index, m);
  // nth column of each field, for original keys.
  const nth = new Map<number, number>();
  const count = new Map<AssetField, number>();
  for (const m of [...mapping].sort((a, b) => a.index - b.index)) {
    if (!m.field || m.ignore) continue;
    const k = (count.get(m.field) ?? 0) + 1;
    count.set(m.field, k);
    nth.set(m.index, k);
  }
  const headerKeys = headers.map((h) => h.trim().toLowerCase());
  const tagRows = new Map<string, number>();
  const serialRows = new Map<string, number>();
  const total = sheet.rows.length - opts.dataStart;

  for (let r = opts.dataStart; r < sheet.rows.length; r++) {
    if (opts.onProgress && (r - opts.dataStart) % 5000 === 0) opts.onProgress(r - opts.dataStart, total);
    const row = sheet.rows[r];
    const rowNo = r + 1;
    if (!row || row.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) {
      emptyRows++;
      continue;
    }
    // Columns beyond the header row still count: give them a name and keep them.
    for (let c = headers.length; c < row.length; c++) if (row[c] !== null && row[c] !== undefined) headers[c] = `Column ${columnLetter(c)}`;

    // A header repeated further down (a sheet printed page by page) is not an asset.
    let same = 0;
    let filled = 0;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c] ?? null);
      if (!t) continue;
      filled++;
      if (t.length === headerKeys[c]?.length && t.toLowerCase() === headerKeys[c]) same++;
    }
    if (filled >= 2 && same / filled >= 0.6) {
      problems.push({ sheet: sheet.name, row: rowNo, reason: 'repeats the header row', cells: rowCells(row, headers, date1904) });
      continue;
    }

    // A total or a note on its own line ("TOTAL EQUIPOS: 10", "ver hoja Bajas") is not an asset.
    if (filled === 1) {
      const only = row.map((c) => cellText(c ?? null)).find((t) => t !== '') ?? '';
      if (TOTAL_ROW.test(fold(only)) || (/\s/.test(only) && only.length > 25)) {
        problems.push({ sheet: sheet.name, row: rowNo, reason: 'a total or a note on its own, not an asset', cells: rowCells(row, headers, date1904) });
        continue;
      }
    }

    const data = newData();
    const ctx: Ctx = { warnings: [], notes: [], date1904 };
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] ?? null;
      const text = cellText(cell, date1904);
      if (!text) continue;
      const m = byIndex.get(c);
      if (m?.ignore) continue;
      if (!m || !m.field) {
        data.extra[headers[c] ?? `Column ${columnLetter(c)}`] = text;
        continue;
      }
      data.original[originalKey(m.field, nth.get(c) ?? 1)] = text;
      if (isPlaceholder(text)) continue;
      applyField(data, m.field, cell, text, m.dateOrder, ctx);
    }

    if (!data.assetTag && !data.serial && !data.model && !data.description) {
      problems.push({
        sheet: sheet.name,
        row: rowNo,
        reason: 'no asset tag, serial, model or description',
        cells: rowCells(row, headers, date1904),
      });
      continue;
    }
    if (data.assetTag) {
      const k = data.assetTag.toUpperCase();
      const first = tagRows.get(k);
      if (first !== undefined) {
        problems.push({ sheet: sheet.name, row: rowNo, reason: `duplicate asset tag '${data.assetTag}' (first at row ${first})`, cells: rowCells(row, headers, date1904) });
        continue;
      }
      tagRows.set(k, rowNo);
    } else if (data.serial) {
      const k = `${data.maker ?? ''}|${data.serial.toUpperCase()}`;
      const first = serialRows.get(k);
      if (first !== undefined) {
        problems.push({ sheet: sheet.name, row: rowNo, reason: `no asset tag and duplicate serial '${data.serial}' (first at row ${first})`, cells: rowCells(row, headers, date1904) });
        continue;
      }
      serialRows.set(k, rowNo);
    } else {
      ctx.warnings.push('no asset tag or serial: a later re-import can only match it by its other fields');
    }
    candidates.push({ sheet: sheet.name, row: rowNo, data, warnings: [...ctx.warnings, ...ctx.notes.map((n) => `note: ${n}`)] });
  }
  opts.onProgress?.(total, total);
  return { sheet: sheet.name, candidates, problems, emptyRows };
}
