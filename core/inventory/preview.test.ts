import { describe, expect, it } from 'vitest';
import type { Asset } from '../model/asset';
import type { AssetId } from '../model/ids';
import type { RawSheet, RawWorkbook } from './types';
import { analyseWorkbook, importSheets, selectionFromAnalysis } from './importer';
import { commitPreview, previewImport } from './preview';
import { exportRows } from './export';

const sheet = (rows: RawSheet['rows']): RawWorkbook => ({ fileName: 't.csv', format: 'csv', date1904: false, sheets: [{ name: 'S', rows, merges: [] }] });
const HEAD = ['Asset tag', 'Serial', 'Maker', 'Model', 'Room', 'MAC', 'Install date', 'Notes'];

function candidates(book: RawWorkbook) {
  const sel = analyseWorkbook(book).map(selectionFromAnalysis);
  return { ...importSheets(book, sel), sel };
}

let n = 0;
const ids = (): AssetId => `asset_${++n}` as AssetId;

describe('preview and commit', () => {
  const v1 = sheet([
    HEAD,
    ['T-1', 'S-1', 'GE', 'B650', 'ICU-1', '00:11:22:33:44:01', '01/02/2015', 'ok'],
    ['T-2', 'S-2', 'Phillips', 'MX450', 'ICU-2', '', '', ''],
    ['', 'S-3', 'Mindray', 'N12', 'ED-1', '', '', 'no tag'],
    ['', '', 'Zoll', 'R Series', 'ED-2', '', '', 'no tag, no serial'],
  ]);

  it('shows everything as new on the first import, then as unchanged when the same sheet comes again', () => {
    const r1 = candidates(v1);
    const p1 = previewImport([], r1.candidates, r1.problems);
    expect(p1.added).toHaveLength(4);
    const { created } = commitPreview(p1, { now: 1, newId: ids });
    expect(created.every((a) => a.version === 1)).toBe(true);
    const p2 = previewImport(created, candidates(v1).candidates);
    expect(p2.added).toHaveLength(0);
    expect(p2.changed).toHaveLength(0);
    expect(p2.unchanged.map((u) => u.matchedBy)).toEqual(['assetTag', 'assetTag', 'serial', 'content']);
  });

  it('lists field-level changes of an updated sheet, matches by tag then serial, never erases with a blank', () => {
    const existing = commitPreview(previewImport([], candidates(v1).candidates), { now: 1, newId: ids }).created;
    const v2 = sheet([
      HEAD,
      ['T-1', 'S-1', 'GE', 'B650', 'ICU-9', '00:11:22:33:44:01', '01/02/2015', 'moved'],
      ['T-2', 'S-2', 'Philips', 'MX450', '', '00-11-22-33-44-02', '', ''],
      ['T-3', 'S-3', 'Mindray', 'N12', 'ED-1', '', '', 'no tag'],
      ['T-4', 'S-4', 'Baxter', 'Sigma', 'ICU-4', '', '', ''],
    ]);
    const p = previewImport(existing, candidates(v2).candidates);
    expect(p.added.map((c) => c.data.assetTag)).toEqual(['T-4']);
    const byTag = new Map(p.changed.map((c) => [c.candidate.data.assetTag, c]));
    expect(byTag.get('T-1')!.changes).toEqual([
      { field: 'room', before: 'ICU-1', after: 'ICU-9' },
      { field: 'extra:Notes', before: 'ok', after: 'moved' },
    ]);
    // 'Phillips' → 'Philips' keeps the same canonical maker; only the typed name changes.
    expect(byTag.get('T-2')!.changes).toEqual([
      { field: 'makerOriginal', before: 'Phillips', after: 'Philips' },
      { field: 'macs', before: '', after: '00:11:22:33:44:02' },
    ]);
    expect(byTag.get('T-3')!.matchedBy).toBe('serial');
    expect(byTag.get('T-3')!.changes).toEqual([{ field: 'assetTag', after: 'T-3' }]);

    const { updated, created } = commitPreview(p, { now: 2, newId: ids });
    expect(created).toHaveLength(1);
    const t2 = updated.find((a) => a.assetTag === 'T-2')!;
    expect(t2.version).toBe(2);
    expect(t2.room).toBe('ICU-2'); // blank cell did not erase
    // Re-importing v2 over the committed result is idempotent.
    const after = [...existing.filter((a) => !updated.some((u) => u.id === a.id)), ...updated, ...created];
    const again = previewImport(after, candidates(v2).candidates);
    expect(again.added).toHaveLength(0);
    expect(again.changed).toHaveLength(0);
    expect(again.unchanged).toHaveLength(4);
  });

  it('turns two rows matching one asset into a problem', () => {
    const existing = commitPreview(previewImport([], candidates(v1).candidates), { now: 1, newId: ids }).created;
    const v3 = sheet([HEAD, ['', 'S-1', 'GE', 'B650', '', '', '', ''], ['T-1', '', 'GE', 'B650', '', '', '', '']]);
    const p = previewImport(existing, candidates(v3).candidates);
    expect(p.problems.map((x) => x.reason)).toEqual(['matches the same existing asset as S row 2']);
  });
});

describe('export rows', () => {
  it('writes the user\'s layout and original text back, adds network columns, escapes formulas', () => {
    const book = sheet([
      HEAD,
      ['T-1', 12345678901, 'Toshipa', 'Aquilion', 'TAC-1', '00-1B-44-11-3A-B7', '30/11/2006', '=HYPERLINK("http://x")'],
      ['T-2', 'N/A', 'GE', 'B650', '-', '', { excelDate: 40241 }, '@evil'],
    ]);
    const r = candidates(book);
    const assets: Asset[] = commitPreview(previewImport([], r.candidates), { now: 1, newId: ids }).created;
    const rows = exportRows(assets, {
      layout: r.layouts[0]!.columns,
      network: (a) => (a.assetTag === 'T-1' ? { ips: ['10.0.0.9'], os: '-Windows 7', lastSeen: Date.UTC(2024, 0, 2, 3, 4), confirmedRoom: 'TAC-2' } : undefined),
    });
    expect(rows[0]).toEqual([...HEAD, 'Wardwalk: network IPs', 'Wardwalk: OS', 'Wardwalk: last seen', 'Wardwalk: confirmed room']);
    expect(rows[1]).toEqual(['T-1', '12345678901', 'Toshipa', 'Aquilion', 'TAC-1', '00-1B-44-11-3A-B7', '30/11/2006', `'=HYPERLINK("http://x")`, '10.0.0.9', "'-Windows 7", '2024-01-02 03:04 UTC', 'TAC-2']);
    expect(rows[2]).toEqual(['T-2', 'N/A', 'GE', 'B650', "'-", '', '2010-03-04', "'@evil", '', '', '', '']);
  });

  it('writes the normalised value when the asset changed since the import', () => {
    const r = candidates(sheet([HEAD, ['T-1', 'S-1', 'GE', 'B650', 'ICU-1', '00-1B-44-11-3A-B7', '30/11/2006', '']]));
    const [a] = commitPreview(previewImport([], r.candidates), { now: 1, newId: ids }).created;
    const moved: Asset = { ...a!, room: 'ICU-7', macs: [...a!.macs, '00:1b:44:11:3a:b8' as Asset['macs'][number]], installDate: '2007-01-01' };
    const rows = exportRows([moved], { layout: r.layouts[0]!.columns });
    expect(rows[1]!.slice(4, 7)).toEqual(['ICU-7', '00:1b:44:11:3a:b7, 00:1b:44:11:3a:b8', '2007-01-01']);
  });
});
