import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Frame } from '../../core/capture/frame';
import { CaptureReader, readCapture } from '../../core/capture/reader';
import {
  concatBytes,
  pcapFileHeader,
  pcapRecord,
  pcapngBlock,
  pcapngEnhancedPacket,
  pcapngInterface,
  pcapngSectionHeader,
  pcapngSimplePacket,
} from '../../core/capture/writer';

const FIX = join(import.meta.dirname, '../fixtures/pcaps');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIX, name)));

interface Got {
  ts: number;
  linkType: number;
  bytes: number[];
  origLen: number;
  iface: number;
}
function collect(bytes: Uint8Array, chunk = 65536): { frames: Got[]; stats: ReturnType<typeof readCapture> } {
  const frames: Got[] = [];
  const stats = readCapture(bytes, (f: Frame) => frames.push({ ts: f.ts, linkType: f.linkType, bytes: Array.from(f.data), origLen: f.origLen, iface: f.iface }), chunk);
  return { frames, stats };
}

describe('pcap', () => {
  for (const le of [true, false]) {
    for (const nano of [false, true]) {
      it(`reads ${le ? 'little' : 'big'}-endian ${nano ? 'nano' : 'micro'}second files`, () => {
        const o = { littleEndian: le, nano, linkType: 101 };
        const file = concatBytes([pcapFileHeader(o), pcapRecord(1_700_000_000_123.456, new Uint8Array([1, 2, 3]), o, 60), pcapRecord(1_700_000_001_000, new Uint8Array([4]), o)]);
        const { frames, stats } = collect(file, 5);
        expect(stats.format).toBe('pcap');
        expect(stats.error).toBeUndefined();
        expect(frames).toHaveLength(2);
        expect(frames[0]!.ts).toBeCloseTo(1_700_000_000_123.456, nano ? 5 : 2);
        expect(frames[0]!.bytes).toEqual([1, 2, 3]);
        expect(frames[0]!.origLen).toBe(60);
        expect(frames[0]!.linkType).toBe(101);
        expect(frames[1]!.bytes).toEqual([4]);
      });
    }
  }

  it('matches tshark on the nanosecond fixture (timestamps to the nanosecond, lengths)', () => {
    // oracle: tshark -n -r tcp-handshake-nano.pcap -T fields -e frame.time_epoch -e frame.len
    const { frames } = collect(fixture('tcp-handshake-nano.pcap'));
    expect(frames.map((f) => f.bytes.length)).toEqual([76, 76, 68]);
    expect(frames[0]!.ts).toBeCloseTo(1418145369924.505, 3);
    expect(frames[2]!.ts).toBeCloseTo(1418145370052.115, 3);
  });

  it('stops cleanly on a truncated file, keeping the frames before the cut', () => {
    const whole = fixture('linuxsll-arp.pcap');
    const full = collect(whole).frames;
    expect(full).toHaveLength(12);
    expect(full[0]!.linkType).toBe(113);
    for (const cut of [whole.length - 1, whole.length - 30, 24 + 10]) {
      const { frames, stats } = collect(whole.subarray(0, cut), 7);
      expect(stats.truncated).toBe(true);
      expect(stats.warnings.join(' ')).toMatch(/truncated/);
      expect(frames).toEqual(full.slice(0, frames.length));
      expect(frames.length).toBeLessThan(12);
    }
  });

  it('reports a corrupt record length and keeps the frames before it', () => {
    const o = { linkType: 1 };
    const bad = pcapRecord(0, new Uint8Array(4), o);
    bad[8] = 0xff;
    bad[11] = 0x7f; // incl_len ≈ 2 GB
    const file = concatBytes([pcapFileHeader(o), pcapRecord(1000, new Uint8Array([9]), o), bad, pcapRecord(2000, new Uint8Array([9]), o)]);
    const { frames, stats } = collect(file);
    expect(frames).toHaveLength(1);
    expect(stats.error).toMatch(/corrupt pcap record header at file offset 41/);
  });

  it('refuses a non-capture with a clear message', () => {
    const { stats } = collect(new TextEncoder().encode('this is certainly not a pcap file at all'));
    expect(stats.error).toMatch(/not a pcap/);
    expect(collect(new Uint8Array(0)).stats.error).toMatch(/empty/);
  });
});

describe('pcapng', () => {
  for (const le of [true, false]) {
    it(`reads ${le ? 'little' : 'big'}-endian sections with two interfaces, their own link types and resolutions, SPBs, and skips unknown blocks`, () => {
      const file = concatBytes([
        pcapngSectionHeader(le),
        pcapngInterface(1, le), // µs by default
        pcapngInterface(101, le, 9), // ns
        pcapngBlock(0x0bad, new Uint8Array([1, 2, 3, 4, 5]), le), // unknown
        pcapngEnhancedPacket(0, 1_700_000_000_123_456n, new Uint8Array([0xaa, 0xbb, 0xcc]), le, 64),
        pcapngEnhancedPacket(1, 1_700_000_000_123_456_789n, new Uint8Array([0x45]), le),
        pcapngBlock(5, new Uint8Array(24), le), // interface statistics: skipped
        pcapngSimplePacket(new Uint8Array([7, 7]), le),
        pcapngEnhancedPacket(7, 0n, new Uint8Array([1]), le), // undeclared interface
        // a second section in the other byte order resets the interfaces
        pcapngSectionHeader(!le),
        pcapngInterface(113, !le, 0x80 | 10), // 2^-10 s
        pcapngEnhancedPacket(0, 1024n * 5n, new Uint8Array([1, 2]), !le),
      ]);
      for (const chunk of [1, 13, 65536]) {
        const { frames, stats } = collect(file, chunk);
        expect(stats.format).toBe('pcapng');
        expect(stats.error).toBeUndefined();
        expect(stats.interfaces).toBe(3);
        expect(frames.map((f) => [f.iface, f.linkType, f.bytes.length])).toEqual([
          [0, 1, 3],
          [1, 101, 1],
          [0, 1, 2],
          [0, 113, 2],
        ]);
        expect(frames[0]!.ts).toBeCloseTo(1_700_000_000_123.456, 3);
        expect(frames[0]!.origLen).toBe(64);
        expect(frames[1]!.ts).toBeCloseTo(1_700_000_000_123.457, 3);
        expect(frames[3]!.ts).toBeCloseTo(5000, 6);
        expect(stats.warnings.join(' ')).toMatch(/undeclared pcapng interface 7/);
      }
    });
  }

  it('matches tshark on real pcapng files (frame count, interface ids, timestamps)', () => {
    // oracle: tshark -n -r snap-arp.pcapng -T fields -e frame.time_epoch -e frame.interface_id
    const { frames } = collect(fixture('snap-arp.pcapng'));
    expect(frames.map((f) => f.iface)).toEqual([0, 1, 0, 1]);
    expect(frames[2]!.ts).toBeCloseTo(1355254140390.551, 3);
    expect(collect(fixture('hdlc_slarp.pcapng')).frames).toHaveLength(7);
    expect(collect(fixture('reasm_crash_anon.pcapng')).frames).toHaveLength(209);
    const empty = collect(fixture('empty.pcapng'));
    expect(empty.frames).toHaveLength(0);
    expect(empty.stats.error).toBeUndefined();
  });

  it('stops at a corrupt block length and keeps earlier frames', () => {
    const good = pcapngEnhancedPacket(0, 1n, new Uint8Array([1]));
    const bad = pcapngEnhancedPacket(0, 2n, new Uint8Array([2]));
    bad[4] = 0x11; // length no longer a multiple of 4
    const file = concatBytes([pcapngSectionHeader(), pcapngInterface(1), good, bad, good]);
    const { frames, stats } = collect(file, 3);
    expect(frames).toHaveLength(1);
    expect(stats.error).toMatch(/corrupt pcapng block/);
  });
});

describe('real fixtures: frame counts equal tshark', () => {
  // oracle: tshark -n -r FILE -T fields -e frame.number | wc -l (tshark 4.x, Debian 12)
  const counts: Record<string, number> = {
    '3560_CDP.pcap': 3,
    '802.1ad_QinQ.pcap': 2,
    'LINKTYPE_RAW_ipv4.pcap': 1,
    'arp-leak.pcap': 6,
    'bacnet.pcap': 23,
    'badpackets.pcap': 93,
    'dhcp-fuzz.pcapng': 1,
    'dhcp-option-108.pcapng': 2,
    'empty.pcap': 0,
    'ip_fragmented_garbage.pcap': 1252,
    'netbios.pcap': 261,
    'raw_packets.pcap': 33,
    'ssdp-m-search.pcap': 19,
    'timestamp_invalid_micro.pcap': 3,
    'truncated-aack.pcap': 1,
    'vlan-qinqinq.pcap': 14,
  };
  for (const [name, n] of Object.entries(counts)) {
    it(name, () => {
      const { frames } = collect(fixture(name), 4096);
      expect(frames).toHaveLength(n);
    });
  }

  it('hands the unsupported link type through for the decoder to report', () => {
    const { frames } = collect(fixture('unsupported-link-type-160.pcap'));
    expect(frames[0]!.linkType).toBe(160);
  });

  it('push after end is ignored and the reader keeps no data', () => {
    const r = new CaptureReader(() => undefined);
    r.push(fixture('arp-leak.pcap'));
    const s = r.end();
    r.push(fixture('arp-leak.pcap'));
    expect(s.frames).toBe(6);
  });
});
