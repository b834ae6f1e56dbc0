import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbookBytes, WorkbookRefused, decodeText, sniffFormat } from './read-workbook';
import { englishUsWorkbook, frenchCsvText, germanCsvText, latin1Bytes, spanishHospitalWorkbook, utf8BomBytes, workbookBytes } from './test-workbooks';
import { analyseWorkbook, importSheets, selectionFromAnalysis } from '../../../core/inventory/importer';

function importAll(bytes: Uint8Array, name: string) {
  const wb = readWorkbookBytes(bytes, name);
  const an = analyseWorkbook(wb);
  return { wb, an, res: importSheets(wb, an.filter((a) => a.importable).map(selectionFromAnalysis)) };
}

describe('reading workbooks', () => {
  for (const bookType of ['xlsx', 'xlsm', 'biff8'] as const) {
    it(`reads the Spanish hospital workbook as ${bookType}: sheets, merges, numbers, dates`, () => {
      const { wb, an, res } = importAll(workbookBytes(spanishHospitalWorkbook(), bookType), `h.${bookType === 'biff8' ? 'xls' : bookType}`);
      expect(wb.format).toBe(bookType === 'biff8' ? 'xls' : bookType);
      expect(wb.sheets.map((s) => s.name)).toEqual(['Inventario 2019', 'Bajas', 'Notas']);
      expect(wb.sheets[0]!.merges.length).toBeGreaterThan(5);
      expect(an.map((a) => a.importable)).toEqual([true, true, false]);
      expect(an[0]!.header).toMatchObject({ headerRow: 3, headerRows: 2, dataStart: 5 });
      const byTag = new Map(res.candidates.map((c) => [c.data.assetTag, c]));
      // serials stored as numbers come out as their digits
      expect(byTag.get('HGS-0006')!.data.serial).toBe('123456789012345');
      expect(byTag.get('HGS-0901')!.data.serial).toBe('66723822');
      // a date cell and a text date
      expect(byTag.get('HGS-0003')!.data.installDate).toBe('2013-08-25');
      expect(byTag.get('HGS-0001')!.data.installDate).toBe('2006-11-30');
      expect(byTag.get('HGS-0004')!.data).toMatchObject({ maker: 'Canon Medical Systems', makerOriginal: 'Toshipa' });
      expect(byTag.get('HGS-0002')!.data.ips).toEqual(['10.20.1.16']);
      expect(byTag.get('HGS-0008')!.data.extra.Observaciones).toBe('=HYPERLINK("http://x")');
      expect(res.candidates).toHaveLength(13);
      expect(res.problems.map((p) => `${p.sheet}:${p.row}`)).toEqual(['Inventario 2019:16', 'Inventario 2019:17', 'Inventario 2019:19']);
    });
  }

  it('detects a macro workbook by its VBA part even when named .xlsx (macros are never run or kept)', () => {
    const wb = spanishHospitalWorkbook();
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/VBA/dir', new Uint8Array([1, 2, 3]));
    (wb as { vbaraw?: unknown }).vbaraw = XLSX.CFB.write(cfb, { type: 'buffer' });
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsm', bookVBA: true }) as ArrayBuffer);
    const read = readWorkbookBytes(bytes, 'renamed.xlsx');
    expect(read.format).toBe('xlsm');
    expect(read.sheets).toHaveLength(3);
  });

  it('reads a French CSV with ; separators in Windows-1252', () => {
    const bytes = latin1Bytes(frenchCsvText());
    expect(decodeText(bytes).encoding).toBe('windows-1252');
    const { res } = importAll(bytes, 'inv.csv');
    expect(res.candidates.map((c) => c.data.assetTag)).toEqual(['CHU-1001', 'CHU-1002', 'CHU-1003', 'CHU-1004']);
    const [c1, c2, c3] = res.candidates;
    expect(c1!.data).toMatchObject({ description: 'Pousse-seringue', department: 'Réanimation', serial: '0012345', installDate: '2012-03-12' });
    expect(c2!.data).toMatchObject({ maker: 'Philips', macs: ['00:1a:2b:3c:4d:5f'] });
    expect(c3!.data.macs).toEqual([]);
    expect(c3!.data.original.mac).toBe('n.d.');
  });

  it('reads a German UTF-8 CSV with a BOM', () => {
    const bytes = utf8BomBytes(germanCsvText());
    expect(decodeText(bytes).encoding).toBe('utf-8 (BOM)');
    const { res, an } = importAll(bytes, 'inv.csv');
    expect(an[0]!.mapping.columns[0]!.header).toBe('Inventarnummer');
    expect(res.candidates[0]!.data).toMatchObject({ description: 'Beatmungsgerät', maker: 'Dräger', macs: ['00:30:6e:11:22:33'], installDate: '2010-03-24' });
    expect(res.candidates[2]!.warnings).toContain("installDate: '13.13.2013' is not a date; kept as typed");
  });

  it('guesses month-first dates in a US sheet (old binary .xls)', () => {
    const { res } = importAll(workbookBytes(englishUsWorkbook(), 'biff8'), 'us.xls');
    expect(res.candidates.map((c) => c.data.installDate)).toEqual(['2016-03-15', '2017-04-03', '2019-11-30']);
    expect(res.candidates.map((c) => c.data.status)).toEqual(['in-service', 'out-of-service', 'in-store']);
  });

  it('marks hidden sheets (lookup lists) so they are not imported by default', () => {
    const wb = spanishHospitalWorkbook();
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }] };
    const read = readWorkbookBytes(workbookBytes(wb, 'xlsx'), 'h.xlsx');
    expect(read.sheets.map((s) => s.hidden ?? false)).toEqual([false, true, true]);
  });

  it('reads an HTML table saved as ".xls" (as CMMS exports often are), keeping every value as text', () => {
    const html = XLSX.write(spanishHospitalWorkbook(), { type: 'string', bookType: 'html' }) as string;
    const { wb, res } = importAll(new TextEncoder().encode(html), 'export.xls');
    expect(wb.format).toBe('xls');
    expect(res.candidates.find((c) => c.data.assetTag === 'HGS-0001')!.data.serial).toBe('8003456712');
    // An HTML table holds what Excel displayed: a long serial shown as 1.23457E+14 is flagged, not guessed.
    const ecg = res.candidates.find((c) => c.data.assetTag === 'HGS-0006')!;
    expect(ecg.data.serial).toBe('1.23457E+14');
    expect(ecg.warnings.join(' ')).toMatch(/scientific notation/);
  });

  it('refuses what is not a spreadsheet, and files over the size limit', () => {
    expect(() => readWorkbookBytes(new Uint8Array([0, 1, 2, 0, 5]), 'x.bin')).toThrow(WorkbookRefused);
    expect(() => readWorkbookBytes(new Uint8Array(0), 'x.csv')).toThrow(/empty/);
    expect(() => readWorkbookBytes(new Uint8Array(2048).fill(65), 'x.csv', { limits: { maxFileBytes: 1024 } })).toThrow(/over the 0 MB limit|limit/);
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 3, 4]), 'a.xlsx')).toBe('xlsx');
  });

  it('refuses workbooks with more cells than the limit', () => {
    const ws = XLSX.utils.aoa_to_sheet(Array.from({ length: 100 }, (_, i) => [i, i, i]));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    expect(() => readWorkbookBytes(workbookBytes(wb, 'xlsx'), 'a.xlsx', { limits: { maxCells: 50 } })).toThrow(/more than 50 cells/);
  });
});
