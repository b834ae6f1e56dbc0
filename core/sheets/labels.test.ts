import { describe, expect, it } from 'vitest';
import { LABEL_SHEETS, assetLabelItems, labelSheet, layoutLabels, roomLabelItems, sheetMargins } from './labels';
import { asset, demoData } from './fixture.test-helper';

describe('label sheets', () => {
  it('each layout fits its paper with symmetric side margins', () => {
    for (const s of LABEL_SHEETS) {
      const m = sheetMargins(s);
      expect(m.right).toBeCloseTo(s.left, 2);
      expect(m.bottom).toBeCloseTo(s.top, 2);
      expect(s.pitchX).toBeGreaterThanOrEqual(s.labelWidth);
      expect(s.pitchY).toBeGreaterThanOrEqual(s.labelHeight);
    }
    expect(LABEL_SHEETS.map((s) => `${s.id}:${s.cols * s.rows}`)).toEqual(['L7160:21', '5160:30', 'L7651:65', '5267:80']);
    expect(labelSheet('5160')!.labelWidth).toBeCloseTo(66.675, 3);
  });

  it('places labels row by row and starts a new sheet when one is full, after skipped slots', () => {
    const spec = labelSheet('L7160')!;
    const items = Array.from({ length: 25 }, (_, i) => ({ kind: 'asset' as const, barcode: `T${i}`, title: `T${i}`, lines: [] }));
    const pages = layoutLabels(spec, items, 2);
    expect(pages.map((p) => p.labels.length)).toEqual([19, 6]);
    expect(pages[0]!.labels[0]).toMatchObject({ slot: 2, x: 7.25 + 2 * 66, y: 15.15 });
    expect(pages[0]!.labels[1]).toMatchObject({ slot: 3, x: 7.25, y: 15.15 + 38.1 });
    expect(pages[1]!.labels[0]).toMatchObject({ slot: 0, x: 7.25, y: 15.15 });
    expect(layoutLabels(spec, [], 0)).toEqual([]);
  });

  it('makes asset labels from tags (or serials) and room labels with the walk-mode room code', () => {
    const { items, skipped } = assetLabelItems([...demoData().assets, asset('z', {})]);
    expect(items.map((i) => i.barcode)).toEqual(['BME-0001', 'BME-0002', 'BME-0010', 'BME-0200', 'BME-0300', 'SN-NO-TAG']);
    expect(skipped).toBe(1);
    expect(items[1]).toMatchObject({ lines: ['Infusion pump · Alaris 8015', 'Becton Dickinson'], highRisk: true });
    const rooms = roomLabelItems(demoData().rooms, () => 'North Wing · Level 3');
    expect(rooms.map((r) => r.barcode)).toEqual(['ROOM:3.10', 'ROOM:3.2', 'ROOM:3.3', 'ROOM:2.1']);
    expect(rooms[0]!.lines).toEqual(['Bay 10', 'ICU', 'North Wing · Level 3']);
  });
});
