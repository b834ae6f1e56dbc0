// Classic libpcap file format (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html):
// a 24-byte file header whose magic gives byte order and timestamp unit (0xa1b2c3d4 µs,
// 0xa1b23c4d ns), then records of { ts_sec, ts_frac, incl_len, orig_len } + incl_len bytes.
// Also accepts the "modified" (Kuznetzov) variant 0xa1b2cd34, whose record header is 8 bytes longer.
import { MAX_RECORD, type Frame, type FrameSink } from './frame';

export interface PcapHeader {
  littleEndian: boolean;
  /** Divisor from ts_frac to seconds: 1e6 or 1e9. */
  fracPerSecond: number;
  linkType: number;
  snapLen: number;
  recordHeaderLen: number;
}

export const PCAP_MAGICS: ReadonlyMap<number, { nano: boolean; modified: boolean }> = new Map([
  [0xa1b2c3d4, { nano: false, modified: false }],
  [0xa1b23c4d, { nano: true, modified: false }],
  [0xa1b2cd34, { nano: false, modified: true }],
]);

function rd32(b: Uint8Array, o: number, le: boolean): number {
  return le
    ? ((b[o + 3]! << 24) >>> 0) + ((b[o + 2]! << 16) | (b[o + 1]! << 8) | b[o]!)
    : ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

/** Parse the file header at b[0..24), or explain why not. */
export function parsePcapHeader(b: Uint8Array): PcapHeader | string {
  if (b.length < 24) return 'file shorter than a pcap header';
  const be = rd32(b, 0, false);
  const le = rd32(b, 0, true);
  const mBe = PCAP_MAGICS.get(be);
  const mLe = PCAP_MAGICS.get(le);
  const m = mBe ?? mLe;
  if (!m) return 'not a pcap file';
  const littleEndian = !mBe;
  // The link-type field's upper bits carry FCS information (bits 28..31); the type is the low 16 bits.
  const network = rd32(b, 20, littleEndian);
  return {
    littleEndian,
    fracPerSecond: m.nano ? 1e9 : 1e6,
    linkType: network & 0xffff,
    snapLen: rd32(b, 16, littleEndian),
    recordHeaderLen: m.modified ? 24 : 16,
  };
}

/** Record parser: consumes whole records from b[off..end) and returns the new offset. */
export class PcapRecords {
  private readonly frame: Frame;
  error?: string;
  constructor(
    readonly header: PcapHeader,
    private readonly sink: FrameSink,
  ) {
    this.frame = { ts: 0, linkType: header.linkType, data: new Uint8Array(0), origLen: 0, iface: 0 };
  }

  /** Returns the offset after the last complete record, or -1 on a fatal structural error. */
  parse(b: Uint8Array, off: number, end: number, onFrame: () => void): number {
    const h = this.header;
    const le = h.littleEndian;
    const hl = h.recordHeaderLen;
    const f = this.frame;
    while (end - off >= hl) {
      const incl = rd32(b, off + 8, le);
      if (incl > MAX_RECORD) {
        this.error = `corrupt pcap record header at file offset +${off}: captured length ${incl} is impossible`;
        return -1;
      }
      if (end - off < hl + incl) break;
      const sec = rd32(b, off, le);
      const frac = rd32(b, off + 4, le);
      f.ts = sec * 1000 + (frac * 1000) / h.fracPerSecond;
      f.origLen = rd32(b, off + 12, le);
      f.data = b.subarray(off + hl, off + hl + incl);
      off += hl + incl;
      onFrame();
      this.sink(f);
    }
    return off;
  }
}
