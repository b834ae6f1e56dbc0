import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InventoryService } from './inventory-service';
import type { ServiceProgress } from './inventory-service';
import { readWorkbookBytes } from './read-workbook';
import { bigWorkbook, spanishHospitalWorkbook, workbookBytes } from './test-workbooks';
import { inventoryChannels, inventoryEvents } from '../../../core/ipc/inventory';
import { selectionFromAnalysis } from '../../../core/inventory/importer';
import { commitPreview } from '../../../core/inventory/preview';
import type { AssetId } from '../../../core/model/ids';

describe('inventory service: the wizard steps', () => {
  it('parse → pick sheet and header row → suggest → edit mapping → preview → export, every result matching its IPC schema', async () => {
    const progress: ServiceProgress[] = [];
    const svc = new InventoryService({ onProgress: (p) => progress.push(p), parseBytes: async (b, f) => readWorkbookBytes(b, f) });
    const parsed = await svc.parseFile({ kind: 'bytes', fileName: 'h.xlsx', bytes: workbookBytes(spanishHospitalWorkbook(), 'xlsx') }, { jobId: 'j1' });
    inventoryChannels['inventory:parse-file'].result.parse(parsed);
    for (const p of progress) inventoryEvents['inventory:parse-progressed'].payload.parse(p);
    expect(progress.at(-1)).toMatchObject({ jobId: 'j1', stage: 'done' });
    if (parsed.cancelled) throw new Error('cancelled');

    // The person picks a wrong header row first, then the right one.
    const wrong = svc.analyseSheet(parsed.workbookId, 'Inventario 2019', { headerRow: 0 });
    expect(wrong.header.headers[0]).toBe('HOSPITAL GENERAL SAN ISIDRO — INVENTARIO DE EQUIPOS BIOMÉDICOS');
    const right = inventoryChannels['inventory:analyse-sheet'].result.parse(svc.analyseSheet(parsed.workbookId, 'Inventario 2019', { headerRow: 3, headerRows: 2 }));
    expect(right.mapping.columns[8]!.field).toBe('room');

    // The person unmaps the risk column (kept as an extra field then).
    const sel = selectionFromAnalysis(svc.analyseSheet(parsed.workbookId, 'Inventario 2019', { headerRow: 3, headerRows: 2 }));
    sel.columns[13]!.field = null;
    const built = inventoryChannels['inventory:build-candidates'].result.parse(svc.buildCandidates(parsed.workbookId, [sel]));
    expect(built.candidates[0]!.data.extra['Riesgo']).toBe('Alto');
    const preview = svc.preview(parsed.workbookId, [sel], []);
    inventoryChannels['inventory:preview'].result.parse(preview);
    const assets = commitPreview(preview, { now: 1, newId: (() => { let i = 0; return () => `a${++i}` as AssetId; })() }).created;
    expect(assets).toHaveLength(10);

    const dir = mkdtempSync(join(tmpdir(), 'ww-svc-'));
    try {
      const exported = await new InventoryService({ pickSavePath: async (name) => join(dir, name) }).export({ assets, layout: built.layouts[0]!.columns, format: 'csv', suggestedName: 'inv.csv' });
      inventoryChannels['inventory:export'].result.parse(exported);
      expect(exported).toMatchObject({ saved: true, rows: 10 });
      const text = readFileSync(join(dir, 'inv.csv'), 'utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
      const none = await new InventoryService({ pickSavePath: async () => undefined }).export({ assets, format: 'xlsx' });
      expect(none.saved).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(svc.close(parsed.workbookId)).toEqual({ closed: true });
    expect(() => svc.analyseSheet(parsed.workbookId, 'Bajas')).toThrow(/no longer open/);
  });

  it('cancels a running parse by job id', async () => {
    const svc = new InventoryService();
    const p = svc.parseFile({ kind: 'bytes', fileName: 'big.xlsx', bytes: workbookBytes(bigWorkbook(3000), 'xlsx') }, { jobId: 'big' });
    await new Promise((r) => setTimeout(r, 5));
    expect(svc.cancel('big')).toEqual({ cancelled: true });
    await expect(p).resolves.toEqual({ cancelled: true });
    expect(svc.cancel('big')).toEqual({ cancelled: false });
  });

  it('validates renderer arguments: bytes, not paths; sane sizes', () => {
    const args = inventoryChannels['inventory:parse-file'].args;
    expect(args.safeParse({ source: { kind: 'bytes', fileName: 'a.xlsx', bytes: new Uint8Array(3) } }).success).toBe(true);
    expect(args.safeParse({ source: { kind: 'path', path: '/etc/passwd' } }).success).toBe(false);
    expect(inventoryChannels['inventory:build-candidates'].args.safeParse({ workbookId: 'w', selections: [{ sheet: 's', headerRow: 0, headerRows: 3, columns: [] }] }).success).toBe(false);
  });
});

describe('inventory handlers', () => {
  it('answer each channel with a value its schema accepts, and stream progress events', async () => {
    const { inventoryHandlers } = await import('./inventory-handlers');
    const svc = new InventoryService({ parseBytes: async (b, f) => readWorkbookBytes(b, f) });
    const h = inventoryHandlers(svc);
    const events: unknown[] = [];
    const ctx = { emit: (_e: 'inventory:parse-progressed', p: unknown) => void events.push(inventoryEvents['inventory:parse-progressed'].payload.parse(p)) };
    const call = async <C extends keyof typeof inventoryChannels>(c: C, raw: unknown): Promise<unknown> => {
      const args = inventoryChannels[c].args.parse(raw);
      const fn = h[c] as (a: unknown, x?: unknown) => unknown;
      return inventoryChannels[c].result.parse(await fn(args, ctx));
    };
    const parsed = (await call('inventory:parse-file', { source: { kind: 'bytes', fileName: 'h.xls', bytes: workbookBytes(spanishHospitalWorkbook(), 'biff8') }, jobId: 'j' })) as {
      workbookId: string;
      sheets: Array<{ name: string; importable: boolean }>;
    };
    expect(events.length).toBeGreaterThan(0);
    const a = (await call('inventory:analyse-sheet', { workbookId: parsed.workbookId, sheet: 'Bajas' })) as Parameters<typeof selectionFromAnalysis>[0];
    const selections = [selectionFromAnalysis(a)];
    const built = (await call('inventory:build-candidates', { workbookId: parsed.workbookId, selections })) as { candidates: unknown[] };
    expect(built.candidates).toHaveLength(3);
    const preview = (await call('inventory:preview', { workbookId: parsed.workbookId, selections, existing: [] })) as { added: unknown[] };
    expect(preview.added).toHaveLength(3);
    expect(await call('inventory:cancel', { jobId: 'nope' })).toEqual({ cancelled: false });
    expect(await call('inventory:export', { assets: [], format: 'csv' })).toEqual({ saved: false, rows: 0 });
    expect(await call('inventory:close', { workbookId: parsed.workbookId })).toEqual({ closed: true });
  });
});
