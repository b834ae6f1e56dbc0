// Writers for pcap and pcapng, used to build synthetic captures for tests and benchmarks (and to
// export frames). Pure: they return bytes; the caller decides where they go.

export interface PcapWriteOptions {
  linkType?: number;
  nano?: boolean;
  littleEndian?: boolean;
  snapLen?: number;
}

function w32(b: Uint8Array, o: number, v: number, le: boolean): void {
  if (le) {
    b[o] = v & 255;
    b[o + 1] = (v >>> 8) & 255;
    b[o + 2] = (v >>> 16) & 255;
    b[o + 3] = (v >>> 24) & 255;
  } else {
    b[o] = (v >>> 24) & 255;
    b[o + 1] = (v >>> 16) & 255;
    b[o + 2] = (v >>> 8) & 255;
    b[o + 3] = v & 255;
  }
}
function w16(b: Uint8Array, o: number, v: number, le: boolean): void {
  if (le) {
    b[o] = v & 255;
    b[o + 1] = (v >>> 8) & 255;
  } else {
    b[o] = (v >>> 8) & 255;
    b[o + 1] = v & 255;
  }
}

/** The 24-byte pcap file header. */
export function pcapFileHeader(o: PcapWriteOptions = {}): Uint8Array {
  const le = o.littleEndian ?? true;
  const b = new Uint8Array(24);
  w32(b, 0, o.nano ? 0xa1b23c4d : 0xa1b2c3d4, le);
  w16(b, 4, 2, le);
  w16(b, 6, 4, le);
  w32(b, 16, o.snapLen ?? 262144, le);
  w32(b, 20, o.linkType ?? 1, le);
  return b;
}

/** One pcap record (16-byte header + data) for a frame captured at tsMs. */
export function pcapRecord(tsMs: number, data: Uint8Array, o: PcapWriteOptions = {}, origLen = data.length): Uint8Array {
  const le = o.littleEndian ?? true;
  const b = new Uint8Array(16 + data.length);
  writePcapRecordHeader(b, 0, tsMs, data.length, origLen, o.nano ?? false, le);
  b.set(data, 16);
  return b;
}

/** Write a 16-byte record header into b at off (for writers that fill a big buffer in place). */
export function writePcapRecordHeader(b: Uint8Array, off: number, tsMs: number, inclLen: number, origLen: number, nano: boolean, le: boolean): void {
  const sec = Math.floor(tsMs / 1000);
  const frac = Math.round((tsMs - sec * 1000) * (nano ? 1e6 : 1e3));
  w32(b, off, sec, le);
  w32(b, off + 4, frac, le);
  w32(b, off + 8, inclLen, le);
  w32(b, off + 12, origLen, le);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Build a pcapng block with the given body (padded to 32 bits). */
export function pcapngBlock(type: number, body: Uint8Array, le = true): Uint8Array {
  const padded = (body.length + 3) & ~3;
  const len = 12 + padded;
  const b = new Uint8Array(len);
  w32(b, 0, type, le);
  w32(b, 4, len, le);
  b.set(body, 8);
  w32(b, len - 4, len, le);
  return b;
}

export function pcapngSectionHeader(le = true): Uint8Array {
  const body = new Uint8Array(16);
  w32(body, 0, 0x1a2b3c4d, le);
  w16(body, 4, 1, le);
  w16(body, 6, 0, le);
  w32(body, 8, 0xffffffff, le); // section length unknown (-1)
  w32(body, 12, 0xffffffff, le);
  return pcapngBlock(0x0a0d0d0a, body, le);
}

/** IDB; tsresol is the raw if_tsresol byte (6 = µs, 9 = ns, 0x80|n = 2^-n), omitted when undefined. */
export function pcapngInterface(linkType: number, le = true, tsresol?: number, snapLen = 0): Uint8Array {
  const body = new Uint8Array(8 + (tsresol === undefined ? 0 : 12));
  w16(body, 0, linkType, le);
  w32(body, 4, snapLen, le);
  if (tsresol !== undefined) {
    w16(body, 8, 9, le);
    w16(body, 10, 1, le);
    body[12] = tsresol;
    // then opt_endofopt (4 zero bytes) at 16
  }
  return pcapngBlock(1, body, le);
}

/** EPB with a timestamp already in interface units. */
export function pcapngEnhancedPacket(iface: number, tsUnits: bigint, data: Uint8Array, le = true, origLen = data.length): Uint8Array {
  const body = new Uint8Array(20 + data.length);
  w32(body, 0, iface, le);
  w32(body, 4, Number((tsUnits >> 32n) & 0xffffffffn), le);
  w32(body, 8, Number(tsUnits & 0xffffffffn), le);
  w32(body, 12, data.length, le);
  w32(body, 16, origLen, le);
  body.set(data, 20);
  return pcapngBlock(6, body, le);
}

export function pcapngSimplePacket(data: Uint8Array, le = true, origLen = data.length): Uint8Array {
  const body = new Uint8Array(4 + data.length);
  w32(body, 0, origLen, le);
  body.set(data, 4);
  return pcapngBlock(3, body, le);
}
