// The parsing edge: bytes of an .xlsx / .xlsm / .xls / .csv → a RawWorkbook of plain values. SheetJS
// (the fixed 0.20.3 build, see shared guide stack.md) does the format work; only known cell fields
// are copied out into fresh arrays, and sheets are looked up by own property only, so a workbook with
// sheets or headers named __proto__ / constructor / prototype cannot reach any prototype.
import * as XLSX from 'xlsx';
import type { CellRange, RawCell, RawSheet, RawWorkbook, WorkbookFormat } from '../../../core/inventory/types';
import type { ZipLimits } from './zip-guard';
import { UserFacingError } from '../../../core/ipc/define';
import { DEFAULT_ZIP_LIMITS, readCentralDirectory, verifyDeclaredSizes, ZipRefused } from './zip-guard';

export interface ReadLimits {
  maxFileBytes: number;
  /** Cells kept over all sheets. */
  maxCells: number;
  maxSheets: number;
  /** Longest text kept in one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  zip: ZipLimits;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxCells: 10_000_000,
  maxSheets: 200,
  maxCellChars: 32_767,
  zip: DEFAULT_ZIP_LIMITS,
};

/** A refusal the user should see as is (size limits, zip bombs, not a spreadsheet). */
/** A refused file: a user-facing error, so the window shows the message and its hint as they are. */
export class WorkbookRefused extends UserFacingError {
  constructor(message: string, hint?: string) {
    super(message, hint, 'denied');
    this.name = 'WorkbookRefused';
  }
}

const MAX_COLUMNS = 16_384;
const CFB_SIG = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffFormat(bytes: Uint8Array, fileName: string): WorkbookFormat | undefined {
  const lower = fileName.toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) return lower.endsWith('.xlsm') ? 'xlsm' : 'xlsx';
  if (CFB_SIG.every((b, i) => bytes[i] === b)) return 'xls';
  // Text: no NUL bytes in the first 8 KB, unless UTF-16 with a BOM.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'csv';
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return undefined;
  return 'csv';
}

/** Decode CSV bytes: UTF-8 (BOM or valid), UTF-16 with BOM, else Windows-1252 (what Excel writes as "ANSI"). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** A sheet by its name, own properties only (SheetJS keeps sheets in a plain object keyed by name). */
function sheetByName(sheets: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  let ws: unknown;
  if (Object.prototype.hasOwnProperty.call(sheets, name)) ws = Object.getOwnPropertyDescriptor(sheets, name)?.value;
  else if (name === '__proto__') {
    // Assigning obj['__proto__'] = sheet made the sheet the object's prototype; take it back from there.
    const p: unknown = Object.getPrototypeOf(sheets);
    if (p !== Object.prototype && p !== null) ws = p;
  }
  if (typeof ws !== 'object' || ws === null || ws === Object.prototype) return undefined;
  return ws as Record<string, unknown>;
}

function own(o: Record<string, unknown>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function toRawCell(cell: unknown, maxChars: number): RawCell {
  if (typeof cell !== 'object' || cell === null) return null;
  const c = cell as Record<string, unknown>;
  const t = own(c, 't');
  const v = own(c, 'v');
  switch (t) {
    case 's':
    case 'str': {
      if (typeof v !== 'string') return v === undefined || v === null ? null : String(v).slice(0, maxChars);
      return v.length > maxChars ? v.slice(0, maxChars) : v;
    }
    case 'n': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      const z = own(c, 'z');
      if (typeof z === 'string' && z !== 'General' && XLSX.SSF.is_date(z)) return { excelDate: v };
      return v;
    }
    case 'b':
      return typeof v === 'boolean' ? v : null;
    case 'd':
      return v instanceof Date && !Number.isNaN(v.getTime()) ? { excelDate: v.getTime() / 86_400_000 + 25_569 } : null;
    case 'e': {
      const w = own(c, 'w');
      return typeof w === 'string' ? w.slice(0, 16) : '#ERROR';
    }
    default:
      return null;
  }
}

function toRange(m: unknown): CellRange | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const s = own(m as Record<string, unknown>, 's') as Record<string, unknown> | undefined;
  const e = own(m as Record<string, unknown>, 'e') as Record<string, unknown> | undefined;
  const n = (o: Record<string, unknown> | undefined, k: string): number | undefined => {
    const v = o && typeof o === 'object' ? own(o, k) : undefined;
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 24 ? v : undefined;
  };
  const sr = n(s, 'r');
  const sc = n(s, 'c');
  const er = n(e, 'r');
  const ec = n(e, 'c');
  if (sr === undefined || sc === undefined || er === undefined || ec === undefined) return undefined;
  return { s: { r: sr, c: sc }, e: { r: er, c: ec } };
}

/**
 * SheetJS prints notes about unknown records of damaged files ("Missing Info for XLS Record…") to the
 * console; they mean nothing to a user and can flood a log. Silence them for the (synchronous) read.
 */
function quietly<T>(fn: () => T): T {
  const c = console as unknown as Record<'log' | 'warn' | 'error' | 'info', (...a: unknown[]) => void>;
  const saved = { log: c.log, warn: c.warn, error: c.error, info: c.info };
  const mute = (): void => {};
  c.log = c.warn = c.error = c.info = mute;
  try {
    return fn();
  } finally {
    Object.assign(c, saved);
  }
}

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  onProgress?: (stage: 'checking' | 'parsing' | 'converting', fraction: number) => void;
}

/** Read a workbook from bytes (synchronously: call it in a worker; see parse.ts). */
export function readWorkbookBytes(bytes: Uint8Array, fileName: string, opts: ReadOptions = {}): RawWorkbook {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...opts.limits };
  if (bytes.length > limits.maxFileBytes)
    throw new WorkbookRefused(
      `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${(limits.maxFileBytes / 1024 / 1024).toFixed(0)} MB limit`,
      'split the workbook, or save only the inventory sheets into a new file',
    );
  if (bytes.length === 0) throw new WorkbookRefused('the file is empty');
  const format = sniffFormat(bytes, fileName);
  if (!format) throw new WorkbookRefused('the file is not a spreadsheet (.xlsx, .xlsm, .xls or .csv)');
  opts.onProgress?.('checking', 0);
  let wb: XLSX.WorkBook;
  let fmt: WorkbookFormat = format;
  try {
    if (format === 'xlsx' || format === 'xlsm') {
      const entries = readCentralDirectory(bytes, limits.zip);
      if (entries.some((e) => e.name === 'xl/vbaProject.bin')) fmt = 'xlsm';
      verifyDeclaredSizes(bytes, entries);
    }
    opts.onProgress?.('parsing', 0.1);
    const common: XLSX.ParsingOptions = {
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      WTF: false,
    };
    if (format === 'csv') {
      const { text } = decodeText(bytes);
      // CMMS exports often save an HTML table or SpreadsheetML as ".xls": SheetJS reads both from text.
      if (/^\s*</.test(text.slice(0, 200))) fmt = 'xls';
      wb = quietly(() => XLSX.read(text, { ...common, type: 'string', raw: true }));
    } else {
      wb = quietly(() => XLSX.read(bytes, { ...common, type: 'array' }));
    }
  } catch (err) {
    if (err instanceof ZipRefused) throw new WorkbookRefused(err.message, 'open the file in Excel and save a clean copy, or ask who sent it');
    if (err instanceof WorkbookRefused) throw err;
    const msg = (err as Error).message ?? String(err);
    if (/password|encrypt/i.test(msg)) throw new WorkbookRefused('the workbook is password-protected', 'remove the password in Excel and try again');
    throw new WorkbookRefused(`the workbook could not be read: ${msg.slice(0, 200)}`);
  }
  opts.onProgress?.('converting', 0.6);

  const names = Array.isArray(wb.SheetNames) ? wb.SheetNames.filter((n): n is string => typeof n === 'string') : [];
  if (names.length > limits.maxSheets) throw new WorkbookRefused(`the workbook has ${names.length} sheets (limit ${limits.maxSheets})`);
  const meta = (wb.Workbook?.Sheets ?? []) as Array<{ Hidden?: number } | undefined>;
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheetsObj = wb.Sheets as unknown as Record<string, unknown>;
  const sheets: RawSheet[] = [];
  let cells = 0;
  names.forEach((name, i) => {
    const ws = sheetByName(sheetsObj, name);
    const rows: RawCell[][] = [];
    const merges: CellRange[] = [];
    if (ws) {
      const data = own(ws, '!data');
      if (Array.isArray(data)) {
        for (let r = 0; r < data.length; r++) {
          const src: unknown = data[r];
          const row: RawCell[] = [];
          if (Array.isArray(src)) {
            let last = -1;
            // Excel has at most 16,384 columns (XFD); anything beyond comes from a damaged file.
            const width = Math.min(src.length, MAX_COLUMNS);
            for (let c = 0; c < width; c++) {
              const v = toRawCell(src[c], limits.maxCellChars);
              row.push(v);
              if (v !== null && v !== '') last = c;
            }
            row.length = last + 1;
            cells += row.length;
          }
          rows.push(row);
          data[r] = undefined; // let SheetJS's copy of the row go as soon as ours exists (lower peak memory)
          if (opts.onProgress && r % 10_000 === 9_999) opts.onProgress('converting', 0.6 + (0.4 * (i + r / data.length)) / names.length);
          if (cells > limits.maxCells)
            throw new WorkbookRefused(`the workbook has more than ${limits.maxCells.toLocaleString('en')} cells`, 'split the workbook or remove unused sheets');
        }
        while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
      }
      const m = own(ws, '!merges');
      if (Array.isArray(m)) for (const x of m.slice(0, 100_000)) {
        const range = toRange(x);
        if (range) merges.push(range);
      }
    }
    const sheet: RawSheet = { name, rows, merges };
    if (meta[i] && typeof meta[i] === 'object' && (meta[i]!.Hidden ?? 0) > 0) sheet.hidden = true;
    sheets.push(sheet);
    opts.onProgress?.('converting', 0.6 + (0.4 * (i + 1)) / names.length);
  });
  return { fileName: baseName(fileName), format: fmt, date1904, sheets };
}

function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i >= 0 ? p.slice(i + 1) : p;
}
