import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InventoryService } from './inventory-service';
import { readWorkbookBytes } from './read-workbook';
import { englishUsWorkbook, frenchCsvText, latin1Bytes, spanishHospitalWorkbook, workbookBytes } from './test-workbooks';
import { selectionFromAnalysis } from '../../../core/inventory/importer';
import { commitPreview } from '../../../core/inventory/preview';
import { makeProfile } from '../../../core/inventory/mapping';
import type { Asset } from '../../../core/model/asset';
import type { AssetId } from '../../../core/model/ids';

let n = 0;
const newId = (): AssetId => `a${++n}` as AssetId;

describe('import → export → import changes nothing', () => {
  const cases: Array<[string, () => Uint8Array, string]> = [
    ['Spanish .xlsx, 2 sheets, two-row header', () => workbookBytes(spanishHospitalWorkbook(), 'xlsx'), 'h.xlsx'],
    ['Spanish old .xls', () => workbookBytes(spanishHospitalWorkbook(), 'biff8'), 'h.xls'],
    ['US dates .xlsx', () => workbookBytes(englishUsWorkbook(), 'xlsx'), 'us.xlsx'],
    ['French ; CSV in Windows-1252', () => latin1Bytes(frenchCsvText()), 'fr.csv'],
  ];
  for (const [label, make, name] of cases) {
    for (const format of ['xlsx', 'csv'] as const) {
      // The first case goes through the worker; the others parse in-process to keep the suite fast.
      const inWorker = label === cases[0]![0] && format === 'xlsx';
      it(`${label} → ${format}${inWorker ? ' (worker)' : ''}`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'ww-rt-'));
        try {
          const svc = new InventoryService(inWorker ? {} : { parseBytes: async (b, f) => readWorkbookBytes(b, f) });
          const src = join(dir, name);
          writeFileSync(src, make());
          const first = await svc.parseFile({ kind: 'path', path: src });
          if (first.cancelled) throw new Error('cancelled');
          const sels = first.sheets.filter((s) => s.importable).map(selectionFromAnalysis);
          const p1 = svc.preview(first.workbookId, sels, []);
          expect(p1.added.length).toBeGreaterThan(2);
          const assets: Asset[] = commitPreview(p1, { now: 1, newId }).created;
          // Network facts are exported too, in columns a re-import ignores.
          const network = Object.fromEntries(assets.map((a) => [a.id, { ips: ['10.99.0.1'], os: '=cmd', lastSeen: 1_700_000_000_000, confirmedRoom: '@room' }]));
          const layout = svc.buildCandidates(first.workbookId, sels).layouts[0]!.columns;
          const out = join(dir, `export.${format}`);
          const e = await svc.export({ assets, layout, network, format, path: out });
          expect(e).toMatchObject({ saved: true, rows: assets.length });

          // Re-import the export: with a profile saved from the first import when the shape is the same.
          const profile = makeProfile('p', 'first', first.sheets[0]!.header.headers, sels[0]!.columns, 1);
          const second = await svc.parseFile({ kind: 'path', path: out }, { profiles: [profile] });
          if (second.cancelled) throw new Error('cancelled');
          expect(second.sheets).toHaveLength(1);
          const sheet = second.sheets[0]!;
          expect(sheet.mapping.columns.filter((c) => c.ignore).map((c) => c.header)).toEqual(['Wardwalk: network IPs', 'Wardwalk: OS', 'Wardwalk: last seen', 'Wardwalk: confirmed room']);
          const p2 = svc.preview(second.workbookId, [selectionFromAnalysis(sheet)], assets);
          expect(p2.problems).toEqual([]);
          expect(p2.added).toEqual([]);
          expect(p2.changed.map((c) => [c.candidate.data.assetTag, c.changes])).toEqual([]);
          expect(p2.unchanged).toHaveLength(assets.length);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  }
});
