// Page geometry of the printed room sheets, in millimetres. One source for the pagination (model.ts)
// and for the print page (renderer/src/features/sheets), so the number of rows the model puts on a
// page is the number that fits on paper.
//
// Paper sizes: ISO 216 A4 is 210 × 297 mm; ANSI US Letter is 8.5 × 11 in = 215.9 × 279.4 mm.
// Margins of 10 mm stay inside the unprintable border of office laser and inkjet printers (4–6 mm).

export type PaperSize = 'A4' | 'Letter';
export type Orientation = 'portrait' | 'landscape';

export const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};

/** Column ids of the sheet table, in print order. */
export type ColumnId = 'tag' | 'device' | 'serial' | 'last' | 'present' | 'moved' | 'missing' | 'notes';

export interface SheetColumn {
  id: ColumnId;
  label: string;
  width: number; // mm
}

export interface SheetLayout {
  paper: PaperSize;
  orientation: Orientation;
  pageWidth: number;
  pageHeight: number;
  margin: number;
  contentWidth: number;
  contentHeight: number;
  /** Room header block on a room's first page. */
  headerHeight: number;
  /** Short header on a room's continuation pages. */
  contHeaderHeight: number;
  tableHeadHeight: number;
  rowHeight: number;
  footerHeight: number;
  /** "Found here but not listed" block: title + lines. */
  foundTitleHeight: number;
  foundLineHeight: number;
  foundLines: number;
  /** Totals and sign-off strip at the end of a room. */
  totalsHeight: number;
  /** Height left for the room's last-page tail (found block + totals). */
  tailHeight: number;
  /** Rows that fit on a room's first / continuation page when the tail does not have to fit too. */
  rowsFirst: number;
  rowsCont: number;
  /** Rows that fit together with the tail. */
  rowsFirstWithTail: number;
  rowsContWithTail: number;
  columns: SheetColumn[];
  /** Code 128 module (narrow bar) width in mm: 0.25 mm ≈ 10 mil, read by every handheld scanner. */
  barcodeModule: number;
  barcodeHeight: number;
  /** Width available to a barcode in the tag cell (the cell less the quiet zones). */
  barcodeMaxWidth: number;
}

/**
 * Box columns are wide enough for a pen tick (≥ 12 mm), boxes themselves are 6 mm squares. The
 * high-risk / life-support marker sits beside the tag (HR / LS in a box), not in a column of its own,
 * so the notes column keeps room to write in.
 */
const FIXED_PORTRAIT: Omit<Record<ColumnId, number>, 'notes'> = {
  tag: 46,
  device: 40,
  serial: 24,
  last: 21,
  present: 12,
  moved: 12,
  missing: 12,
};
const FIXED_LANDSCAPE: Omit<Record<ColumnId, number>, 'notes'> = {
  tag: 50,
  device: 60,
  serial: 30,
  last: 27,
  present: 14,
  moved: 14,
  missing: 14,
};

export const COLUMN_LABELS: Record<ColumnId, string> = {
  tag: 'Asset tag',
  device: 'Device (type · maker · model)',
  serial: 'Serial',
  last: 'Last confirmed',
  present: 'Present',
  moved: 'Moved',
  missing: 'Missing',
  notes: 'Notes',
};

export const COLUMN_ORDER: ColumnId[] = ['tag', 'device', 'serial', 'last', 'present', 'moved', 'missing', 'notes'];

/** Quiet zone either side of a Code 128 symbol: 10 modules (ISO/IEC 15417 §4.4.2). */
export const QUIET_ZONE_MODULES = 10;

export function sheetLayout(paper: PaperSize, orientation: Orientation, foundLines = 4): SheetLayout {
  const p = PAPER_MM[paper];
  const pageWidth = orientation === 'portrait' ? p.width : p.height;
  const pageHeight = orientation === 'portrait' ? p.height : p.width;
  const margin = 10;
  const contentWidth = round2(pageWidth - 2 * margin);
  const contentHeight = round2(pageHeight - 2 * margin);
  const fixed = orientation === 'portrait' ? FIXED_PORTRAIT : FIXED_LANDSCAPE;
  const fixedSum = Object.values(fixed).reduce((a, b) => a + b, 0);
  const notes = round2(contentWidth - fixedSum);
  const columns: SheetColumn[] = COLUMN_ORDER.map((id) => ({ id, label: COLUMN_LABELS[id], width: id === 'notes' ? notes : fixed[id] }));

  const headerHeight = 34;
  const contHeaderHeight = 13;
  const tableHeadHeight = 9;
  const rowHeight = 14;
  const footerHeight = 8;
  const foundTitleHeight = 9;
  const foundLineHeight = 10;
  const totalsHeight = 14;
  const tailHeight = foundTitleHeight + foundLines * foundLineHeight + totalsHeight;
  const bodyFirst = contentHeight - headerHeight - tableHeadHeight - footerHeight;
  const bodyCont = contentHeight - contHeaderHeight - tableHeadHeight - footerHeight;
  const fit = (h: number) => Math.max(1, Math.floor(h / rowHeight));
  const fitTail = (h: number) => Math.max(0, Math.floor((h - tailHeight) / rowHeight));
  const tagWidth = fixed.tag;
  const barcodeModule = 0.25;
  return {
    paper,
    orientation,
    pageWidth,
    pageHeight,
    margin,
    contentWidth,
    contentHeight,
    headerHeight,
    contHeaderHeight,
    tableHeadHeight,
    rowHeight,
    footerHeight,
    foundTitleHeight,
    foundLineHeight,
    foundLines,
    totalsHeight,
    tailHeight,
    rowsFirst: fit(bodyFirst),
    rowsCont: fit(bodyCont),
    rowsFirstWithTail: fitTail(bodyFirst),
    rowsContWithTail: fitTail(bodyCont),
    columns,
    barcodeModule,
    barcodeHeight: 7,
    barcodeMaxWidth: round2(tagWidth - 2 * QUIET_ZONE_MODULES * barcodeModule - 1),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
