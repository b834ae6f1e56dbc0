// The shapes that cross the parsing edge. The Node side (electron/services/spreadsheet) reads a
// workbook with SheetJS and hands over only these plain values: the raw cell value, never the text
// Excel would display, so a 15-digit serial stored as a number never becomes "1.23457E+14".
import type { Asset } from '../model/asset';

/** A numeric cell whose number format is a date: the Excel serial day number. */
export interface ExcelDateCell {
  readonly excelDate: number;
}

/** One cell as read: text, number, boolean, an Excel date serial, or empty. */
export type RawCell = string | number | boolean | ExcelDateCell | null;

/** A rectangular range, 0-based and inclusive (SheetJS's `!merges`). */
export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface RawSheet {
  name: string;
  /** Rows from the sheet's first row (row 0 is spreadsheet row 1), each a list of cells from column A. */
  rows: RawCell[][];
  merges: CellRange[];
  hidden?: boolean;
}

export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xls' | 'csv';

export interface RawWorkbook {
  fileName: string;
  format: WorkbookFormat;
  /** Excel's 1904 date system (old Mac workbooks): serials count from 1904-01-01. */
  date1904: boolean;
  sheets: RawSheet[];
}

/** The asset fields a spreadsheet column can be mapped to. */
export const ASSET_FIELDS = [
  'assetTag',
  'serial',
  'maker',
  'model',
  'description',
  'department',
  'site',
  'building',
  'floor',
  'room',
  'mac',
  'ip',
  'hostname',
  'os',
  'firmware',
  'softwareVersion',
  'status',
  'highRisk',
  'lifeSupport',
  'installDate',
  'lastPm',
  'nextPm',
  'pmFrequency',
  'warrantyEnd',
  'retiredDate',
  'udi',
] as const;
export type AssetField = (typeof ASSET_FIELDS)[number];

/** Fields holding a date (normalised to ISO yyyy-mm-dd). */
export const DATE_FIELDS: ReadonlySet<AssetField> = new Set<AssetField>([
  'installDate',
  'lastPm',
  'nextPm',
  'warrantyEnd',
  'retiredDate',
]);

/** Fields that may take several columns (MAC 1, MAC 2…). */
export const MULTI_FIELDS: ReadonlySet<AssetField> = new Set<AssetField>(['mac', 'ip']);

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** What one column of a sheet becomes. `field: null` keeps it as an extra field under its header. */
export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  index: number;
  /** The header text as shown (joined with " / " for two-row headers). */
  header: string;
  field: AssetField | null;
  /** For date fields: how to read ambiguous text dates like 03/04/2010. */
  dateOrder?: DateOrder;
  /** Skip the column entirely (e.g. columns a Wardwalk export added). */
  ignore?: boolean;
}

/** The asset record fields a candidate carries (everything but identity and bookkeeping). */
export type AssetData = Omit<Asset, 'id' | 'version' | 'updatedAt' | 'deleted' | 'deviceId' | 'importId' | 'roomId'>;

export interface AssetCandidate {
  sheet: string;
  /** Spreadsheet row number as the user sees it (1-based). */
  row: number;
  data: AssetData;
  /** Cells that were kept but could not be normalised ("MAC '00:11' is not a MAC address"). */
  warnings: string[];
}

export interface ProblemRow {
  sheet: string;
  /** Spreadsheet row number (1-based). */
  row: number;
  reason: string;
  /** The row's non-empty cells as text by header, so the user sees what was not imported. */
  cells: Record<string, string>;
}
