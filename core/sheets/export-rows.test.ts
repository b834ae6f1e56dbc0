import { describe, expect, it } from 'vitest';
import { escapeCell, sheetSetRows, SHEET_COLUMNS } from './export-rows';
import { buildSheetSet } from './model';
import { asset, demoData } from './fixture.test-helper';
import type { RoomId } from '../model/ids';

describe('escapeCell', () => {
  it('prefixes an apostrophe to cells that a spreadsheet would read as a formula', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '\nx', '\u0000x']) expect(escapeCell(bad)).toBe(`'${bad}`);
    for (const ok of ['BME-0001', 'a=b', '', ' =x', "'quoted"]) expect(escapeCell(ok)).toBe(ok);
  });
});

describe('sheetSetRows', () => {
  it('writes one row per expected asset and one per room, escaped', () => {
    const d = demoData();
    const evil = asset('ev', { assetTag: '=HYPERLINK("http://x")', model: '@SUM(1)', roomId: 'r303' as RoomId });
    const set = buildSheetSet({ ...d, assets: [...d.assets, evil] }, { kind: 'floor', floorId: 'f3' }, { paper: 'A4', orientation: 'portrait', date: '2026-11-29', surveyor: '-Ana' });
    const rows = sheetSetRows(set);
    expect(rows.sheets[0]).toEqual([...SHEET_COLUMNS]);
    expect(rows.sheets).toHaveLength(1 + set.totals.assets);
    const evilRow = rows.sheets.find((r) => String(r[6]).includes('HYPERLINK'))!;
    expect(evilRow[6]).toBe('\'=HYPERLINK("http://x")');
    expect(evilRow[9]).toBe("'@SUM(1)");
    expect(rows.rooms).toHaveLength(1 + set.sections.length);
    expect(rows.rooms[1]).toEqual(['St Mary General', 'North Wing', 'Level 3', '3.2', 'Bay 2', 'ICU', 3, 2, 2, 1, '2026-11-29', "'-Ana"]);
  });
});
