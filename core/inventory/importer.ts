// The import, step by step as the wizard drives it: analyse a parsed workbook (sheets, header guess,
// mapping suggestion per sheet) → the person picks sheets, header rows and mapping → build candidates
// and problems → preview against existing assets (preview.ts) → commit. The CLI runs the same steps
// with the suggestions accepted.
import type { AssetCandidate, ColumnMapping, ProblemRow, RawWorkbook } from './types';
import type { HeaderGuess } from './header';
import { detectHeader, headerAt } from './header';
import type { MappingProfile, MappingSuggestion } from './mapping';
import { suggestMapping } from './mapping';
import { buildCandidates } from './rows';
import { cellText } from './values';

export interface SheetAnalysis {
  name: string;
  rowCount: number;
  columnCount: number;
  hidden: boolean;
  header: HeaderGuess;
  mapping: MappingSuggestion;
  /** First rows as text (up to 25 rows, 200 columns), for the wizard's header picker. */
  preview: string[][];
  /** True when the sheet has no data rows under its header. */
  empty: boolean;
  /** Has data and at least one identifying column (asset tag, serial, model or description) mapped. */
  importable: boolean;
}

const PREVIEW_ROWS = 25;
const PREVIEW_COLUMNS = 200;

export function analyseSheet(wb: RawWorkbook, sheetName: string, profiles: readonly MappingProfile[] = [], headerRow?: number, headerRows?: number): SheetAnalysis | undefined {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) return undefined;
  const header = headerRow === undefined ? detectHeader(sheet) : headerAt(sheet, headerRow, headerRows ?? 1);
  const mapping = suggestMapping(sheet, header, profiles);
  const preview = sheet.rows.slice(0, PREVIEW_ROWS).map((r) => r.slice(0, PREVIEW_COLUMNS).map((c) => cellText(c, wb.date1904)));
  let dataRows = 0;
  for (let r = header.dataStart; r < sheet.rows.length && dataRows === 0; r++) if (sheet.rows[r]?.some((c) => cellText(c) !== '')) dataRows++;
  return {
    name: sheet.name,
    rowCount: sheet.rows.length,
    columnCount: header.headers.length,
    hidden: sheet.hidden ?? false,
    header,
    mapping,
    preview,
    empty: dataRows === 0,
    importable: dataRows > 0 && mapping.columns.some((c) => c.field === 'assetTag' || c.field === 'serial' || c.field === 'model' || c.field === 'description'),
  };
}

export function analyseWorkbook(wb: RawWorkbook, profiles: readonly MappingProfile[] = []): SheetAnalysis[] {
  return wb.sheets.map((s) => analyseSheet(wb, s.name, profiles)!);
}

/** What the person confirmed for one sheet. */
export interface SheetSelection {
  sheet: string;
  headerRow: number;
  headerRows: number;
  columns: ColumnMapping[];
}

export interface ImportResult {
  candidates: AssetCandidate[];
  problems: ProblemRow[];
  emptyRows: number;
  /** Per sheet: the headers used (the layout an export can write back). */
  layouts: Array<{ sheet: string; columns: ColumnMapping[] }>;
}

/** Build candidates and problems from the selected sheets, with duplicate tags checked across sheets. */
export function importSheets(wb: RawWorkbook, selections: readonly SheetSelection[], onProgress?: (done: number, total: number) => void): ImportResult {
  const out: ImportResult = { candidates: [], problems: [], emptyRows: 0, layouts: [] };
  const total = selections.reduce((n, s) => n + (wb.sheets.find((x) => x.name === s.sheet)?.rows.length ?? 0), 0);
  let base = 0;
  const tags = new Map<string, AssetCandidate>();
  for (const sel of selections) {
    const sheet = wb.sheets.find((s) => s.name === sel.sheet);
    if (!sheet) {
      out.problems.push({ sheet: sel.sheet, row: 0, reason: 'no such sheet in the workbook', cells: Object.create(null) as Record<string, string> });
      continue;
    }
    const header = headerAt(sheet, sel.headerRow, sel.headerRows);
    const res = buildCandidates(sheet, sel.columns, {
      dataStart: header.dataStart,
      headers: header.headers,
      date1904: wb.date1904,
      onProgress: onProgress ? (d) => onProgress(base + d, total) : undefined,
    });
    base += sheet.rows.length;
    for (const c of res.candidates) {
      const k = c.data.assetTag?.toUpperCase();
      const first = k ? tags.get(k) : undefined;
      if (first) {
        out.problems.push({
          sheet: c.sheet,
          row: c.row,
          reason: `duplicate asset tag '${c.data.assetTag}' (first at ${first.sheet} row ${first.row})`,
          cells: Object.assign(Object.create(null) as Record<string, string>, c.data.original, c.data.extra),
        });
        continue;
      }
      if (k) tags.set(k, c);
      out.candidates.push(c);
    }
    out.problems.push(...res.problems);
    out.emptyRows += res.emptyRows;
    out.layouts.push({ sheet: sheet.name, columns: sel.columns.map((c) => ({ ...c, header: header.headers[c.index] ?? c.header })) });
  }
  out.problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : 0));
  return out;
}

/** Accept the suggestions as they are (the CLI, and the wizard's starting point). */
export function selectionFromAnalysis(a: SheetAnalysis): SheetSelection {
  return {
    sheet: a.name,
    headerRow: a.header.headerRow,
    headerRows: a.header.headerRows,
    columns: a.mapping.columns.map((c) => {
      const m: ColumnMapping = { index: c.index, header: c.header, field: c.field };
      if (c.dateOrder) m.dateOrder = c.dateOrder;
      if (c.ignore) m.ignore = true;
      return m;
    }),
  };
}
