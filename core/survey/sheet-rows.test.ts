import { describe, expect, it } from 'vitest';
import { mapAssetRows, mapRoomRows } from './sheet-rows';
import { typeIdFor } from './types';

describe('room list rows', () => {
  it('finds the header below title rows and maps columns by name', () => {
    const rows = [
      ['St Mary — Ward 3B room list', '', ''],
      [],
      ['Nº Sala', 'Nombre', 'Servicio', 'Tipo'],
      ['3.01', 'Bay 1', 'Cardiology', 'Bay'],
      ['3.02', '', 'Cardiology', ''],
      ['', 'Stray note', '', ''],
      ['3.01', 'dup', '', ''],
    ];
    const r = mapRoomRows(rows);
    expect(r.headerRow).toBe(2);
    expect(r.items).toEqual([
      { number: '3.01', name: 'Bay 1', department: 'Cardiology', type: 'Bay', row: 4 },
      { number: '3.02', department: 'Cardiology', row: 5 },
    ]);
    expect(r.problems).toHaveLength(2);
  });

  it('reports a sheet without a room column', () => {
    expect(mapRoomRows([['Foo', 'Bar'], ['1', '2']]).problems[0]).toMatch(/No header row/);
  });

  it('maps asset rows by tag or serial', () => {
    const r = mapAssetRows([
      ['Asset tag', 'Serial number', 'Type', 'Manufacturer', 'Model', 'Room'],
      ['BME-1', 'S1', 'Infusion pump', 'BD', 'Alaris 8015', '3.01'],
      ['', 'S2', 'Patient monitor', '', '', '3.02'],
      ['', '', 'orphan', '', '', ''],
    ]);
    expect(r.items).toEqual([
      { assetTag: 'BME-1', serial: 'S1', type: 'Infusion pump', maker: 'BD', model: 'Alaris 8015', room: '3.01', row: 2 },
      { serial: 'S2', type: 'Patient monitor', room: '3.02', row: 3 },
    ]);
    expect(r.problems).toEqual(['Row 4: neither asset tag nor serial, left out.']);
  });

  it('maps typed types to taxonomy ids', () => {
    expect(typeIdFor('Infusion pump')).toBe('infusion-pump');
    expect(typeIdFor('PUMP')).toBe('infusion-pump');
    expect(typeIdFor('patient-monitor')).toBe('patient-monitor');
    expect(typeIdFor('Ultrasound cart')).toBe('ultrasound');
    expect(typeIdFor('Toaster')).toBeUndefined();
  });
});
