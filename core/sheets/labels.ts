// Label sheets: asset-tag labels and room labels (the room barcode walk mode scans) placed on the
// common die-cut sheets. Geometry in millimetres, from each product's published template figures;
// every layout is checked by arithmetic in labels.test.ts (margins + labels + gaps = the page).
import type { Asset } from '../model/asset';
import type { Room } from '../model/location';
import { assetBarcodeText, roomBarcodeText } from '../survey/barcodes';
import { PAPER_MM } from './geometry';
import type { PaperSize } from './geometry';
import { humanType, naturalCompare } from './model';

export interface LabelSheetSpec {
  id: string;
  name: string;
  paper: PaperSize;
  labelWidth: number;
  labelHeight: number;
  cols: number;
  rows: number;
  /** Page edge to the first label's top-left corner. */
  top: number;
  left: number;
  /** Distance from one label's left (top) edge to the next one's. */
  pitchX: number;
  pitchY: number;
  cornerRadius: number;
}

const IN = 25.4;

/**
 * - Avery L7160 (A4): 21 labels 63.5 × 38.1 mm, 3 × 7; side margins 7.25 mm, column gap 2.5 mm,
 *   top/bottom 15.15 mm, no row gap.
 * - Avery 5160 (US Letter): 30 labels 2 5/8 × 1 in, 3 × 10; top 0.5 in, sides 3/16 in, gap 1/8 in.
 * - Avery L7651 (A4): 65 labels 38.1 × 21.2 mm, 5 × 13; top 10.7 mm, sides 4.75 mm, gap 2.5 mm.
 * - Avery 5267 (US Letter): 80 labels 1 3/4 × 1/2 in, 4 × 20; top 0.5 in, sides 9/32 in, pitch 2 1/16 in.
 */
export const LABEL_SHEETS: LabelSheetSpec[] = [
  { id: 'L7160', name: 'Avery L7160 — A4, 21 labels 63.5 × 38.1 mm', paper: 'A4', labelWidth: 63.5, labelHeight: 38.1, cols: 3, rows: 7, top: 15.15, left: 7.25, pitchX: 66, pitchY: 38.1, cornerRadius: 2.5 },
  { id: '5160', name: 'Avery 5160 — Letter, 30 labels 2⅝ × 1 in', paper: 'Letter', labelWidth: 2.625 * IN, labelHeight: 1 * IN, cols: 3, rows: 10, top: 0.5 * IN, left: 0.1875 * IN, pitchX: 2.75 * IN, pitchY: 1 * IN, cornerRadius: 0.0625 * IN },
  { id: 'L7651', name: 'Avery L7651 — A4, 65 labels 38.1 × 21.2 mm', paper: 'A4', labelWidth: 38.1, labelHeight: 21.2, cols: 5, rows: 13, top: 10.7, left: 4.75, pitchX: 40.6, pitchY: 21.2, cornerRadius: 1.5 },
  { id: '5267', name: 'Avery 5267 — Letter, 80 labels 1¾ × ½ in', paper: 'Letter', labelWidth: 1.75 * IN, labelHeight: 0.5 * IN, cols: 4, rows: 20, top: 0.5 * IN, left: 0.28125 * IN, pitchX: 2.0625 * IN, pitchY: 0.5 * IN, cornerRadius: 0.0625 * IN },
];

export function labelSheet(id: string): LabelSheetSpec | undefined {
  return LABEL_SHEETS.find((s) => s.id === id);
}

/** What goes on one label. */
export interface LabelItem {
  kind: 'asset' | 'room';
  /** Text encoded in the barcode. */
  barcode: string;
  /** The big line printed under/beside the barcode (tag or room number). */
  title: string;
  /** Smaller lines (type · model, department, site); the renderer drops what does not fit. */
  lines: string[];
  highRisk?: boolean;
}

export interface PlacedLabel {
  /** Position of the label's top-left corner on the page, mm. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** 0-based slot on the sheet (row-major). */
  slot: number;
  item: LabelItem;
}

export interface LabelPage {
  pageNumber: number;
  labels: PlacedLabel[];
}

export function assetLabelItems(assets: readonly Asset[]): { items: LabelItem[]; skipped: number } {
  const items: LabelItem[] = [];
  let skipped = 0;
  const live = assets.filter((a) => !a.deleted && a.status !== 'retired');
  live.sort((a, b) => naturalCompare(a.assetTag ?? a.serial ?? '', b.assetTag ?? b.serial ?? ''));
  for (const a of live) {
    const barcode = assetBarcodeText(a);
    if (!barcode) {
      skipped++;
      continue;
    }
    const lines = [[humanType(a.type) || a.description || '', a.model ?? ''].filter(Boolean).join(' · '), a.maker ?? ''].filter(Boolean);
    items.push({ kind: 'asset', barcode, title: barcode, lines, highRisk: a.highRisk === true || a.lifeSupport === true });
  }
  return { items, skipped };
}

export function roomLabelItems(rooms: readonly Room[], context: (r: Room) => string = () => ''): LabelItem[] {
  return rooms
    .filter((r) => !r.deleted && r.number.trim())
    .map((r) => ({ kind: 'room' as const, barcode: roomBarcodeText(r), title: r.number.trim(), lines: [r.name ?? '', r.department ?? '', context(r)].filter(Boolean) }));
}

/**
 * Place items on sheets. `skip` leaves the first slots of the first sheet empty, for a part-used
 * sheet (labels already peeled off from the top-left).
 */
export function layoutLabels(spec: LabelSheetSpec, items: readonly LabelItem[], skip = 0): LabelPage[] {
  const perPage = spec.cols * spec.rows;
  const start = Math.max(0, Math.min(perPage - 1, Math.floor(skip)));
  const pages: LabelPage[] = [];
  let slotIndex = start;
  let page: LabelPage | undefined;
  for (const item of items) {
    if (!page || slotIndex >= perPage) {
      if (page) slotIndex = 0;
      page = { pageNumber: pages.length + 1, labels: [] };
      pages.push(page);
    }
    const col = slotIndex % spec.cols;
    const row = Math.floor(slotIndex / spec.cols);
    page.labels.push({
      x: round3(spec.left + col * spec.pitchX),
      y: round3(spec.top + row * spec.pitchY),
      width: round3(spec.labelWidth),
      height: round3(spec.labelHeight),
      slot: slotIndex,
      item,
    });
    slotIndex++;
  }
  return pages;
}

/** Right and bottom margins implied by a spec (used by tests and by the preview's sheet outline). */
export function sheetMargins(spec: LabelSheetSpec): { right: number; bottom: number } {
  const page = PAPER_MM[spec.paper];
  return {
    right: round3(page.width - spec.left - (spec.cols - 1) * spec.pitchX - spec.labelWidth),
    bottom: round3(page.height - spec.top - (spec.rows - 1) * spec.pitchY - spec.labelHeight),
  };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
