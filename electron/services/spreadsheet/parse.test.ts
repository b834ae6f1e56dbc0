import { describe, expect, it } from 'vitest';
import { parseWorkbookBytes, ParseCancelled } from './parse';
import type { ParseProgress } from './parse';
import { readWorkbookBytes } from './read-workbook';
import { bigWorkbook, pollutionWorkbook, spanishHospitalWorkbook, workbookBytes } from './test-workbooks';
import { analyseWorkbook, importSheets, selectionFromAnalysis } from '../../../core/inventory/importer';
import { commitPreview, previewImport } from '../../../core/inventory/preview';
import { exportRows } from '../../../core/inventory/export';
import type { AssetId } from '../../../core/model/ids';
import { rowsToCsv, rowsToXlsx } from './write-workbook';

describe('parsing in a worker', () => {
  it('parses off the calling thread and reports progress', async () => {
    const seen: ParseProgress[] = [];
    const wb = await parseWorkbookBytes(workbookBytes(spanishHospitalWorkbook(), 'xlsx'), 'h.xlsx', { onProgress: (p) => seen.push(p) });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Inventario 2019', 'Bajas', 'Notas']);
    expect(seen.map((p) => p.stage)).toEqual(expect.arrayContaining(['checking', 'parsing', 'converting', 'done']));
    expect(seen.at(-1)).toEqual({ stage: 'done', fraction: 1 });
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('stops at the timeout with a clear message', async () => {
    const bytes = workbookBytes(bigWorkbook(3000), 'xlsx');
    await expect(parseWorkbookBytes(bytes, 'big.xlsx', { timeoutMs: 50 })).rejects.toThrow(/took longer than/);
  });

  it('can be cancelled', async () => {
    const bytes = workbookBytes(bigWorkbook(3000), 'xlsx');
    const ac = new AbortController();
    const p = parseWorkbookBytes(bytes, 'big.xlsx', { signal: ac.signal });
    setTimeout(() => ac.abort(), 5);
    await expect(p).rejects.toBeInstanceOf(ParseCancelled);
    const pre = new AbortController();
    pre.abort();
    await expect(parseWorkbookBytes(bytes, 'big.xlsx', { signal: pre.signal })).rejects.toBeInstanceOf(ParseCancelled);
  });
});

describe('prototype pollution', () => {
  function protoSnapshot(): string[] {
    return [Object.prototype, Array.prototype, Function.prototype].flatMap((p) => Object.getOwnPropertyNames(p).sort());
  }

  it('a workbook with sheets and headers named __proto__ / constructor / prototype pollutes nothing', async () => {
    const before = protoSnapshot();
    const bytes = workbookBytes(pollutionWorkbook(), 'xlsx');
    for (const wb of [readWorkbookBytes(bytes, 'p.xlsx'), await parseWorkbookBytes(bytes, 'p.xlsx'), readWorkbookBytes(workbookBytes(pollutionWorkbook(), 'biff8'), 'p.xls')]) {
      expect(wb.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor', 'prototype']);
      for (const s of wb.sheets) expect(s.rows).toHaveLength(3); // the __proto__ sheet's data is read, not lost
      const an = analyseWorkbook(wb);
      const res = importSheets(wb, an.map(selectionFromAnalysis));
      expect(res.candidates.map((c) => c.data.assetTag)).toEqual(['P-1', 'P-2']); // the other sheets repeat the tags
      const extra = res.candidates[0]!.data.extra;
      expect(Object.prototype.hasOwnProperty.call(extra, '__proto__')).toBe(true);
      expect(extra['__proto__']).toBe('{"polluted":true}');
      expect(extra['constructor']).toBe('polluted');
      const assets = commitPreview(previewImport([], res.candidates, res.problems), { now: 1, newId: () => 'a' as AssetId }).created;
      const rows = exportRows(assets, { layout: res.layouts[0]!.columns });
      expect(rows[1]).toContain('{"polluted":true}');
      rowsToXlsx(rows, '__proto__');
      rowsToCsv(rows);
    }
    expect(protoSnapshot()).toEqual(before);
    const probe: Record<string, unknown> = {};
    expect(probe['polluted']).toBeUndefined();
    expect(typeof probe.toString).toBe('function');
    expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
    expect(({}).constructor).toBe(Object);
  });
});
