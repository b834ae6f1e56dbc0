import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { readCentralDirectory, verifyDeclaredSizes, ZipRefused } from './zip-guard';
import { readWorkbookBytes, WorkbookRefused } from './read-workbook';
import { parseWorkbookBytes } from './parse';
import { bigWorkbook, spanishHospitalWorkbook, workbookBytes } from './test-workbooks';

interface Entry {
  name: string;
  data: Uint8Array;
  /** Lie about the uncompressed size in both headers. */
  declared?: number;
}

/** A minimal ZIP writer (PKWARE APPNOTE 4.3.7 local header, 4.3.12 central directory, 4.3.16 EOCD). */
function makeZip(entries: Entry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const comp = deflateRawSync(e.data);
    const size = e.declared ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    parts.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, eocd]));
}

const zeros = (n: number): Uint8Array => new Uint8Array(n);

describe('zip-bomb defences', () => {
  it('passes real workbooks, including a large generated one', () => {
    for (const bytes of [workbookBytes(spanishHospitalWorkbook(), 'xlsx'), workbookBytes(bigWorkbook(5000), 'xlsx')]) {
      const entries = readCentralDirectory(bytes);
      expect(entries.some((e) => e.name === 'xl/workbook.xml')).toBe(true);
      expect(() => verifyDeclaredSizes(bytes, entries)).not.toThrow();
    }
  });

  it('refuses an entry that expands more than 100× before inflating anything', () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(20 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(() => readCentralDirectory(bomb)).toThrow(/expands \d+× .*zip bomb/);
    expect(() => readWorkbookBytes(bomb, 'bomb.xlsx')).toThrow(WorkbookRefused);
  });

  it('refuses archives that declare too much in total or too many entries', () => {
    const many = makeZip(Array.from({ length: 30 }, (_, i) => ({ name: `p${i}.xml`, data: new Uint8Array([i]) })));
    expect(() => readCentralDirectory(many, { maxEntries: 20, maxTotalUncompressed: 1e9, maxRatio: 100, ratioGraceBytes: 1e5, maxEntryUncompressed: 1e9 })).toThrow(/30 parts/);
    const big = makeZip([{ name: 'a.xml', data: zeros(10) , declared: 3_000_000_000 }]);
    expect(() => readCentralDirectory(big)).toThrow(ZipRefused);
  });

  it('refuses an archive that lies about its sizes (expands beyond what it declares)', () => {
    // 8 MB of zeros declared as 64 KB: the ratio check passes (below the grace size), the inflate cap does not.
    const liar = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(8 * 1024 * 1024), declared: 64 * 1024 }]);
    const entries = readCentralDirectory(liar);
    expect(() => verifyDeclaredSizes(liar, entries)).toThrow(/expands beyond its declared/);
  });

  it('refuses a bomb through the worker too, with a clear message', async () => {
    const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(20 * 1024 * 1024) }]);
    await expect(parseWorkbookBytes(bomb, 'bomb.xlsx')).rejects.toMatchObject({ name: 'WorkbookRefused', message: expect.stringMatching(/zip bomb/) });
  });

  it('refuses a damaged archive without throwing anything but a refusal', () => {
    const good = workbookBytes(spanishHospitalWorkbook(), 'xlsx');
    for (const cut of [10, 100, good.length - 10]) {
      const damaged = good.slice(0, cut);
      expect(() => readWorkbookBytes(damaged, 'cut.xlsx')).toThrow(WorkbookRefused);
    }
  });
});
