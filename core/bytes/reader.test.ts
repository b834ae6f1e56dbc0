import { describe, expect, it } from 'vitest';
import { ByteReader, asciiAt, hexAt, u16At, u32At, utf8At } from './reader';
import { ipv4ToString, ipv6ToString } from './ip';

describe('ByteReader', () => {
  it('reads big- and little-endian integers and flags a short read instead of throwing', () => {
    const r = new ByteReader(new Uint8Array([0x01, 0x02, 0x03, 0x04, 0xff, 0xfe, 0xfd, 0xfc, 0x41]));
    expect(r.u16()).toBe(0x0102);
    expect(r.u16le()).toBe(0x0403);
    expect(r.u32()).toBe(0xfffefdfc);
    expect(r.failed).toBe(false);
    expect(r.u16()).toBeUndefined();
    expect(r.failed).toBe(true);
    expect(r.pos).toBe(8); // a failed read does not move the cursor
    expect(r.u8()).toBe(0x41);
    expect(r.remaining).toBe(0);
  });

  it('reads u32le and u24 and respects a sub-range', () => {
    const b = new Uint8Array([9, 0x78, 0x56, 0x34, 0x12, 0xaa, 0xbb, 0xcc, 9]);
    const r = new ByteReader(b, 1, 8);
    expect(r.u32le()).toBe(0x12345678);
    expect(r.u24()).toBe(0xaabbcc);
    expect(r.u8()).toBeUndefined(); // byte 8 is outside the range
  });

  it('bounds text by length and by max, and never reads past the end', () => {
    const b = Uint8Array.from([0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f, 1, 0x77, 0x6f, 0x72, 0x6c, 0x64]); // 'héllo\x01world'
    const r = new ByteReader(b);
    expect(r.utf8(6)).toBe('héllo');
    expect(r.ascii(6, 3)).toBe('.wo');
    expect(r.pos).toBe(12);
    expect(r.ascii(10)).toBeUndefined();
    expect(r.failed).toBe(true);
    expect(asciiAt(b, 8, 100)).toBe('orld');
    expect(hexAt(b, 0, 2)).toBe('68c3');
  });

  it('decodes UTF-8 with replacement for bad sequences', () => {
    expect(utf8At(Uint8Array.from([0xf0, 0x9f, 0x98, 0x80, 0x41]), 0, 5)).toBe('\u{1F600}A');
    expect(utf8At(Uint8Array.from([0xc3, 0x41, 0xff, 0xe2, 0x82]), 0, 5)).toBe('\ufffdA\ufffd\ufffd');
    expect(utf8At(Uint8Array.from([0xc0, 0x80]), 0, 2)).toBe('\ufffd\ufffd'); // overlong NUL
    expect(utf8At(Uint8Array.from([0x41, 0x42, 0x43]), 0, 3, 2)).toBe('AB');
  });

  it('slices, sub-readers and seeks within bounds only', () => {
    const r = new ByteReader(new Uint8Array([1, 2, 3, 4, 5]));
    const s = r.sub(3)!;
    expect(s.u8()).toBe(1);
    expect(s.slice(5)).toBeUndefined();
    expect(Array.from(s.slice(2)!)).toEqual([2, 3]);
    expect(r.seek(6)).toBe(false);
    expect(r.seek(1)).toBe(true);
    expect(Array.from(r.rest())).toEqual([2, 3, 4, 5]);
    expect(r.peek()).toBeUndefined();
    expect(r.skip(-1)).toBe(false);
    expect(new ByteReader(new Uint8Array(2), 5, 1).remaining).toBe(0);
  });

  it('standalone helpers return -1 out of range', () => {
    const b = new Uint8Array([0x80, 0, 0, 1]);
    expect(u16At(b, 2)).toBe(1);
    expect(u16At(b, 3)).toBe(-1);
    expect(u32At(b, 0)).toBe(0x80000001);
    expect(u32At(b, 1)).toBe(-1);
  });
});

describe('ip text', () => {
  const v6 = (hex: string) => ipv6ToString(Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16))));
  it('formats IPv4 and refuses short input', () => {
    expect(ipv4ToString(new Uint8Array([0, 192, 168, 1, 20]), 1)).toBe('192.168.1.20');
    expect(ipv4ToString(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
  it('formats IPv6 per RFC 5952', () => {
    expect(v6('20010db8000000000000000000000001')).toBe('2001:db8::1');
    expect(v6('fe800000000000000211223344556677')).toBe('fe80::211:2233:4455:6677');
    expect(v6('00000000000000000000000000000000')).toBe('::');
    expect(v6('00000000000000000000000000000001')).toBe('::1');
    // only one zero group: not compressed (§4.2.2)
    expect(v6('20010db8000000010001000100010001')).toBe('2001:db8:0:1:1:1:1:1');
    // two equal runs: the first one is compressed (§4.2.3)
    expect(v6('20010db8000000000001000000000001')).toBe('2001:db8::1:0:0:1');
    // the longest run wins
    expect(v6('20010000000000010000000000000001')).toBe('2001:0:0:1::1');
    expect(v6('ff020000000000000000000000000001')).toBe('ff02::1');
    expect(v6('00000000000000000000ffffc0000280')).toBe('::ffff:192.0.2.128');
    expect(ipv6ToString(new Uint8Array(15))).toBeUndefined();
  });
});
