import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './inventory';
import type { CliIo } from './io';
import { spanishHospitalWorkbook, workbookBytes } from '../services/spreadsheet/test-workbooks';

function bufferIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    stderrIsTty: false,
    writeFile: async () => {},
    openOut: () => ({ write: async (s: string) => void out.push(s), close: async () => {} }),
  };
}

describe('wardwalk inventory', () => {
  it('prints assets with extra fields and problem rows as JSON, and reuses a saved mapping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-cli-'));
    try {
      const file = join(dir, 'inventario.xls');
      writeFileSync(file, workbookBytes(spanishHospitalWorkbook(), 'biff8'));
      const profilePath = join(dir, 'profile.json');
      const io = bufferIo();
      expect(await run([file, '--json', '--save-mapping', profilePath], io)).toBe(0);
      const res = JSON.parse(io.out.join('')) as {
        format: string;
        assets: Array<Record<string, unknown> & { extra: Record<string, string> }>;
        problems: Array<{ sheet: string; row: number; reason: string }>;
        sheets: Array<{ name: string; imported: boolean }>;
      };
      expect(res.format).toBe('xls');
      expect(res.sheets.map((s) => [s.name, s.imported])).toEqual([['Inventario 2019', true], ['Bajas', true], ['Notas', false]]);
      expect(res.assets).toHaveLength(13);
      const ecg = res.assets.find((a) => a.assetTag === 'HGS-0006')!;
      expect(ecg).toMatchObject({ sheet: 'Inventario 2019', row: 11, serial: '123456789012345', maker: 'GE Healthcare', makerOriginal: 'GE', installDate: '2010-03-24' });
      expect(res.assets.find((a) => a.assetTag === 'HGS-0001')!.extra).toEqual({ Observaciones: 'Préstamo de quirófano' });
      expect(res.problems.map((p) => `${p.sheet}:${p.row}`)).toEqual(['Inventario 2019:16', 'Inventario 2019:17', 'Inventario 2019:19']);

      // Edit the saved profile (Observaciones → hostname, just to see it applied) and use it.
      const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as { columns: Array<{ headerKey: string; field: string | null }> };
      profile.columns.find((c) => c.headerKey === 'observaciones')!.field = 'hostname';
      writeFileSync(profilePath, JSON.stringify(profile));
      const io2 = bufferIo();
      expect(await run(['inventory', file, '--json', '--mapping', profilePath, '--sheet', 'Inventario 2019'], io2)).toBe(0);
      const res2 = JSON.parse(io2.out.join('')) as typeof res;
      expect(res2.assets).toHaveLength(10);
      expect(res2.assets.find((a) => a.assetTag === 'HGS-0001')).toMatchObject({ hostname: 'Préstamo de quirófano', extra: {} });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains usage errors, missing files and refusals with an exit code', async () => {
    const io = bufferIo();
    expect(await run([], io)).toBe(2);
    expect(io.err.join('')).toMatch(/no workbook given/);
    const io2 = bufferIo();
    expect(await run(['/nonexistent/x.xlsx'], io2)).toBe(1);
    expect(io2.err.join('')).toMatch(/no such file/);
    const dir = mkdtempSync(join(tmpdir(), 'ww-cli-'));
    try {
      const f = join(dir, 'big.csv');
      writeFileSync(f, 'a,b\n'.repeat(400_000));
      const io3 = bufferIo();
      expect(await run([f, '--max-mb', '1'], io3)).toBe(1);
      expect(io3.err.join('')).toMatch(/refused: the file is .* over the 1 MB limit/);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ columns: [{ headerKey: 'x', field: 'nonsense' }] }));
      const io4 = bufferIo();
      expect(await run([f, '--mapping', bad], io4)).toBe(1);
      expect(io4.err.join('')).toMatch(/unknown field 'nonsense'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
