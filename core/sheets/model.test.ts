import { describe, expect, it } from 'vitest';
import { buildSheetSet, departments, paginate, roomsForScope } from './model';
import { sheetLayout } from './geometry';
import { asset, demoData } from './fixture.test-helper';
import type { RoomId } from '../model/ids';

const opts = { paper: 'A4' as const, orientation: 'portrait' as const, date: '2026-11-29', surveyor: 'Ana Ruiz' };

describe('roomsForScope', () => {
  it('orders rooms by floor level then natural room number, and leaves deleted rooms out', () => {
    const d = demoData();
    expect(roomsForScope(d, { kind: 'site', siteId: 's1' }).map((r) => r.number)).toEqual(['2.1', '3.2', '3.3', '3.10']);
    expect(roomsForScope(d, { kind: 'floor', floorId: 'f3' }).map((r) => r.number)).toEqual(['3.2', '3.3', '3.10']);
    expect(roomsForScope(d, { kind: 'department', department: ' icu ' }).map((r) => r.number)).toEqual(['2.1', '3.2', '3.10']);
    expect(roomsForScope(d, { kind: 'room', roomId: 'r303' as RoomId }).map((r) => r.number)).toEqual(['3.3']);
    expect(roomsForScope({ ...d, surveys: [{ id: 'sv', name: 'Q4', scope: { kind: 'department', department: 'ICU' }, by: 'a', startedAt: 1, roomIds: ['r310' as RoomId, 'r201' as RoomId], expectedAssetIds: [], roomsDone: [], version: 1, createdAt: 1, updatedAt: 1 }] }, { kind: 'survey', surveyId: 'sv' }).map((r) => r.number)).toEqual(['2.1', '3.10']);
    expect(departments(d.rooms)).toEqual(['Cardiology', 'ICU']);
  });
});

describe('buildSheetSet', () => {
  it('lists the expected assets per room with header, last confirmation and totals', () => {
    const set = buildSheetSet(demoData(), { kind: 'floor', floorId: 'f3' }, opts);
    expect(set.sections.map((s) => s.header.roomNumber)).toEqual(['3.2', '3.3', '3.10']);
    const bay2 = set.sections[0]!;
    expect(bay2.header).toMatchObject({ site: 'St Mary General', building: 'North Wing', floor: 'Level 3', roomName: 'Bay 2', department: 'ICU', date: '2026-11-29', surveyor: 'Ana Ruiz', roomBarcode: 'ROOM:3.2' });
    expect(bay2.rows.map((r) => r.tag)).toEqual(['BME-0001', 'BME-0002', 'BME-0010']);
    const pump = bay2.rows[1]!;
    expect(pump).toMatchObject({ type: 'Infusion pump', maker: 'Becton Dickinson', model: 'Alaris 8015', serial: 'S-1', highRisk: true, barcode: 'BME-0002' });
    // last confirmation is the newest, and it was in another room
    expect(pump.last).toMatchObject({ by: 'ben', date: '2026-07-02', elsewhere: '3.10' });
    // the retracted confirmation does not count
    expect(bay2.rows[2]!.last).toBeUndefined();
    expect(bay2.rows[2]!.highRisk).toBe(true); // life support is high risk
    expect(bay2.totals).toEqual({ expected: 3, highRisk: 2, lifeSupport: 1, neverConfirmed: 2, withoutTag: 0 });
    // placement wins over the inventory room; retired and deleted assets are not expected
    expect(set.sections[1]!.rows.map((r) => r.tag)).toEqual(['BME-0300']);
    const bay10 = set.sections[2]!;
    expect(bay10.rows.map((r) => r.tag)).toEqual(['SN-NO-TAG']);
    expect(bay10.rows[0]).toMatchObject({ serialAsTag: true, barcode: 'SN-NO-TAG', type: 'Suction unit' });
    expect(set.totals).toEqual({ rooms: 3, assets: 5, highRisk: 2, lifeSupport: 1, neverConfirmed: 4 });
    expect(set.title).toBe('Floor Level 3, North Wing');
    expect(set.pageCount).toBe(3);
    expect(set.sections.flatMap((s) => s.pages.map((p) => p.pageNumber))).toEqual([1, 2, 3]);
  });

  it('paginates a long room over several pages, numbering pages across the document', () => {
    const d = demoData();
    const many = Array.from({ length: 40 }, (_, i) => asset(`x${i}`, { assetTag: `T-${String(i).padStart(3, '0')}`, roomId: 'r303' as RoomId }));
    const set = buildSheetSet({ ...d, assets: [...d.assets, ...many] }, { kind: 'floor', floorId: 'f3' }, opts);
    const sec = set.sections[1]!;
    expect(sec.rows).toHaveLength(41);
    const rowsOnPages = sec.pages.reduce((n, p) => n + p.rows.length, 0);
    expect(rowsOnPages).toBe(41);
    expect(sec.pages.length).toBeGreaterThan(1);
    expect(sec.pages[0]!.first && !sec.pages[0]!.last).toBe(true);
    expect(sec.pages.at(-1)!.last).toBe(true);
    expect(sec.pages.every((p, i) => p.sectionPage === i + 1 && p.sectionPages === sec.pages.length)).toBe(true);
    expect(set.sections[2]!.pages[0]!.pageNumber).toBe(1 + sec.pages.length + 1);
    // rows continue in order across pages
    expect(sec.pages.flatMap((p) => p.rows.map((r) => r.tag))).toEqual(sec.rows.map((r) => r.tag));
  });

  it('gives an empty room one page', () => {
    const d = demoData();
    const set = buildSheetSet({ ...d, assets: [] }, { kind: 'room', roomId: 'r302' as RoomId }, opts);
    expect(set.sections[0]!.pages).toHaveLength(1);
    expect(set.sections[0]!.pages[0]).toMatchObject({ first: true, last: true, rows: [] });
  });
});

describe('paginate', () => {
  const l = sheetLayout('A4', 'portrait');
  it('puts everything on one page when rows and the tail fit', () => {
    expect(paginate(l.rowsFirstWithTail, l)).toEqual([{ firstRow: 0, count: l.rowsFirstWithTail }]);
  });
  it('moves at least one row to the last page when only the tail would be left', () => {
    const pages = paginate(l.rowsFirst, l);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.count).toBeGreaterThanOrEqual(1);
  });
  it('never exceeds page capacity and covers every row', () => {
    for (let n = 0; n < 120; n++) {
      const pages = paginate(n, l);
      expect(pages.reduce((a, p) => a + p.count, 0)).toBe(n);
      pages.forEach((p, i) => {
        const last = i === pages.length - 1;
        const cap = i === 0 ? (last ? l.rowsFirstWithTail : l.rowsFirst) : last ? l.rowsContWithTail : l.rowsCont;
        expect(p.count).toBeLessThanOrEqual(cap);
      });
    }
  });
});

describe('sheetLayout', () => {
  it('fills the content width exactly and keeps pen boxes at least 10 mm wide', () => {
    for (const paper of ['A4', 'Letter'] as const) {
      for (const o of ['portrait', 'landscape'] as const) {
        const l = sheetLayout(paper, o);
        expect(l.columns.reduce((a, c) => a + c.width, 0)).toBeCloseTo(l.contentWidth, 5);
        for (const id of ['present', 'moved', 'missing']) expect(l.columns.find((c) => c.id === id)!.width).toBeGreaterThanOrEqual(10);
        expect(l.columns.find((c) => c.id === 'notes')!.width).toBeGreaterThanOrEqual(20);
        expect(l.rowsFirstWithTail).toBeGreaterThanOrEqual(5);
        // header + rows + tail + footer fit the page
        expect(l.headerHeight + l.tableHeadHeight + l.rowsFirstWithTail * l.rowHeight + l.tailHeight + l.footerHeight).toBeLessThanOrEqual(l.contentHeight);
      }
    }
    expect(sheetLayout('Letter', 'landscape').pageWidth).toBeCloseTo(279.4);
  });
});
