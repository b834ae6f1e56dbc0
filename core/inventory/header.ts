// Find the header row of a legacy sheet: below title rows ("HOSPITAL X — INVENTARIO 2019", merged
// across the page), possibly two rows deep ("Ubicación" merged over "Edificio | Piso | Sala").
import type { CellRange, RawCell, RawSheet } from './types';
import { cellText } from './values';
import { isKnownHeader } from './synonyms';

export interface HeaderGuess {
  /** 0-based index of the (first) header row. */
  headerRow: number;
  /** 1 or 2: how many rows the header spans. */
  headerRows: number;
  /** The header text of each column, unique (duplicates get " (2)", blanks "Column F"). */
  headers: string[];
  /** 0-based index of the first data row. */
  dataStart: number;
  /** 0..1 */
  confidence: number;
  reasons: string[];
}

const SCAN_ROWS = 40;

/** Column index → spreadsheet letters (0 → A, 27 → AB). */
export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function isNumberLike(cell: RawCell): boolean {
  if (typeof cell === 'number') return true;
  if (cell !== null && typeof cell === 'object') return true;
  return typeof cell === 'string' && /^[\d\s.,/:-]+$/.test(cell.trim()) && /\d/.test(cell);
}

/** The merge that covers (r, c), if any. */
function mergeAt(merges: CellRange[], r: number, c: number): CellRange | undefined {
  for (const m of merges) if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) return m;
  return undefined;
}

/** Text of a cell, taking the value of the merge it sits in (merged cells hold it only top-left). */
function textWithMerges(sheet: RawSheet, r: number, c: number): string {
  const own = cellText(sheet.rows[r]?.[c] ?? null);
  if (own) return own;
  const m = mergeAt(sheet.merges, r, c);
  if (!m) return '';
  return cellText(sheet.rows[m.s.r]?.[m.s.c] ?? null);
}

export function sheetWidth(sheet: RawSheet, from = 0, to = sheet.rows.length): number {
  let w = 0;
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= w; c--) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== '') {
        w = c + 1;
        break;
      }
    }
  }
  return w;
}

interface RowScore {
  r: number;
  score: number;
  known: number;
  texts: number;
  nonEmpty: number;
}

function scoreRow(sheet: RawSheet, r: number, width: number): RowScore {
  const row = sheet.rows[r] ?? [];
  let known = 0;
  let texts = 0;
  let nums = 0;
  let nonEmpty = 0;
  for (let c = 0; c < width; c++) {
    const cell = row[c] ?? null;
    const t = cellText(cell);
    if (!t) continue;
    nonEmpty++;
    if (isNumberLike(cell)) nums++;
    else if (t.length <= 60) {
      texts++;
      if (isKnownHeader(t)) known++;
    }
  }
  const score = nonEmpty < 2 ? -1 : known * 3 + texts - nums * 2;
  return { r, score, known, texts, nonEmpty };
}

/** Guess the header row (and whether it spans two rows) of a sheet. */
export function detectHeader(sheet: RawSheet): HeaderGuess {
  const scan = Math.min(sheet.rows.length, SCAN_ROWS);
  const width = sheetWidth(sheet, 0, Math.min(sheet.rows.length, SCAN_ROWS + 200));
  const reasons: string[] = [];
  let best: RowScore | undefined;
  for (let r = 0; r < scan; r++) {
    const s = scoreRow(sheet, r, width);
    if (s.score < 0) continue;
    if (!best || s.score > best.score) best = s;
  }
  if (!best) {
    return { headerRow: 0, headerRows: 1, headers: uniqueHeaders([], width), dataStart: 0, confidence: 0, reasons: ['no row with two or more filled cells'] };
  }
  const r = best.r;
  if (r > 0) reasons.push(`${r} row(s) above the header skipped (titles or notes)`);
  reasons.push(`row ${r + 1}: ${best.known} of ${best.nonEmpty} cells are known column names`);

  // Two-row header: a cell of this row merged across several columns, with text below it.
  let headerRows = 1;
  const next = r + 1 < sheet.rows.length ? scoreRow(sheet, r + 1, width) : undefined;
  const spans = sheet.merges.filter((m) => m.s.r === r && m.e.c > m.s.c);
  if (next && spans.length > 0) {
    const nextRow = sheet.rows[r + 1] ?? [];
    const below = spans.some((m) => {
      for (let c = m.s.c; c <= m.e.c; c++) if (cellText(nextRow[c] ?? null)) return true;
      return false;
    });
    const numericBelow = nextRow.some((cell) => cell !== null && isNumberLike(cell));
    if (below && !numericBelow) {
      headerRows = 2;
      reasons.push(`row ${r + 1} has cells merged over sub-headings in row ${r + 2}: two-row header`);
    }
  }

  const raw: string[] = [];
  for (let c = 0; c < width; c++) {
    const top = textWithMerges(sheet, r, c);
    if (headerRows === 1) raw.push(top);
    else {
      const bottom = textWithMerges(sheet, r + 1, c);
      raw.push(top && bottom && top !== bottom ? `${top} / ${bottom}` : top || bottom);
    }
  }
  const confidence = best.known >= 3 ? 0.95 : best.known === 2 ? 0.8 : best.known === 1 ? 0.5 : 0.25;
  if (best.known === 0) reasons.push('no known column names found: please check the header row');
  return { headerRow: r, headerRows, headers: uniqueHeaders(raw, width), dataStart: r + headerRows, confidence, reasons };
}

/** Header texts for a chosen header row (when the user picks it in the wizard). */
export function headerAt(sheet: RawSheet, headerRow: number, headerRows = 1): HeaderGuess {
  const width = sheetWidth(sheet, headerRow, Math.min(sheet.rows.length, headerRow + 200));
  const raw: string[] = [];
  for (let c = 0; c < width; c++) {
    const top = textWithMerges(sheet, headerRow, c);
    const bottom = headerRows > 1 ? textWithMerges(sheet, headerRow + 1, c) : '';
    raw.push(top && bottom && top !== bottom ? `${top} / ${bottom}` : top || bottom);
  }
  return {
    headerRow,
    headerRows,
    headers: uniqueHeaders(raw, width),
    dataStart: headerRow + headerRows,
    confidence: 1,
    reasons: ['header row chosen by the user'],
  };
}

function uniqueHeaders(raw: string[], width: number): string[] {
  const out: string[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    let h = (raw[c] ?? '').replace(/\s+/g, ' ').trim() || `Column ${columnLetter(c)}`;
    const k = h.toLowerCase();
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n > 1) h = `${h} (${n})`;
    out.push(h);
  }
  return out;
}
