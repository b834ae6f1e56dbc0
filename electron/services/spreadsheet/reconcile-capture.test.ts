// A real capture (nDPI's netbios.pcap, LGPL-3.0, see test/fixtures/pcaps/PROVENANCE.md) through the
// discovery engine, paired with a spreadsheet describing some of its devices, reconciled.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { discoverFiles } from '../discovery';
import { readWorkbookBytes } from './read-workbook';
import { workbookBytes } from './test-workbooks';
import { analyseWorkbook, importSheets, selectionFromAnalysis } from '../../../core/inventory/importer';
import { commitPreview, previewImport } from '../../../core/inventory/preview';
import { reconcile } from '../../../core/inventory/reconcile';
import type { AssetId } from '../../../core/model/ids';

const PCAP = fileURLToPath(new URL('../../../test/fixtures/pcaps/netbios.pcap', import.meta.url));

describe('reconciliation of a spreadsheet with a real capture', () => {
  it('fills matched / inventory-not-seen / seen-not-in-inventory right', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['INVENTARIO — PLANTA 4'],
      [],
      ['N° inventario', 'Equipo', 'Marca', 'Dirección MAC', 'IP', 'Nombre de host'],
      ['P4-01', 'Estación de trabajo', 'Dell', '0018.FE6C.BCF7', '', ''],
      ['P4-02', 'Central de monitoreo', 'Philips', 'NO REGISTRA', '', 'gunnar'],
      ['P4-03', 'Grabador', 'Zoll', '', '10.0.4.101', ''],
      ['P4-04', 'Monitor', 'Mindray', '00-11-22-33-44-55', '10.0.9.9', ''],
    ]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Planta 4');
    const raw = readWorkbookBytes(workbookBytes(wb, 'xlsx'), 'p4.xlsx');
    const res = importSheets(raw, analyseWorkbook(raw).map(selectionFromAnalysis));
    let n = 0;
    const assets = commitPreview(previewImport([], res.candidates), { now: 1, newId: () => `a${++n}` as AssetId }).created;
    const tag = new Map(assets.map((a) => [a.id as string, a.assetTag]));

    const { devices } = await discoverFiles([PCAP]);
    expect(devices.length).toBe(5);
    const r = reconcile(assets, devices);
    const byTag = new Map(r.matched.map((m) => [tag.get(m.assetId), m]));
    const dev = (id: string) => devices.find((d) => d.id === id)!;

    expect(byTag.get('P4-01')!.how).toBe('mac');
    expect(dev(byTag.get('P4-01')!.deviceId).mac).toBe('00:18:fe:6c:bc:f7');
    expect(byTag.get('P4-02')!.how).toBe('hostname');
    expect(dev(byTag.get('P4-02')!.deviceId).mac).toBe('00:1c:c4:10:79:0f');
    expect(byTag.get('P4-02')!.reasons[0]).toMatch(/hostname gunnar seen on the wire/);
    expect(byTag.get('P4-03')).toMatchObject({ how: 'ip', needsReview: true });
    expect(dev(byTag.get('P4-03')!.deviceId).ips).toContain('10.0.4.101');

    expect(r.inventoryNotSeen.map((id) => tag.get(id))).toEqual(['P4-04']);
    expect(r.seenNotInInventory.map((id) => dev(id).mac).sort()).toEqual(['00:21:62:b2:5c:43', '00:e0:81:b7:c6:ac']);
  });
});
