import { describe, expect, it } from 'vitest';
import type { RawSheet, RawWorkbook } from './types';
import { detectHeader } from './header';
import { applyProfile, findProfile, makeProfile, suggestMapping } from './mapping';
import { analyseWorkbook, importSheets, selectionFromAnalysis } from './importer';

function wb(sheets: RawSheet[]): RawWorkbook {
  return { fileName: 't.xlsx', format: 'xlsx', date1904: false, sheets };
}

const titled: RawSheet = {
  name: 'Inventario',
  rows: [
    ['CLÍNICA DEL NORTE — INVENTARIO DE EQUIPOS'],
    [],
    ['Fecha de corte:', '31/12/2020'],
    ['Cód.', 'Nombre del equipo', 'Fabricante', 'Referencia', 'S/N', 'Dependencia', 'Datos de red', 'Col8', 'Fecha de instalación'],
    ['CN-1', 'Monitor', 'Mindray', 'iMEC 10', 'FX-12345', 'UCI', '00:11:22:33:44:55', '10.0.0.1', '13/01/2015'],
    ['CN-2', 'Bomba', 'BD', 'Alaris GP', 9876543210, 'UCI', '00-11-22-33-44-56', '10.0.0.2', { excelDate: 42005 }],
    ['CN-3', 'Ventilador', 'Hamilton', 'C6', 'N/A', 'UCI', 'NO REGISTRA', 'sin dato', '-'],
    ['Cód.', 'Nombre del equipo', 'Fabricante', 'Referencia', 'S/N', 'Dependencia', 'Datos de red', 'Col8', 'Fecha de instalación'],
    ['CN-4', 'Monitor', 'Philips', 'MX450', 'DE-1', 'URG', '', '', '02/02/2016'],
    [null, null, null, null, null, null, null, null, null],
    ['', '', 'solo fabricante', '', '', '', '', '', ''],
  ],
  merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 8 } }],
};

describe('header detection', () => {
  it('skips title and note rows and finds the header', () => {
    const h = detectHeader(titled);
    expect(h.headerRow).toBe(3);
    expect(h.headerRows).toBe(1);
    expect(h.dataStart).toBe(4);
    expect(h.headers[0]).toBe('Cód.');
    expect(h.confidence).toBeGreaterThan(0.9);
  });

  it('reads a two-row header under a merged group heading', () => {
    const s: RawSheet = {
      name: 'S',
      rows: [
        ['Inventario'],
        ['Serie', 'Ubicación', null, 'Marca'],
        [null, 'Piso', 'Sala', null],
        ['A1', '2', '201', 'GE'],
      ],
      merges: [
        { s: { r: 1, c: 1 }, e: { r: 1, c: 2 } },
        { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } },
        { s: { r: 1, c: 3 }, e: { r: 2, c: 3 } },
      ],
    };
    const h = detectHeader(s);
    expect(h.headerRow).toBe(1);
    expect(h.headerRows).toBe(2);
    expect(h.headers).toEqual(['Serie', 'Ubicación / Piso', 'Ubicación / Sala', 'Marca']);
    const m = suggestMapping(s, h);
    expect(m.columns.map((c) => c.field)).toEqual(['serial', 'floor', 'room', 'maker']);
  });

  it('names blank and duplicate headers so no column is lost', () => {
    const s: RawSheet = { name: 'S', rows: [['Serie', '', 'Serie', 'Marca'], ['1', 'x', '2', 'GE']], merges: [] };
    expect(detectHeader(s).headers).toEqual(['Serie', 'Column B', 'Serie (2)', 'Marca']);
  });
});

describe('mapping suggestion', () => {
  it('uses header names and cell contents, with reasons', () => {
    const h = detectHeader(titled);
    const m = suggestMapping(titled, h);
    const f = m.columns.map((c) => c.field);
    expect(f).toEqual(['assetTag', 'description', 'maker', 'model', 'serial', 'department', 'mac', 'ip', 'installDate']);
    expect(m.columns[6]!.reasons.join(' ')).toMatch(/MAC addresses/);
    expect(m.columns[7]!.reasons.join(' ')).toMatch(/IP addresses/);
    expect(m.columns[8]!.dateOrder).toBe('dmy');
  });

  it('keeps unknown columns as extra fields and suggests nothing silly', () => {
    const s: RawSheet = { name: 'S', rows: [['Serial', 'Color', 'Peso'], ['A-1', 'rojo', '12'], ['A-2', 'azul', '14']], merges: [] };
    const m = suggestMapping(s, detectHeader(s));
    expect(m.columns.map((c) => c.field)).toEqual(['serial', null, null]);
    expect(m.columns[1]!.reasons[0]).toMatch(/extra field 'Color'/);
  });

  it('saves a profile and offers it for a sheet of the same shape, even with columns reordered', () => {
    const h = detectHeader(titled);
    const m = suggestMapping(titled, h);
    const edited = m.columns.map((c) => ({ index: c.index, header: c.header, field: c.index === 7 ? null : c.field }));
    const p = makeProfile('p1', 'Clínica del Norte', h.headers, edited, 1000);
    const again = suggestMapping(titled, h, [p]);
    expect(again.profileId).toBe('p1');
    expect(again.columns[7]!.field).toBeNull();
    const reordered = [...h.headers].reverse();
    expect(findProfile([p], reordered)?.id).toBe('p1');
    expect(applyProfile(p, reordered).map((c) => c.field)).toEqual(edited.map((c) => c.field).reverse());
    expect(findProfile([p], ['Otra', 'Cosa'])).toBeUndefined();
  });
});

describe('rows → candidates', () => {
  it('normalises, keeps originals and extras, and lists every unusable row with its reason', () => {
    const book = wb([titled]);
    const [a] = analyseWorkbook(book);
    const res = importSheets(book, [selectionFromAnalysis(a!)]);
    expect(res.candidates.map((c) => c.data.assetTag)).toEqual(['CN-1', 'CN-2', 'CN-3', 'CN-4']);
    const [c1, c2, c3] = res.candidates;
    expect(c1!.row).toBe(5);
    expect(c1!.data.macs).toEqual(['00:11:22:33:44:55']);
    expect(c1!.data.installDate).toBe('2015-01-13');
    expect(c1!.data.original.installDate).toBe('13/01/2015');
    expect(c2!.data.serial).toBe('9876543210');
    expect(c2!.data.maker).toBe('Becton Dickinson');
    expect(c2!.data.makerOriginal).toBe('BD');
    expect(c2!.data.installDate).toBe('2015-01-01');
    expect(c3!.data.serial).toBeUndefined();
    expect(c3!.data.original.serial).toBe('N/A');
    expect(c3!.data.macs).toEqual([]);
    expect(c3!.data.installDate).toBeUndefined();
    expect(res.problems.map((p) => [p.row, p.reason])).toEqual([
      [8, 'repeats the header row'],
      [11, 'no asset tag, serial, model or description'],
    ]);
    expect(res.problems[1]!.cells).toEqual({ Fabricante: 'solo fabricante' });
    expect(res.emptyRows).toBe(1);
  });

  it('flags duplicate asset tags across sheets', () => {
    const s1: RawSheet = { name: 'A', rows: [['Asset tag', 'Model'], ['T-1', 'X']], merges: [] };
    const s2: RawSheet = { name: 'B', rows: [['Asset tag', 'Model'], ['t-1', 'Y'], ['T-2', 'Z']], merges: [] };
    const book = wb([s1, s2]);
    const res = importSheets(book, analyseWorkbook(book).map(selectionFromAnalysis));
    expect(res.candidates.map((c) => c.data.assetTag)).toEqual(['T-1', 'T-2']);
    expect(res.problems[0]!.reason).toBe("duplicate asset tag 't-1' (first at A row 2)");
  });

  it('warns when a code was stored as a number longer than Excel keeps exactly', () => {
    const s: RawSheet = { name: 'S', rows: [['Serial', 'Model'], [1234567890123456800, 'X'], [123456789012345, 'Y']], merges: [] };
    const book = wb([s]);
    const res = importSheets(book, analyseWorkbook(book).map(selectionFromAnalysis));
    expect(res.candidates[0]!.data.serial).toBe('1234567890123456800');
    expect(res.candidates[0]!.warnings[0]).toMatch(/more than 15 digits/);
    expect(res.candidates[1]!.warnings).toEqual([]);
  });

  it('keeps columns that have data beyond the header row', () => {
    const s: RawSheet = { name: 'S', rows: [['Serial', 'Model'], ['A-1', 'X', 'stray note']], merges: [] };
    const book = wb([s]);
    const res = importSheets(book, analyseWorkbook(book).map(selectionFromAnalysis));
    expect(res.candidates[0]!.data.extra).toEqual({ 'Column C': 'stray note' });
  });
});
