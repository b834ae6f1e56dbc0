import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { importAdvisories } from './advisories';

const FIX = join(__dirname, '../../test/fixtures/advisories');
const tmp = mkdtempSync(join(tmpdir(), 'wardwalk-adv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A minimal ZIP writer (PKWARE APPNOTE 4.3): stored or deflated entries, optionally lying about sizes. */
function zip(entries: { name: string; data: Uint8Array; deflate?: boolean; declare?: number }[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let off = 0;
  for (const e of entries) {
    const body = e.deflate ? deflateRawSync(e.data) : Buffer.from(e.data);
    const name = Buffer.from(e.name);
    const size = e.declare ?? e.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.deflate ? 8 : 0, 8);
    lh.writeUInt32LE(crc32(e.data), 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    parts.push(lh, name, body);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(e.deflate ? 8 : 0, 10);
    ch.writeUInt32LE(crc32(e.data), 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(off, 42);
    central.push(ch, name);
    off += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(off, 16);
  return Buffer.concat([...parts, cd, eocd]);
}

/** A minimal ustar writer (POSIX.1-1988). */
function tar(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const h = Buffer.alloc(512);
    h.write(e.name, 0, 100);
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(e.data.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, Buffer.from(e.data), Buffer.alloc((512 - (e.data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const fixture = (dir: string, f: string) => readFileSync(join(FIX, dir, f));
const allFiles = readdirSync(join(FIX, 'csaf-icsma')).filter((f) => f.endsWith('.json'));

describe('importAdvisories', () => {
  it('imports folders recursively; the newer revision replaces the older', async () => {
    const r = await importAdvisories([join(FIX, 'csaf-icsma-older-revisions'), join(FIX, 'csaf-icsma')]);
    expect(r.problems).toEqual([]);
    expect(r.documents).toBe(allFiles.length + 2);
    expect(r.advisories.length).toBe(allFiles.length + 1); // ICSMA-24-200-01 rev 1 has no newer revision here
    expect(r.superseded).toEqual([{ trackingId: 'ICSMA-22-244-01', kept: '2', dropped: '1', droppedSource: 'icsma-22-244-01-rev1.json' }]);
    expect(r.advisories.find((a) => a.trackingId === 'ICSMA-22-244-01')?.version).toBe('2');
  });

  it('merges with what is already stored', async () => {
    const first = await importAdvisories([join(FIX, 'csaf-icsma', 'icsma-22-244-01.json')]);
    const again = await importAdvisories([join(FIX, 'csaf-icsma-older-revisions', 'icsma-22-244-01-rev1.json')], first.advisories);
    expect(again.advisories).toHaveLength(1);
    expect(again.advisories[0]!.version).toBe('2');
  });

  it('reads .zip (stored and deflated), .tar, .tar.gz and .json.gz archives', async () => {
    const a = fixture('csaf-icsma', 'icsma-17-017-01.json');
    const b = fixture('csaf-icsma', 'icsma-17-017-02.json');
    const c = fixture('csaf-icsma', 'icsma-20-023-01.json');
    writeFileSync(join(tmp, 'a.zip'), zip([{ name: 'x/icsma-17-017-01.json', data: a }, { name: 'icsma-17-017-02.json', data: b, deflate: true }, { name: 'readme.txt', data: Buffer.from('hi') }]));
    writeFileSync(join(tmp, 'b.tar.gz'), gzipSync(tar([{ name: 'icsma-20-023-01.json', data: c }, { name: 'notes.txt', data: Buffer.from('x') }])));
    writeFileSync(join(tmp, 'c.tar'), tar([{ name: 'dir/icsma-17-017-01.json', data: a }]));
    writeFileSync(join(tmp, 'd.json.gz'), gzipSync(b));
    const r = await importAdvisories([join(tmp, 'a.zip'), join(tmp, 'b.tar.gz'), join(tmp, 'c.tar'), join(tmp, 'd.json.gz')]);
    expect(r.problems).toEqual([]);
    expect(r.documents).toBe(5);
    expect(r.advisories.map((x) => x.trackingId).sort()).toEqual(['ICSMA-17-017-01', 'ICSMA-17-017-02', 'ICSMA-20-023-01']);
    expect(r.advisories.find((x) => x.trackingId === 'ICSMA-17-017-02')!.source).toBe('a.zip:icsma-17-017-02.json');
  });

  it('refuses archive bombs and lying sizes, and reports bad files without stopping', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 0x20); // compresses > 1000×
    writeFileSync(join(tmp, 'bomb.zip'), zip([{ name: 'big.json', data: big, deflate: true }]));
    writeFileSync(join(tmp, 'liar.zip'), zip([{ name: 'l.json', data: Buffer.from('{"a":"' + 'x'.repeat(5000) + '"}'), deflate: true, declare: 10 }]));
    writeFileSync(join(tmp, 'gzbomb.json.gz'), gzipSync(big));
    mkdirSync(join(tmp, 'mixed'));
    writeFileSync(join(tmp, 'mixed', 'broken.json'), '{"document": ');
    writeFileSync(join(tmp, 'mixed', 'other.json'), '{"hello": "world"}');
    writeFileSync(join(tmp, 'mixed', 'ok.json'), fixture('csaf-icsma', 'icsma-17-017-01.json'));
    writeFileSync(join(tmp, 'not-an-archive.zip'), 'PK nonsense');
    const r = await importAdvisories([join(tmp, 'bomb.zip'), join(tmp, 'liar.zip'), join(tmp, 'gzbomb.json.gz'), join(tmp, 'mixed'), join(tmp, 'not-an-archive.zip'), join(tmp, 'missing.json')], [], {
      maxExpandedBytes: 4 * 1024 * 1024,
    });
    expect(r.advisories.map((a) => a.trackingId)).toEqual(['ICSMA-17-017-01']);
    const by = (s: string) => r.problems.find((p) => p.source.endsWith(s))?.error ?? '';
    expect(by('bomb.zip')).toMatch(/zip bomb|expand/);
    expect(by('liar.zip:l.json')).toMatch(/declared size/);
    expect(by('gzbomb.json.gz')).toMatch(/bomb|limit/);
    expect(by('broken.json')).toMatch(/^not JSON/);
    expect(by('other.json')).toMatch(/no 'document'/);
    expect(by('not-an-archive.zip')).toMatch(/not a valid ZIP/);
    expect(by('missing.json')).toMatch(/cannot read/);
  });
});
